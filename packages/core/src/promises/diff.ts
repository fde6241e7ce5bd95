/**
 * What changed between two versions of a Bill of Rights, promise by promise and field by
 * field, in the words the YAML uses — the review a CX lead does before `backtest --against`
 * says what the change would cost.
 */
import { toDecimalString } from "../money/index.js";
import type { AmountRule, CompiledPromise, Governance, PromiseDocument } from "./document.js";

/** One field of a promise that differs, as text on both sides (absent: undefined). */
export interface FieldChange {
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
}

/** A promise added, removed or changed (with its changed fields). */
export type PromiseChange =
  | { readonly id: string; readonly change: "added" | "removed" }
  | { readonly id: string; readonly change: "changed"; readonly fields: readonly FieldChange[] };

/** The difference between two documents. */
export interface PromisesDiff {
  readonly before: { readonly company: string; readonly version: string };
  readonly after: { readonly company: string; readonly version: string };
  /** In the order of `after`, then the removed ones in the order of `before`. */
  readonly changes: readonly PromiseChange[];
}

const money = (m: { readonly currency: string } & Parameters<typeof toDecimalString>[0]) =>
  `${toDecimalString(m)} ${m.currency}`;
const monies = (list: readonly Parameters<typeof money>[0][] | undefined) =>
  list?.map(money).join(", ");

function amountText(rule: AmountRule | undefined): string | undefined {
  if (rule === undefined) return undefined;
  switch (rule.type) {
    case "expr":
      return rule.expr.source;
    case "fraction":
      return `fraction ${rule.numerator}/${rule.denominator}`;
    case "fixed":
      return money(rule.money);
  }
}

const ms = (n: number | undefined) => (n === undefined ? undefined : `${n} ms`);

function governanceFields(g: Governance): Record<string, string | undefined> {
  return {
    "governance.autoApproveUpTo": monies(g.autoApproveUpTo),
    "governance.perCustomerCap":
      g.perCustomerCap && `${monies(g.perCustomerCap.amount)} per ${g.perCustomerCap.periodMs} ms`,
    "governance.dailyBudget": monies(g.dailyBudget),
  };
}

// Every field a reader could care about, as comparable text. The compiled form is compared,
// so a re-indented YAML block or reordered keys are no change, and a changed meaning is.
function fields(p: CompiledPromise): Record<string, string | undefined> {
  return {
    on: p.on.join(", "),
    reach: p.reach,
    when: p.when?.source,
    "expect.event": p.expect?.event,
    "expect.by": p.expect?.by.source,
    "expect.grace": ms(p.expect?.graceMs),
    incident: p.incident?.source,
    cause: p.cause?.source,
    "remedy.kind": p.remedy.kind,
    "remedy.amount": amountText(p.remedy.amount),
    "remedy.tender": p.remedy.tender,
    "remedy.within": ms(p.remedy.withinMs),
    "remedy.compensation": String(p.remedy.compensation),
    "guard.check": p.guard?.check,
    "guard.window": ms(p.guard?.windowMs),
    ...governanceFields(p.governance),
    notice: p.notice,
    "title.en": p.title.en,
    "text.en": p.text.en,
  };
}

/** The changes from `before` to `after`. */
export function diffPromises(before: PromiseDocument, after: PromiseDocument): PromisesDiff {
  const old = new Map(before.promises.map((p) => [p.id, p]));
  const kept = new Set<string>();
  const changes: PromiseChange[] = [];
  for (const p of after.promises) {
    const was = old.get(p.id);
    if (was === undefined) {
      changes.push({ id: p.id, change: "added" });
      continue;
    }
    kept.add(p.id);
    const a = fields(was);
    const b = fields(p);
    const changed = Object.keys(b)
      .filter((f) => a[f] !== b[f])
      .map((field) => ({
        field,
        ...(a[field] !== undefined && { before: a[field] }),
        ...(b[field] !== undefined && { after: b[field] }),
      }));
    if (changed.length > 0) changes.push({ id: p.id, change: "changed", fields: changed });
  }
  for (const p of before.promises) {
    if (!kept.has(p.id)) changes.push({ id: p.id, change: "removed" });
  }
  return {
    before: { company: before.company, version: before.version },
    after: { company: after.company, version: after.version },
    changes,
  };
}
