// Customer lifetime value: expected purchases per period (BG/NBD) × expected spend per purchase
// (Gamma-Gamma) × a discount factor, summed over a finite horizon. Spend and purchases are
// taken as independent, as the Gamma-Gamma model assumes. Values are expectations in the
// currency's major unit (floats); round to minor units only when they become money.
import { type BgNbdParams, conditionalExpectedPurchases, type RecencyFrequency } from "./bg-nbd.js";

/** Average weeks per year (365.25 days). */
export const WEEKS_PER_YEAR = 365.25 / 7;

/** How to value customers; every field has a default. */
export interface ClvOptions {
  /**
   * How far ahead to count purchases, in weeks from the calibration end.
   * @default 52
   */
  readonly horizonWeeks?: number;
  /**
   * Annual discount rate; 0.1 means a dollar a year from now is worth 1/1.1 today.
   * @default 0.1
   */
  readonly annualDiscountRate?: number;
  /**
   * Length of a discounting period in weeks; each period's purchases are discounted from its end.
   * @default 1
   */
  readonly periodWeeks?: number;
}

/** `ClvOptions` with defaults filled in and checked. */
export interface ResolvedClvOptions {
  readonly horizonWeeks: number;
  readonly annualDiscountRate: number;
  readonly periodWeeks: number;
}

/** Fills in defaults and checks ranges; throws RangeError on a nonsensical option. */
export function resolveClvOptions(options: ClvOptions = {}): ResolvedClvOptions {
  const resolved = {
    horizonWeeks: options.horizonWeeks ?? 52,
    annualDiscountRate: options.annualDiscountRate ?? 0.1,
    periodWeeks: options.periodWeeks ?? 1,
  };
  if (!(resolved.horizonWeeks >= 0 && Number.isFinite(resolved.horizonWeeks))) {
    throw new RangeError(`horizonWeeks must be a finite number ≥ 0, got ${resolved.horizonWeeks}`);
  }
  if (!(resolved.annualDiscountRate > -1 && Number.isFinite(resolved.annualDiscountRate))) {
    throw new RangeError(`annualDiscountRate must be > −1, got ${resolved.annualDiscountRate}`);
  }
  if (!(resolved.periodWeeks > 0 && Number.isFinite(resolved.periodWeeks))) {
    throw new RangeError(`periodWeeks must be a finite number > 0, got ${resolved.periodWeeks}`);
  }
  return Object.freeze(resolved);
}

/**
 * Σ over periods k of E[purchases in period k | history] × (1 + rate)^(−end of period k in
 * years); the last period is cut short at the horizon.
 */
export function discountedExpectedPurchases(
  params: BgNbdParams,
  customer: RecencyFrequency,
  options: ResolvedClvOptions,
): number {
  const { horizonWeeks, periodWeeks, annualDiscountRate } = options;
  const logDiscountPerWeek = Math.log1p(annualDiscountRate) / WEEKS_PER_YEAR;
  let total = 0;
  let before = 0;
  const periods = Math.ceil(horizonWeeks / periodWeeks);
  for (let k = 1; k <= periods; k++) {
    const end = Math.min(k * periodWeeks, horizonWeeks);
    const cumulative = conditionalExpectedPurchases(params, customer, end);
    total += (cumulative - before) * Math.exp(-logDiscountPerWeek * end);
    before = cumulative;
  }
  return total;
}

/** A customer's discounted expected spend over the horizon: expected spend × discounted purchases. */
export function customerLifetimeValue(
  params: BgNbdParams,
  customer: RecencyFrequency,
  expectedSpend: number,
  options: ResolvedClvOptions,
): number {
  return expectedSpend * discountedExpectedPurchases(params, customer, options);
}

/** Customer equity: the sum of the customers' lifetime values (compensated summation). */
export function customerEquity(values: Iterable<number>): number {
  // Neumaier's summation: the total of many small CLVs stays exact to a few ulps.
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
