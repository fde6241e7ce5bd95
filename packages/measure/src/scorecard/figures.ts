/**
 * The scorecard's figures, each a ratio of two counts (or a quantile of times to remedy), and
 * the Trust Index: a weighted mean of the ratios, scaled to 0–100.
 */
import type { Counter } from "./contribution.js";
import type { Slot } from "./tally.js";

/** A figure that is a share: `numerator / denominator`, or `1 − numerator / denominator`. */
export interface RatioDefinition {
  readonly numerator: Counter;
  readonly denominator: Counter;
  /** The figure counts what did *not* happen: `max(0, 1 − n / d)`. */
  readonly complement?: true;
}

/** Every share on the scorecard, and what it divides. */
export const RATIOS = {
  transactionSuccess: {
    numerator: "transactionsFailed",
    denominator: "transactions",
    complement: true,
  },
  businessPromisesKept: { numerator: "businessPromisesKept", denominator: "businessPromisesMade" },
  remedyPromisesKept: { numerator: "remedyPromisesKept", denominator: "remedyPromisesDue" },
  toldFirst: { numerator: "incidentsToldFirst", denominator: "incidents" },
  noticesWithCause: { numerator: "noticesWithCause", denominator: "noticesSent" },
  warningsHeeded: { numerator: "warningsHeeded", denominator: "warningsSettled" },
  competence: { numerator: "incidents", denominator: "transactions", complement: true },
  remediedProactively: { numerator: "incidentsRemediedProactively", denominator: "incidents" },
} as const satisfies Readonly<Record<string, RatioDefinition>>;

/** The name of a share. */
export type RatioFigure = keyof typeof RATIOS;

/** The shares in published order. */
export const RATIO_FIGURES = Object.keys(RATIOS) as RatioFigure[];

/**
 * The Trust Index weights (they sum to 1). A share with no denominator in a bucket (no
 * warnings that week, say) is left out and the other weights are scaled up to sum to 1.
 */
export const TRUST_INDEX_WEIGHTS: Readonly<Record<RatioFigure, number>> = Object.freeze({
  transactionSuccess: 0.2,
  businessPromisesKept: 0.2,
  remedyPromisesKept: 0.1,
  toldFirst: 0.15,
  noticesWithCause: 0.05,
  warningsHeeded: 0.05,
  competence: 0.15,
  remediedProactively: 0.1,
});

/** A share from its counts; null when there is nothing to divide by. */
export function ratio(
  def: RatioDefinition,
  counts: Readonly<Record<Counter, number>>,
): number | null {
  const d = counts[def.denominator];
  if (d === 0) return null;
  const share = counts[def.numerator] / d;
  // Incidents without a transaction (an outage) can outnumber transactions: competence stops at 0.
  return def.complement ? Math.max(0, 1 - share) : share;
}

/** The Trust Index (0–100) from the shares; null when none has a value. */
export function trustIndex(shares: Readonly<Record<RatioFigure, number | null>>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const figure of RATIO_FIGURES) {
    const share = shares[figure];
    if (share === null) continue;
    weighted += TRUST_INDEX_WEIGHTS[figure] * share;
    weights += TRUST_INDEX_WEIGHTS[figure];
  }
  return weights === 0 ? null : (100 * weighted) / weights;
}

/**
 * The nearest-rank quantile of a multiset (value → how many): the smallest value with at least
 * ⌈q·n⌉ values at or below it. Null when empty.
 */
export function nearestRank(counts: ReadonlyMap<number, number>, q: number): number | null {
  const values = [...counts.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const v of values) n += counts.get(v) as number;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const v of values) {
    seen += counts.get(v) as number;
    if (seen >= rank) return v;
  }
  return values[values.length - 1] ?? null;
}

/** Every figure of one bucket. */
export interface Figures {
  readonly shares: Readonly<Record<RatioFigure, number | null>>;
  /** Median and 90th percentile of time to remedy, ms (nearest rank). */
  readonly timeToRemedyP50Ms: number | null;
  readonly timeToRemedyP90Ms: number | null;
  readonly trustIndex: number | null;
}

/** The figures of one slot. */
export function figuresOf(slot: Slot): Figures {
  const shares = Object.fromEntries(
    RATIO_FIGURES.map((f) => [f, ratio(RATIOS[f], slot.counts)]),
  ) as Record<RatioFigure, number | null>;
  return {
    shares,
    timeToRemedyP50Ms: nearestRank(slot.durations, 0.5),
    timeToRemedyP90Ms: nearestRank(slot.durations, 0.9),
    trustIndex: trustIndex(shares),
  };
}
