/** Scorecard rows: one per bucket and breakdown value, with counts, money and every figure. */
import type { Counter, MoneyCounter } from "./contribution.js";
import { type Figures, figuresOf } from "./figures.js";
import type { Period } from "./periods.js";
import type { Dimension, Tallies } from "./tally.js";

/** One line of the scorecard. */
export interface ScorecardRow {
  readonly period: Period;
  /** The bucket's first day (UTC, `YYYY-MM-DD`); null for `all`. */
  readonly start: string | null;
  readonly dimension: Dimension;
  /** The segment, channel or promise; `""` when not broken down. */
  readonly value: string;
  readonly counts: Readonly<Record<Counter, number>>;
  /** Money sums per currency, as decimal strings. */
  readonly money: Readonly<Record<MoneyCounter, Readonly<Record<string, string>>>>;
  readonly figures: Figures;
}

/** Which rows to list. */
export interface ReportQuery {
  /** @default "all" */
  readonly by?: Period;
  /** @default "all" */
  readonly dimension?: Dimension;
}

/** The bucket start as the rows print it. */
export const startLabel = (period: Period, start: number): string | null =>
  period === "all" ? null : new Date(start).toISOString().slice(0, 10);

/** The rows of one period and breakdown, oldest bucket first. */
export function reportRows(tallies: Tallies, query: ReportQuery = {}): ScorecardRow[] {
  const period = query.by ?? "all";
  const dimension = query.dimension ?? "all";
  return tallies.slots(period, dimension).map(({ key, slot }) => ({
    period,
    start: startLabel(period, key.start),
    dimension,
    value: key.value,
    counts: { ...slot.counts },
    money: {
      moneyKept: slot.money.moneyKept.toJSON(),
      revenueForgone: slot.money.revenueForgone.toJSON(),
    },
    figures: figuresOf(slot),
  }));
}
