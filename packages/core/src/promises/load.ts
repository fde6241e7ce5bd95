/**
 * Loading a Bill of Rights: YAML → schema check → compiled promises. Every problem in the
 * document is reported at once, each with its field path, line and column; a document
 * with any problem loads nothing.
 */
import { closest } from "../cel/closest.js";
import { type CompiledExpression, compileExpression, type ExpectedType } from "../cel/compile.js";
import { VARIABLES_BY_EVENT } from "../cel/environment.js";
import { hoistSharedTerms } from "../cel/hoist.js";
import type { Issue, Result } from "../issue.js";
import { type Money, parseMoney, parseRatio } from "../money/index.js";
import type { AmountRule, CompiledPromise, PromiseDocument, Reach } from "./document.js";
import { documentSchema, type RawDocument, type RawPromise } from "./document-schema.js";
import { parseDuration } from "./duration.js";
import { schemaIssues } from "./schema-issues.js";
import { readYaml } from "./yaml-issues.js";
import { positionInScalar, positionOf, type YamlSource } from "./yaml-source.js";

type Path = readonly (string | number)[];

const SHARED_REACH: Readonly<Record<string, Reach>> = {
  "flight.arrived": "bookings",
  "flight.cancelled": "bookings",
  "service.outage": "subscribers",
  "price.changed": "buyers",
};

const REACH_EVENTS: Readonly<Record<Reach, (type: string) => boolean>> = {
  customer: (t) => !(t in SHARED_REACH),
  bookings: (t) => t.startsWith("flight."),
  passengers: (t) => t.startsWith("flight.") || t === "booking.created",
  subscribers: (t) => t === "service.outage",
  buyers: (t) => t === "price.changed",
};

class IssueList {
  readonly items: Issue[] = [];
  constructor(private readonly src: YamlSource) {}
  at(
    path: Path,
    code: string,
    params: Record<string, string | number> = {},
    messageKey = code,
  ): void {
    this.items.push({ code, messageKey, params, path, ...positionOf(this.src, path) });
  }
  inExpression(
    path: Path,
    offset: number,
    code: string,
    params: Record<string, string | number>,
    messageKey: string,
  ): void {
    this.items.push({
      code,
      messageKey,
      params,
      path,
      ...positionInScalar(this.src, path, offset),
    });
  }
}

function asList(on: string | readonly string[]): readonly string[] {
  return typeof on === "string" ? [on] : on;
}

function money(list: IssueList, path: Path, amount: string, currency: string): Money | undefined {
  const parsed = parseMoney(amount, currency);
  if (parsed.ok) return parsed.value;
  list.at(path, "promise.invalid_money", { amount, currency });
  return undefined;
}

function limits(
  list: IssueList,
  path: Path,
  value: string | Readonly<Record<string, string>> | undefined,
  currency: string,
): Money[] | undefined {
  if (value === undefined) return undefined;
  const entries = typeof value === "string" ? [[currency, value] as const] : Object.entries(value);
  const out: Money[] = [];
  for (const [cur, amount] of entries) {
    const m = money(list, typeof value === "string" ? path : [...path, cur], amount, cur);
    if (m) out.push(m);
  }
  return out;
}

function duration(list: IssueList, path: Path, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) list.at(path, "promise.invalid_duration");
  return ms;
}

function expression(
  list: IssueList,
  path: Path,
  source: string | undefined,
  eventTypes: readonly string[],
  expected: ExpectedType,
  currency: string,
): CompiledExpression | undefined {
  if (source === undefined) return undefined;
  const compiled = compileExpression(source, eventTypes, expected, currency);
  if (compiled.ok) return compiled.value;
  // Every expression error keeps the code `promise.invalid_expression`; its kind chooses the words.
  const { eventType, kind, params, start } = compiled.error;
  const key = `promise.cel.${kind}${params.suggestion === undefined ? "" : "_suggest"}`;
  list.inExpression(path, start, "promise.invalid_expression", { eventType, ...params }, key);
  return undefined;
}

function compilePromise(
  list: IssueList,
  raw: RawPromise,
  index: number,
  doc: RawDocument,
): CompiledPromise | undefined {
  const at = (...rest: (string | number)[]): Path => ["promises", index, ...rest];
  const before = list.items.length;
  const on = asList(raw.on);
  const isGuard = on.includes("guard.check");
  const evaluated = on.filter((t) => t !== "guard.check");
  on.forEach((t, i) => {
    if (t !== "guard.check" && !(t in VARIABLES_BY_EVENT)) {
      const suggestion = closest(t, Object.keys(VARIABLES_BY_EVENT));
      list.at(
        typeof raw.on === "string" ? at("on") : at("on", i),
        "promise.unknown_event",
        { eventType: t, ...(suggestion && { suggestion }) },
        suggestion ? "promise.unknown_event_suggest" : "promise.unknown_event",
      );
    }
  });
  const reach = raw.reach ?? SHARED_REACH[evaluated[0] ?? ""] ?? "customer";
  for (const t of evaluated) {
    if (t in VARIABLES_BY_EVENT && !REACH_EVENTS[reach](t)) {
      list.at(at(raw.reach ? "reach" : "on"), "promise.reach_mismatch", { reach, eventType: t });
    }
  }
  if ((raw.remedy.kind === "warning") !== isGuard || (isGuard && !raw.guard)) {
    list.at(at("remedy", "kind"), "promise.guard_required");
  }
  const known = evaluated.filter((t) => t in VARIABLES_BY_EVENT);
  const when = expression(list, at("when"), raw.when, known, "bool", doc.currency);
  const sharedWhen = when && hoistSharedTerms(when, known);
  const incident = expression(list, at("incident"), raw.incident, known, "string", doc.currency);
  const cause = expression(list, at("cause"), raw.cause, known, "string", doc.currency);
  const by =
    raw.expect &&
    expression(
      list,
      at("expect", "by"),
      raw.expect.by,
      known,
      "google.protobuf.Timestamp",
      doc.currency,
    );
  const graceMs = duration(list, at("expect", "grace"), raw.expect?.grace) ?? 0;
  const withinMs = duration(list, at("remedy", "within"), raw.remedy.within);
  const monetary = ["refund", "credit", "points"].includes(raw.remedy.kind);
  const remedyCurrency = raw.remedy.kind === "points" ? "PTS" : doc.currency;
  let amount: AmountRule | undefined;
  const a = raw.remedy.amount;
  if (a && "expr" in a) {
    const expr = expression(
      list,
      at("remedy", "amount", "expr"),
      a.expr,
      known,
      "Money",
      doc.currency,
    );
    if (expr) amount = { type: "expr", expr };
  } else if (a && "fraction" in a) {
    const ratio = parseRatio(a.fraction);
    if (ratio) amount = { type: "fraction", ...ratio };
    else list.at(at("remedy", "amount", "fraction"), "promise.invalid_decimal");
  } else if (a && "fixed" in a) {
    const m = money(list, at("remedy", "amount", "fixed"), a.fixed, a.currency ?? remedyCurrency);
    if (m) amount = { type: "fixed", money: m };
  } else if (monetary) {
    list.at(at("remedy"), "promise.amount_required", { kind: raw.remedy.kind });
  }
  const g = raw.governance;
  const govCurrency = remedyCurrency;
  const autoApproveUpTo = limits(
    list,
    at("governance", "autoApproveUpTo"),
    g?.autoApproveUpTo,
    govCurrency,
  );
  const capAmount = limits(
    list,
    at("governance", "perCustomerCap", "amount"),
    g?.perCustomerCap?.amount,
    govCurrency,
  );
  const capPeriod = duration(
    list,
    at("governance", "perCustomerCap", "period"),
    g?.perCustomerCap?.period,
  );
  const dailyBudget = limits(list, at("governance", "dailyBudget"), g?.dailyBudget, govCurrency);
  const windowMs = duration(list, at("guard", "window"), raw.guard?.window) ?? 14 * 86_400_000;
  if (list.items.length > before) return undefined;
  return {
    id: raw.id,
    version: String(doc.version),
    company: doc.company,
    title: raw.title,
    text: raw.text,
    on: evaluated,
    reach,
    ...(when && { when }),
    ...(sharedWhen && { shared: sharedWhen }),
    ...(by && { expect: { event: raw.expect?.event ?? "", by, graceMs } }),
    ...(incident && { incident }),
    ...(cause && { cause }),
    remedy: {
      kind: raw.remedy.kind,
      ...(amount && { amount }),
      tender:
        raw.remedy.tender ??
        (raw.remedy.kind === "points"
          ? "points"
          : raw.remedy.kind === "credit"
            ? "credit"
            : "original"),
      ...(withinMs !== undefined && { withinMs }),
      compensation: raw.remedy.compensation ?? false,
      ...(raw.remedy.gesture && { gesture: raw.remedy.gesture }),
    },
    ...(raw.guard && { guard: { check: raw.guard.check, windowMs } }),
    governance: {
      ...(autoApproveUpTo && { autoApproveUpTo }),
      ...(capAmount &&
        capPeriod !== undefined && { perCustomerCap: { amount: capAmount, periodMs: capPeriod } }),
      ...(dailyBudget && { dailyBudget }),
    },
    ...(raw.notice && { notice: raw.notice }),
  };
}

/** Loads a Bill of Rights from YAML text; `source` names it in explanations (e.g. a file name). */
export function loadPromises(text: string, source = "promises.yaml"): Result<PromiseDocument> {
  const read = readYaml(text);
  if (!read.ok) return read;
  const { src, data } = read.value;
  const parsed = documentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: schemaIssues(src, data, parsed.error.issues) };
  const list = new IssueList(src);
  const doc = parsed.data;
  const seen = new Set<string>();
  const promises: CompiledPromise[] = [];
  doc.promises.forEach((raw, i) => {
    if (seen.has(raw.id)) list.at(["promises", i, "id"], "promise.duplicate_id", { id: raw.id });
    seen.add(raw.id);
    const compiled = compilePromise(list, raw, i, doc);
    if (compiled) promises.push(compiled);
  });
  if (list.items.length > 0) return { ok: false, issues: list.items };
  return {
    ok: true,
    value: {
      source,
      company: doc.company,
      version: String(doc.version),
      currency: doc.currency,
      ...(doc.title && { title: doc.title }),
      ...(doc.intro && { intro: doc.intro }),
      promises,
    },
  };
}
