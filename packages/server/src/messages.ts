/**
 * The server's own words, in each of Goodfaith's languages: problem titles and details.
 * Event and promise issues are rendered by the core's catalogs (`renderIssue`).
 */
import { interpolate, type Lang } from "@goodfaith/core";
import { PROBLEM_TEXTS } from "./problem-texts.js";

/** Every problem the API answers with, by stable code. */
export const PROBLEM_CODES = [
  "unauthorized",
  "invalid_key",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "body_too_large",
  "too_many_events",
  "unsupported_media_type",
  "invalid_json",
  "invalid_request",
  "events_rejected",
  "rate_limited",
  "idempotency_key_invalid",
  "idempotency_key_reused",
  "idempotency_key_in_progress",
  "remedy_not_found",
  "customer_not_found",
  "webhook_not_found",
  "remedy_conflict",
  "not_ready",
  "recovering",
  "store_unavailable",
  "capital_unavailable",
  "no_promises",
  "internal",
] as const;

/** One of `PROBLEM_CODES`. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A problem's title and detail in `lang`, with `params` filled in. */
export function problemText(
  code: ProblemCode,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): { title: string; detail: string } {
  const texts = PROBLEM_TEXTS[lang][code];
  return { title: texts.title, detail: interpolate(texts.detail, params) };
}

/** Issues the server finds in a request itself (zod's locale maps word the rest), by code. */
export const REQUEST_ISSUES = [
  "invalid_json",
  "invalid_cursor",
  "invalid_status",
  "invalid_period",
  "invalid_bucket",
  "invalid_url",
  "invalid_webhook_id",
  "not_an_array",
  "invalid_against",
] as const;

/** One of `REQUEST_ISSUES`. */
export type RequestIssueCode = (typeof REQUEST_ISSUES)[number];

const issueTexts: Readonly<Record<Lang, Readonly<Record<RequestIssueCode, string>>>> = {
  en: {
    invalid_json: "is not valid JSON",
    invalid_cursor: "is not a cursor this API gave out; pass the `next` of the previous page",
    invalid_status: 'unknown status "{value}"; expected one of {allowed}',
    invalid_period: "expected a month (2026-11) or a range of days (2026-11-01..2026-11-30)",
    invalid_bucket: "expected a day (2026-11-02), an ISO week (2026-W45), a month (2026-11) or all",
    invalid_url: "expected an absolute http(s) URL",
    invalid_webhook_id:
      "is not a webhook endpoint id (we_ and 12 hex digits, e.g. we_3f9a1c2b7d4e)",
    not_an_array: "batch mode expects a JSON array of CloudEvents",
    invalid_against:
      'expected "current" (the promises this server decides with now) or promise documents as YAML text',
  },
  "zh-CN": {
    invalid_json: "不是有效的 JSON",
    invalid_cursor: "不是此 API 给出的游标；请传入上一页的 `next`",
    invalid_status: "未知状态“{value}”；应为以下之一：{allowed}",
    invalid_period: "应为月份（2026-11）或日期范围（2026-11-01..2026-11-30）",
    invalid_bucket: "应为日期（2026-11-02）、ISO 周（2026-W45）、月份（2026-11）或 all",
    invalid_url: "应为绝对 http(s) URL",
    invalid_webhook_id: "不是 Webhook 端点 ID（we_ 加 12 位十六进制数字，例如 we_3f9a1c2b7d4e）",
    not_an_array: "批量模式需要 CloudEvents 的 JSON 数组",
    invalid_against: '应为 "current"（本服务器当前使用的承诺）或 YAML 文本形式的承诺文档',
  },
  sv: {
    invalid_json: "är inte giltig JSON",
    invalid_cursor: "är ingen markör som API:et har gett ut; skicka `next` från föregående sida",
    invalid_status: 'okänd status "{value}"; förväntade en av {allowed}',
    invalid_period:
      "förväntade en månad (2026-11) eller ett intervall av dagar (2026-11-01..2026-11-30)",
    invalid_bucket:
      "förväntade en dag (2026-11-02), en ISO-vecka (2026-W45), en månad (2026-11) eller all",
    invalid_url: "förväntade en absolut http(s)-URL",
    invalid_webhook_id:
      "är inget id för en webhook-slutpunkt (we_ och 12 hexadecimala siffror, t.ex. we_3f9a1c2b7d4e)",
    not_an_array: "batchläget förväntar sig en JSON-array av CloudEvents",
    invalid_against:
      'förväntade "current" (löftena som servern beslutar med nu) eller löftesdokument som YAML-text',
  },
};

/** A request issue's words in `lang`, with `params` filled in. */
export function requestIssueText(
  code: RequestIssueCode,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return interpolate(issueTexts[lang][code], params);
}
