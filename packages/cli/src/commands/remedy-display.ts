/**
 * How `remedies show` and `customer show` word a remedy for people: its status in the reader's
 * language, and its explanation as lines of facts and values (`--json` keeps the API's codes).
 */
import { LANGS, type Lang, REMEDY_STATUS_WORDS, type RemedyStatus } from "@goodfaith/core";
import { cells, padCells } from "../io/pad.js";
import { catalogs, type MessageKey, t } from "../messages.js";

/**
 * A remedy's status as `lang` says it, in the API's words; English keeps the code, which is what
 * `--status` takes. An unknown code stays as it is.
 */
export function remedyStatusText(lang: Lang, status: string): string {
  if (lang === "en") return status;
  return REMEDY_STATUS_WORDS[lang][status as RemedyStatus] ?? status;
}

/** A notice's status as `lang` says it; an unknown code stays as it is. */
export function noticeStatusText(lang: Lang, status: string): string {
  const key = `noticeStatus_${status}`;
  return key in catalogs.en ? t(lang, key as MessageKey) : status;
}

/** `texts` padded to the widest of them, in terminal cells (CJK takes two). */
export function padColumn(texts: readonly string[]): string[] {
  const width = Math.max(0, ...texts.map(cells));
  return texts.map((x) => padCells(x, width));
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

const isMoney = (v: Json): v is { amount: string; currency: string } =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { amount?: unknown }).amount === "string" &&
  typeof (v as { currency?: unknown }).currency === "string";

/** A value of an explanation as people read it: 40.00 EUR, true in the reader's words, text. */
export function valueText(lang: Lang, value: Json | undefined): string {
  if (value === undefined) return "—";
  if (typeof value === "boolean") return t(lang, value ? "valueTrue" : "valueFalse");
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (isMoney(value)) return `${value.amount} ${value.currency}`;
  return JSON.stringify(value);
}

interface Explained {
  readonly expr?: string;
  readonly rule?: string;
  /** An amount's rule in parts (`fixed`, `fraction`); absent from explanations stored before. */
  readonly kind?: string;
  readonly numerator?: Json;
  readonly denominator?: Json;
  readonly value?: Json;
  readonly terms?: readonly { readonly expr: string; readonly value?: Json }[];
}

const oneLine = (expr: string) => expr.replace(/\s*\n\s*/g, " ");

/**
 * How an amount was arrived at, in the reader's words when the explanation gives the rule in
 * parts; one stored before that keeps its English `rule`, and an expression is its own text.
 */
function ruleText(lang: Lang, e: Explained): string | undefined {
  switch (e.kind) {
    case "fixed":
      return t(lang, "amountRuleFixed");
    case "fraction":
      return t(lang, "amountRuleFraction", {
        numerator: String(e.numerator),
        denominator: String(e.denominator),
      });
    default:
      return e.expr ?? e.rule;
  }
}

/** The lines of a remedy's stored detail (`remedyJson(r).detail`), indented by `indent`. */
export function remedyDetailLines(lang: Lang, detail: unknown, indent = "  "): string[] {
  const d = (detail ?? {}) as { readonly [k: string]: Json | undefined };
  const lines: string[] = [];
  const say = (key: MessageKey, params: Record<string, string | number> = {}, deeper = "") =>
    lines.push(`${indent}${deeper}${t(lang, key, params)}`);
  const x = (d.explanation ?? {}) as {
    readonly promise?: { company?: string; title?: Partial<Record<Lang, string>> };
    readonly events?: readonly string[];
    readonly condition?: Explained;
    readonly deadline?: { expected: string; by: string; passedAt: string };
    readonly amount?: Explained;
    readonly capped?: { from: Json; to: Json };
  };
  if (x.promise) {
    const title = x.promise.title?.[lang] ?? LANGS.map((l) => x.promise?.title?.[l]).find(Boolean);
    say("explainPromise", { title: title ?? "—", company: x.promise.company ?? "—" });
  }
  if (typeof d.incident === "string")
    say("explainIncident", { incident: d.incident, at: String(d.at ?? "—") });
  if (typeof d.cause === "string") lines.push(`${indent}${t(lang, "because")}: ${d.cause}`);
  const approval = d.approval as { required?: boolean; reasons?: readonly string[] } | undefined;
  if (approval) {
    const due = typeof d.dueBy === "string" ? `, ${t(lang, "due", { due: d.dueBy })}` : "";
    const words = approval.required
      ? t(lang, "needsApproval", { reasons: (approval.reasons ?? []).join(", ") })
      : t(lang, "auto");
    say("explainApproval", { approval: `${words}${due}` });
  }
  const split = d.split as readonly { method: string; amount: string; currency: string }[];
  if (Array.isArray(split) && split.length > 0)
    say("explainPaidAs", {
      split: split.map((p) => `${p.method} ${p.amount} ${p.currency}`).join(", "),
    });
  if (x.events?.length) say("explainEvents", { events: x.events.join(", ") });
  const explained = (key: "explainCondition" | "explainAmount", e: Explained) => {
    say(key, { expr: oneLine(ruleText(lang, e) ?? "—"), value: valueText(lang, e.value) });
    for (const term of e.terms ?? [])
      say("explainTerm", { expr: oneLine(term.expr), value: valueText(lang, term.value) }, "    ");
  };
  if (x.condition) explained("explainCondition", x.condition);
  if (x.deadline) say("explainDeadline", { ...x.deadline });
  if (x.amount) explained("explainAmount", x.amount);
  if (x.capped)
    say("explainCapped", {
      from: valueText(lang, x.capped.from),
      to: valueText(lang, x.capped.to),
    });
  if (typeof d.notice === "string") say("explainNotice", { notice: d.notice });
  return lines;
}
