/**
 * Request validation failures (zod) as located API issues in the caller's language, with
 * zod's own locale maps for the words.
 */
import { eventMessages, formatPath, interpolate, type Lang, type ValueKind } from "@goodfaith/core";
import { z } from "@hono/zod-openapi";
import { REQUEST_ISSUES, type RequestIssueCode, requestIssueText } from "./messages.js";
import { type ApiIssue, ProblemError } from "./problem.js";

const LOCALES: Readonly<Record<Lang, ReturnType<typeof z.locales.en>>> = {
  en: z.locales.en(),
  "zh-CN": z.locales.zhCN(),
  sv: z.locales.sv(),
};

// zod's locale maps name only a few types in their language ("期望 数组，实际接收 string"):
// the others are worded as event issues word the kinds of value (`event.kind.*`).
const KINDS: Readonly<Record<string, ValueKind>> = {
  string: "string",
  number: "number",
  int: "integer",
  boolean: "boolean",
  object: "object",
  record: "object",
  array: "array",
  null: "null",
  undefined: "missing",
};

/** A zod type name (`string`, `array`, `undefined` …) as `lang` says it; English keeps zod's. */
export function typeWord(lang: Lang, type: string): string {
  const kind = KINDS[type];
  if (lang === "en" || kind === undefined) return type;
  return eventMessages[lang][`event.kind.${kind}`] ?? type;
}

const INVALID_TYPE: Readonly<Record<Exclude<Lang, "en">, string>> = {
  "zh-CN": "无效输入：期望{expected}，实际接收{received}",
  sv: "Ogiltig inmatning: förväntade {expected}, fick {received}",
};

/** zod's words for `raw` in `lang`, with the names of types in that language too. */
function zodMessage(raw: z.core.$ZodRawIssue & { input: unknown }, lang: Lang): string {
  if (lang !== "en" && raw.code === "invalid_type" && !/^[A-Z]/.test(raw.expected))
    return interpolate(INVALID_TYPE[lang], {
      expected: typeWord(lang, raw.expected),
      received: typeWord(lang, z.core.util.parsedType(raw.input)),
    });
  const rendered = LOCALES[lang].localeError(raw as never);
  const message = typeof rendered === "string" ? rendered : (rendered?.message ?? "");
  // "期望 string >=1 字符": the size issues name the type they measure as it is.
  if (lang !== "en" && (raw.code === "too_small" || raw.code === "too_big") && raw.origin)
    return message.replace(` ${raw.origin} `, ` ${typeWord(lang, raw.origin)} `);
  return message;
}

/** Where a request part's issues are reported: the body's fields bare, others prefixed. */
export type Target = "json" | "form" | "query" | "param" | "header" | "cookie";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Options of a zod refinement whose failure is the server's own `code` (`REQUEST_ISSUES`):
 * zod's locale maps word a custom issue only as "Invalid input".
 */
export const refinement = (code: RequestIssueCode) => ({ params: { issue: code } });

/**
 * A query parameter of comma-separated `statuses`, e.g. `dead` or `pending,delivering`: an
 * unknown one is the located `request.invalid_status` naming it and what is allowed. The
 * document states the same rule as a pattern.
 */
export function statusList(statuses: readonly string[]) {
  const one = `(${statuses.join("|")})`;
  return z
    .string()
    .superRefine((text, ctx) => {
      const unknown = text.split(",").find((s) => !statuses.includes(s));
      if (unknown === undefined) return;
      ctx.addIssue({
        code: "custom",
        params: { issue: "invalid_status", value: unknown, allowed: statuses.join(", ") },
      });
    })
    .openapi({ pattern: `^${one}(,${one})*$` });
}

const isRequestIssue = (code: unknown): code is RequestIssueCode =>
  (REQUEST_ISSUES as readonly unknown[]).includes(code);

/** The server's own issue `code` at `path`, in `lang`. */
export function requestIssue(
  code: RequestIssueCode,
  path: string,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): ApiIssue {
  return { code: `request.${code}`, path, message: requestIssueText(code, lang, params) };
}

/** The 400 `invalid_request` problem for the server's own issue `code` at `path`. */
export function badRequest(
  code: RequestIssueCode,
  path: string,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): ProblemError {
  return new ProblemError(
    "invalid_request",
    400,
    {},
    { issues: [requestIssue(code, path, lang, params)] },
  );
}

/**
 * Each issue of `error` as an API issue. `input` is what was validated: zod's finished issues
 * no longer carry the offending value, and the locale maps name its type.
 */
export function zodIssues(
  error: z.ZodError,
  target: Target,
  input: unknown,
  lang: Lang,
): ApiIssue[] {
  // An unknown key is located at itself, not at the object that holds it.
  const issues = error.issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }))
      : [issue],
  );
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const located = target === "json" || target === "form" ? path : [target, ...path];
    const { issue: own, ...params } = (issue.code === "custom" && issue.params) || {};
    if (isRequestIssue(own))
      return requestIssue(own, formatPath(located), lang, params as Record<string, string>);
    const raw = { ...issue, input: valueAt(input, path) };
    const message = zodMessage(raw as never, lang) || issue.message;
    return { code: `request.${issue.code}`, path: formatPath(located), message };
  });
}

/** The 400 `invalid_request` problem for a request part that failed its schema. */
export function invalidRequest(
  error: z.ZodError,
  target: Target,
  input: unknown,
  lang: Lang,
): ProblemError {
  return new ProblemError(
    "invalid_request",
    400,
    {},
    { issues: zodIssues(error, target, input, lang) },
  );
}
