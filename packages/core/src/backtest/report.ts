/**
 * The shape of a backtest's answer, and the tally that builds it. Amounts are summed as
 * bigint minor units per currency and only turned into decimal strings at the end, so the
 * report is exact, JSON-safe and the same for the same input.
 */

import type { Remedy } from "../engine/outcome.js";
import { money, POINTS, toDecimalString } from "../money/index.js";
import type { DecimalMoney } from "../ports/remedy-store.js";

/** What remedies cost: money per currency (sorted by currency), and loyalty points apart. */
export interface BacktestCost {
  readonly money: readonly DecimalMoney[];
  /** Points (PTS) given back, as a decimal string; "0" when none. */
  readonly points: string;
}

/** The remedies of one promise. */
export interface PromiseBacktest {
  readonly version: string;
  readonly remedies: number;
  /** Distinct customers the promise reached. */
  readonly customers: number;
  readonly cost: BacktestCost;
}

/** The remedies of one UTC day (by the remedy's `at`). */
export interface DayBacktest {
  readonly remedies: number;
  readonly cost: BacktestCost;
}

/** A backtest's answer: what a promise set would have done over an event stream. */
export interface BacktestReport {
  /** The window remedies are counted in, RFC 3339; null when open. */
  readonly window: { readonly from: string | null; readonly to: string | null };
  /** Events replayed (all of them build state), and those inside the window. */
  readonly events: { readonly replayed: number; readonly inWindow: number };
  readonly totals: {
    readonly remedies: number;
    /** By kind; compensation paid on top of refunds counts as "compensation". */
    readonly byKind: Readonly<Record<string, number>>;
    /** Distinct customers who got at least one remedy. */
    readonly customers: number;
    readonly awaitingApproval: number;
    readonly evaluationErrors: number;
    /** Events the engine could not apply (their money does not fit their currency). */
    readonly rejectedEvents: number;
  };
  readonly cost: BacktestCost;
  /** Every promise of the set, by id (sorted), including those that paid nothing. */
  readonly promises: Readonly<Record<string, PromiseBacktest>>;
  /** By UTC date, YYYY-MM-DD (sorted); only days with remedies. */
  readonly days: Readonly<Record<string, DayBacktest>>;
  /** The ids of the customers reached, sorted (what a comparison of two sets works from). */
  readonly reached: readonly string[];
}

/** Running sums per currency. */
class CostSum {
  private readonly sums = new Map<string, bigint>();

  add(r: Remedy): void {
    // The split says what actually goes back where: card money as money, points as points.
    if (r.split.length > 0)
      for (const part of r.split) this.addMinor(part.amount.currency, part.amount.minor);
    else if (r.amount) this.addMinor(r.amount.currency, r.amount.minor);
  }

  private addMinor(currency: string, minor: bigint): void {
    this.sums.set(currency, (this.sums.get(currency) ?? 0n) + minor);
  }

  toJson(): BacktestCost {
    const currencies = [...this.sums.keys()].filter((c) => c !== POINTS).sort();
    return {
      money: currencies.map((currency) => ({
        amount: toDecimalString(money(this.sums.get(currency) ?? 0n, currency)),
        currency,
      })),
      points: toDecimalString(money(this.sums.get(POINTS) ?? 0n, POINTS)),
    };
  }
}

interface PromiseTally {
  readonly version: string;
  remedies: number;
  readonly customers: Set<string>;
  readonly cost: CostSum;
}

interface DayTally {
  remedies: number;
  readonly cost: CostSum;
}

const sortedRecord = <T, U>(map: Map<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries([...map.keys()].sort().map((k) => [k, f(map.get(k) as T)] as const)) as Record<
    string,
    U
  >;

/** Accumulates remedies into a report; `add` is the hot path, `toReport` runs once. */
export class BacktestTally {
  replayed = 0;
  inWindow = 0;
  evaluationErrors = 0;
  rejectedEvents = 0;
  private remedies = 0;
  private awaiting = 0;
  private readonly byKind = new Map<string, number>();
  private readonly customers = new Set<string>();
  private readonly cost = new CostSum();
  private readonly promises = new Map<string, PromiseTally>();
  private readonly days = new Map<string, DayTally>();
  /** The UTC day of the last remedy, by day number: remedies come in runs on the same day. */
  private lastDay = { number: Number.NaN, key: "" };

  constructor(promises: readonly { readonly id: string; readonly version: string }[]) {
    for (const p of promises)
      this.promises.set(p.id, {
        version: p.version,
        remedies: 0,
        customers: new Set(),
        cost: new CostSum(),
      });
  }

  /** Counts one remedy; `at` is its time in epoch ms. */
  add(r: Remedy, at: number): void {
    this.remedies++;
    if (r.approval.required) this.awaiting++;
    const kind = r.compensation ? "compensation" : r.kind;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    this.customers.add(r.customer);
    this.cost.add(r);
    let p = this.promises.get(r.promise);
    if (!p) {
      p = { version: r.version, remedies: 0, customers: new Set(), cost: new CostSum() };
      this.promises.set(r.promise, p);
    }
    p.remedies++;
    p.customers.add(r.customer);
    p.cost.add(r);
    const day = this.dayOf(at);
    let d = this.days.get(day);
    if (!d) {
      d = { remedies: 0, cost: new CostSum() };
      this.days.set(day, d);
    }
    d.remedies++;
    d.cost.add(r);
  }

  /** YYYY-MM-DD of `at` (epoch ms), printed once per day rather than once per remedy. */
  private dayOf(at: number): string {
    const number = Math.floor(at / 86_400_000);
    if (number !== this.lastDay.number)
      this.lastDay = { number, key: new Date(at).toISOString().slice(0, 10) };
    return this.lastDay.key;
  }

  /** The report, with window bounds in epoch ms (undefined when open). */
  toReport(from: number | undefined, to: number | undefined): BacktestReport {
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    return {
      window: { from: iso(from), to: iso(to) },
      events: { replayed: this.replayed, inWindow: this.inWindow },
      totals: {
        remedies: this.remedies,
        byKind: sortedRecord(this.byKind, (n) => n),
        customers: this.customers.size,
        awaitingApproval: this.awaiting,
        evaluationErrors: this.evaluationErrors,
        rejectedEvents: this.rejectedEvents,
      },
      cost: this.cost.toJson(),
      promises: sortedRecord(this.promises, (p) => ({
        version: p.version,
        remedies: p.remedies,
        customers: p.customers.size,
        cost: p.cost.toJson(),
      })),
      days: sortedRecord(this.days, (d) => ({ remedies: d.remedies, cost: d.cost.toJson() })),
      reached: [...this.customers].sort(),
    };
  }
}
