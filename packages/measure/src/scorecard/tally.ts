/**
 * The running tallies: for every period bucket and every breakdown value, integer counts,
 * exact money sums and the multiset of times to remedy. Contributions are added and taken
 * back exactly, so the tallies after any sequence of updates equal those of a fresh run.
 */
import {
  COUNTERS,
  type Contribution,
  type Counter,
  MONEY_COUNTERS,
  type MoneyCounter,
} from "./contribution.js";
import { MoneyTotals } from "./decimal.js";
import { type Counted, type ExplainedItem, type Ids, itemOf, sortItems } from "./explain.js";
import { PERIODS, type Period, periodStart } from "./periods.js";
import { RetiredEntry } from "./retirement.js";

/** How figures can be broken down: not at all, or by segment, channel or promise. */
export const DIMENSIONS = ["all", "segment", "channel", "promise"] as const;

/** One of the breakdowns. */
export type Dimension = (typeof DIMENSIONS)[number];

/** The breakdown value of a customer with no segment, or a case with no channel. */
export const UNKNOWN_VALUE = "unknown";

/** Where one tally sits: a period bucket and a breakdown value. */
export interface SlotKey {
  readonly period: Period;
  readonly start: number;
  readonly dimension: Dimension;
  /** The segment, channel or promise; `""` for `all`. */
  readonly value: string;
}

/** One bucket's tallies. */
export class Slot {
  readonly counts = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  readonly money = Object.fromEntries(MONEY_COUNTERS.map((c) => [c, new MoneyTotals()])) as Record<
    MoneyCounter,
    MoneyTotals
  >;
  /** Times to remedy (ms) → how many incidents took exactly that long. */
  readonly durations = new Map<number, number>();
  /** Contributions held; the slot disappears when the last is taken back. */
  size = 0;
  /** Per count, the retired cases and warnings behind it (their contributions stay above). */
  readonly retired = new Map<Counter, RetiredEntry>();

  apply(c: Contribution, sign: 1 | -1): void {
    this.size += sign;
    switch (c.kind) {
      case "count":
        this.counts[c.counter] += sign;
        return;
      case "money":
        this.money[c.counter].add(c.money, sign);
        return;
      case "duration": {
        const n = (this.durations.get(c.ms) ?? 0) + sign;
        if (n === 0) this.durations.delete(c.ms);
        else this.durations.set(c.ms, n);
        return;
      }
      default: {
        const never: never = c;
        throw new Error(`unknown contribution ${JSON.stringify(never)}`);
      }
    }
  }
}

/** Where an entity is broken down, besides its promises. */
export interface Breakdown {
  readonly segment?: string | undefined;
  readonly channel?: string | undefined;
}

/** The breakdown values one contribution counts under. */
export function breakdownValues(c: Contribution, b: Breakdown): [Dimension, string][] {
  return [
    ["all", ""],
    ["segment", b.segment ?? UNKNOWN_VALUE],
    ["channel", b.channel ?? UNKNOWN_VALUE],
    ...c.promises.map((p): [Dimension, string] => ["promise", p]),
  ];
}

interface Entry {
  readonly key: SlotKey;
  readonly slot: Slot;
}

/** All tallies, grouped by period and breakdown, then by bucket start and value. */
export class Tallies {
  readonly #groups = new Map<Period, Map<Dimension, Map<number, Map<string, Entry>>>>(
    PERIODS.map((p) => [p, new Map(DIMENSIONS.map((d) => [d, new Map()]))]),
  );

  /** Adds (`sign` 1) or takes back (`sign` -1) one contribution everywhere it counts. */
  apply(c: Contribution, b: Breakdown, sign: 1 | -1): void {
    const values = breakdownValues(c, b);
    for (const period of PERIODS) {
      const start = periodStart(period, c.at);
      const byDimension = this.#groups.get(period) as Map<
        Dimension,
        Map<number, Map<string, Entry>>
      >;
      for (const [dimension, value] of values) {
        const byStart = byDimension.get(dimension) as Map<number, Map<string, Entry>>;
        let byValue = byStart.get(start);
        if (!byValue) {
          byValue = new Map();
          byStart.set(start, byValue);
        }
        let entry = byValue.get(value);
        if (!entry) {
          entry = { key: { period, start, dimension, value }, slot: new Slot() };
          byValue.set(value, entry);
        }
        entry.slot.apply(c, sign);
        if (entry.slot.size > 0) continue;
        byValue.delete(value);
        if (byValue.size === 0) byStart.delete(start);
      }
    }
  }

  /** The slot at `key`, if anything counts there. */
  find(key: SlotKey): Slot | undefined {
    return this.#groups.get(key.period)?.get(key.dimension)?.get(key.start)?.get(key.value)?.slot;
  }

  /**
   * Records a retired entity in the sample of every count and bucket it contributed to, with
   * the items it counts there (`subject` names it in them).
   */
  retire(counted: Counted, entity: string, ids: Ids, subject: string, sampleSize: number): void {
    const entries = new Map<RetiredEntry, ExplainedItem[]>();
    for (const c of counted.evaluation.contributions) {
      if (c.kind !== "count") continue;
      const values = breakdownValues(c, counted.breakdown);
      for (const period of PERIODS) {
        const start = periodStart(period, c.at);
        for (const [dimension, value] of values) {
          const slot = this.find({ period, start, dimension, value });
          if (!slot) continue;
          let entry = slot.retired.get(c.counter);
          if (!entry) {
            entry = new RetiredEntry();
            slot.retired.set(c.counter, entry);
          }
          const items = entries.get(entry) ?? [];
          items.push(itemOf(c, subject));
          entries.set(entry, items);
        }
      }
    }
    for (const [entry, items] of entries) entry.add(entity, ids, sortItems(items), sampleSize);
  }

  /** The slots of one period and breakdown, by start time then value. */
  slots(period: Period, dimension: Dimension): Entry[] {
    const byStart =
      this.#groups.get(period)?.get(dimension) ?? new Map<number, Map<string, Entry>>();
    return [...byStart.values()]
      .flatMap((byValue) => [...byValue.values()])
      .sort((a, b) => a.key.start - b.key.start || compare(a.key.value, b.key.value));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
