/**
 * Comparing two backtests over the same events: what a proposed promise set would do
 * differently from the current one, promise by promise, in money and in customers.
 */

import { money, POINTS, parseMoney, toDecimalString } from "../money/index.js";
import type { DecimalMoney } from "../ports/remedy-store.js";
import type { BacktestCost, BacktestReport, PromiseBacktest } from "./report.js";

/** How many example customer ids a comparison lists. */
export const EXAMPLE_CUSTOMERS = 20;

/** Proposed, current, and proposed − current. */
export interface CountDelta {
  readonly proposed: number;
  readonly current: number;
  readonly delta: number;
}

/** Proposed − current per currency (signed decimal strings), points apart. */
export interface CostDelta {
  readonly money: readonly DecimalMoney[];
  readonly points: string;
}

/** How one promise differs between the two sets. */
export interface PromiseDiff {
  readonly promise: string;
  /** `added`: only in the proposed set; `removed`: only in the current one. */
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly remedies: CountDelta;
  readonly customers: CountDelta;
  readonly cost: CostDelta;
}

/** Customers one set reaches and the other does not. */
export interface CustomerDiff {
  readonly count: number;
  /** The first ids, sorted, at most `EXAMPLE_CUSTOMERS`. */
  readonly examples: readonly string[];
}

/** The difference between a proposed and a current backtest. */
export interface BacktestComparison {
  /** Every promise of either set, by id. */
  readonly promises: readonly PromiseDiff[];
  readonly totals: {
    readonly remedies: CountDelta;
    readonly customers: CountDelta;
    readonly evaluationErrors: CountDelta;
    readonly cost: CostDelta;
  };
  /** Customers the proposed set helps and the current does not. */
  readonly onlyProposed: CustomerDiff;
  /** Customers the current set helps and the proposed does not. */
  readonly onlyCurrent: CustomerDiff;
}

const count = (proposed: number, current: number): CountDelta => ({
  proposed,
  current,
  delta: proposed - current,
});

const minorOf = (amount: string, currency: string): bigint => {
  const parsed = parseMoney(amount, currency);
  // Reports carry amounts written by toDecimalString, so a failure here is a bug.
  if (!parsed.ok) throw new Error(`backtest report amount ${amount} ${currency} does not parse`);
  return parsed.value.minor;
};

const EMPTY: BacktestCost = { money: [], points: "0" };

function costDelta(proposed: BacktestCost, current: BacktestCost): CostDelta {
  const sums = new Map<string, bigint>();
  for (const m of proposed.money)
    sums.set(m.currency, (sums.get(m.currency) ?? 0n) + minorOf(m.amount, m.currency));
  for (const m of current.money)
    sums.set(m.currency, (sums.get(m.currency) ?? 0n) - minorOf(m.amount, m.currency));
  const points = minorOf(proposed.points, POINTS) - minorOf(current.points, POINTS);
  return {
    money: [...sums.keys()].sort().map((currency) => ({
      amount: toDecimalString(money(sums.get(currency) ?? 0n, currency)),
      currency,
    })),
    points: toDecimalString(money(points, POINTS)),
  };
}

const sameCost = (a: BacktestCost, b: BacktestCost) => JSON.stringify(a) === JSON.stringify(b);

function promiseDiff(
  id: string,
  proposed: PromiseBacktest | undefined,
  current: PromiseBacktest | undefined,
): PromiseDiff {
  const status = !current
    ? "added"
    : !proposed
      ? "removed"
      : proposed.remedies === current.remedies &&
          proposed.customers === current.customers &&
          sameCost(proposed.cost, current.cost)
        ? "unchanged"
        : "changed";
  return {
    promise: id,
    status,
    remedies: count(proposed?.remedies ?? 0, current?.remedies ?? 0),
    customers: count(proposed?.customers ?? 0, current?.customers ?? 0),
    cost: costDelta(proposed?.cost ?? EMPTY, current?.cost ?? EMPTY),
  };
}

/** Ids in sorted `a` and not in sorted `b` (both sorted, as reports keep them). */
function difference(a: readonly string[], b: readonly string[]): CustomerDiff {
  const other = new Set(b);
  let n = 0;
  const examples: string[] = [];
  for (const id of a) {
    if (other.has(id)) continue;
    n++;
    if (examples.length < EXAMPLE_CUSTOMERS) examples.push(id);
  }
  return { count: n, examples };
}

/** What `proposed` does differently from `current`; both should cover the same events. */
export function compareBacktests(
  proposed: BacktestReport,
  current: BacktestReport,
): BacktestComparison {
  const ids = [...new Set([...Object.keys(proposed.promises), ...Object.keys(current.promises)])];
  const own = (r: BacktestReport, id: string) =>
    Object.hasOwn(r.promises, id) ? r.promises[id] : undefined;
  return {
    promises: ids.sort().map((id) => promiseDiff(id, own(proposed, id), own(current, id))),
    totals: {
      remedies: count(proposed.totals.remedies, current.totals.remedies),
      customers: count(proposed.totals.customers, current.totals.customers),
      evaluationErrors: count(proposed.totals.evaluationErrors, current.totals.evaluationErrors),
      cost: costDelta(proposed.cost, current.cost),
    },
    onlyProposed: difference(proposed.reached, current.reached),
    onlyCurrent: difference(current.reached, proposed.reached),
  };
}
