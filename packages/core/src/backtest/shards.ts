/**
 * Sharding a backtest by customer: which shard a customer's events go to, whether a promise
 * set can be sharded at all, and how the shards' reports add up to the whole stream's.
 *
 * Each shard replays its own customers' events, every event with no customer (flights,
 * prices, outages: each shard then reaches only its own bookings, buyers, subscribers) and
 * only the time of the other shards' events. Every remedy, evaluation error and customer
 * belongs to exactly one shard, so the reports add up exactly; a shared event is counted in
 * the event totals by shard 0 alone.
 */

import { money, POINTS, parseMoney, toDecimalString } from "../money/index.js";
import type { PromiseDocument } from "../promises/document.js";
import type { BacktestCost, BacktestReport, DayBacktest, PromiseBacktest } from "./report.js";

/** The shard (0 ≤ n < `shards`) of a customer: FNV-1a over the id's UTF-16 code units. */
export function shardOf(customer: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < customer.length; i++) {
    h ^= customer.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

/** Why a promise set cannot be replayed in shards: one of its promises joins customers. */
export interface ShardingBlocker {
  readonly promise: string;
  /**
   * `daily_budget`: the budget is spent by every customer together. `custom_incident`: an
   * `incident` expression may name one incident for several customers, paid only once.
   */
  readonly reason: "daily_budget" | "custom_incident";
}

/** The first promise of `documents` whose decisions depend on other customers, if any. */
export function shardingBlocker(
  documents: readonly PromiseDocument[],
): ShardingBlocker | undefined {
  for (const d of documents)
    for (const p of d.promises) {
      if (p.governance.dailyBudget) return { promise: p.id, reason: "daily_budget" };
      if (p.incident) return { promise: p.id, reason: "custom_incident" };
    }
  return undefined;
}

/** A cost's decimal strings (money, then points as POINTS), added as minor units per currency. */
function addCost(into: Map<string, bigint>, cost: BacktestCost): void {
  const add = (amount: string, currency: string) => {
    const negative = amount.startsWith("-");
    const parsed = parseMoney(negative ? amount.slice(1) : amount, currency);
    if (!parsed.ok) throw new Error(`bad amount in a shard's report: ${amount} ${currency}`);
    const minor = negative ? -parsed.value.minor : parsed.value.minor;
    into.set(currency, (into.get(currency) ?? 0n) + minor);
  };
  for (const m of cost.money) add(m.amount, m.currency);
  add(cost.points, POINTS);
}

/** The sum of costs, shaped as a report shapes one (currencies sorted, points apart). */
function mergeCost(costs: readonly BacktestCost[]): BacktestCost {
  const sums = new Map<string, bigint>();
  for (const c of costs) addCost(sums, c);
  const currencies = [...sums.keys()].filter((c) => c !== POINTS).sort();
  return {
    money: currencies.map((currency) => ({
      amount: toDecimalString(money(sums.get(currency) ?? 0n, currency)),
      currency,
    })),
    points: toDecimalString(money(sums.get(POINTS) ?? 0n, POINTS)),
  };
}

/** Groups records by key (sorted, like a report) and merges each group's values. */
function mergeRecords<T, U>(
  records: readonly Readonly<Record<string, T>>[],
  merge: (values: T[]) => U,
): Record<string, U> {
  const groups = new Map<string, T[]>();
  for (const r of records)
    for (const [k, v] of Object.entries(r)) {
      const group = groups.get(k);
      if (group) group.push(v);
      else groups.set(k, [v]);
    }
  return Object.fromEntries(
    [...groups.keys()].sort().map((k) => [k, merge(groups.get(k) ?? [])] as const),
  );
}

const sum = <T>(items: readonly T[], f: (t: T) => number): number =>
  items.reduce((s, t) => s + f(t), 0);

/**
 * The report of the whole stream from its shards' reports (same promise set and window).
 * Throws when two shards reached the same customer: shards are disjoint by customer.
 */
export function mergeBacktests(reports: readonly BacktestReport[]): BacktestReport {
  const first = reports[0];
  if (!first) throw new Error("mergeBacktests needs at least one report");
  if (reports.length === 1) return first;
  const reached = reports.flatMap((r) => r.reached).sort();
  for (let i = 1; i < reached.length; i++)
    if (reached[i] === reached[i - 1])
      throw new Error(`customer ${reached[i]} was reached by two shards`);
  return {
    window: first.window,
    events: {
      replayed: sum(reports, (r) => r.events.replayed),
      inWindow: sum(reports, (r) => r.events.inWindow),
    },
    totals: {
      remedies: sum(reports, (r) => r.totals.remedies),
      byKind: mergeRecords(
        reports.map((r) => r.totals.byKind),
        (ns) => sum(ns, (n) => n),
      ),
      customers: reached.length,
      awaitingApproval: sum(reports, (r) => r.totals.awaitingApproval),
      evaluationErrors: sum(reports, (r) => r.totals.evaluationErrors),
      rejectedEvents: sum(reports, (r) => r.totals.rejectedEvents),
    },
    cost: mergeCost(reports.map((r) => r.cost)),
    promises: mergeRecords(
      reports.map((r) => r.promises),
      (ps: PromiseBacktest[]): PromiseBacktest => ({
        version: ps[0]?.version ?? "",
        remedies: sum(ps, (p) => p.remedies),
        customers: sum(ps, (p) => p.customers),
        cost: mergeCost(ps.map((p) => p.cost)),
      }),
    ),
    days: mergeRecords(
      reports.map((r) => r.days),
      (ds: DayBacktest[]): DayBacktest => ({
        remedies: sum(ds, (d) => d.remedies),
        cost: mergeCost(ds.map((d) => d.cost)),
      }),
    ),
    reached,
  };
}
