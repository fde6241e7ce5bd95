/**
 * What a firing promise works out for one target: its incident (what makes it the same
 * incident on a re-run), its amount, and the explanation of that amount. Expressions go
 * through the event's `SharedMemo`, so values shared by every target are computed once.
 */
import { plainValue } from "../cel/explain.js";
import { MoneyValue } from "../cel/money-value.js";
import { type Money, money, multiplyRatio } from "../money/index.js";
import type { CompiledPromise } from "../promises/document.js";
import type { Explanation } from "./outcome.js";
import type { SharedMemo } from "./shared-memo.js";
import type { Target } from "./targets.js";

/** The promise's own `incident` expression when it gives a string, else the target's. */
export function incidentOf(
  promise: CompiledPromise,
  target: Target,
  ctx: object,
  memo: SharedMemo,
): string {
  const custom = promise.incident && memo.value(promise.incident, ctx);
  return typeof custom === "string" ? custom : target.incident;
}

/** The amount before any cap; throws when the promise's rule cannot give one here. */
export function amountOf(
  promise: CompiledPromise,
  target: Target,
  ctx: object,
  memo: SharedMemo,
): Money | undefined {
  const rule = promise.remedy.amount;
  if (!rule) return undefined;
  switch (rule.type) {
    case "fixed":
      return rule.money;
    case "expr": {
      const value = memo.value(rule.expr, ctx);
      if (!(value instanceof MoneyValue)) throw new Error(`amount of ${promise.id} is not money`);
      return value;
    }
    case "fraction": {
      const p = target.payable;
      if (!p)
        throw new Error(`${promise.id}: a fraction of what was paid, but nothing was paid here`);
      return multiplyRatio(
        money(p.total, p.currency),
        rule.numerator,
        rule.denominator,
        "half-even",
      );
    }
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** How `amount` (after any cap) was arrived at, for the remedy's explanation. */
export function explainAmount(
  promise: CompiledPromise,
  ctx: object,
  amount: Money,
  memo: SharedMemo,
): NonNullable<Explanation["amount"]> {
  const rule = promise.remedy.amount;
  const value = { amount: MoneyValue.of(amount).amount, currency: amount.currency };
  switch (rule?.type) {
    case "expr":
      return memo.explain(rule.expr, ctx, MoneyValue.of(amount));
    case "fraction": {
      const { numerator: n, denominator: d } = rule;
      const parts = { kind: "fraction", numerator: whole(n), denominator: whole(d) } as const;
      return { rule: `fraction ${n}/${d} of what was paid`, ...parts, value };
    }
    case "fixed":
    case undefined:
      return {
        rule: "fixed",
        kind: "fixed",
        fixed: MoneyValue.of(rule?.money ?? amount).toJSON(),
        value,
      };
    default: {
      const never: never = rule;
      return never;
    }
  }
}

/** A whole number of a fraction, JSON-safe: a number, or a string when too large for one. */
const whole = (n: bigint): number | string => plainValue(n) as number | string;
