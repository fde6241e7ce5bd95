/**
 * A mergeable quantile sketch for values of either sign (a delivery can be early, a flight can
 * land ahead of time), built on DDSketch from `@datadog/sketches-js`.
 *
 * Guarantee: for q in [0, 1] over n values, `quantile(q)` is within `relativeAccuracy` (relative)
 * of x₍ₖ₎, the exact value at 0-based rank k = ⌊q·(n − 1)⌋ in ascending order: |x̂ − x₍ₖ₎| ≤ α·|x₍ₖ₎|,
 * for every x₍ₖ₎ that is 0 or within 18 orders of magnitude of the largest magnitude on its
 * side of zero. Memory is bounded: each side keeps at most the bins that span 18 decades
 * (≈ 2,100 at α = 1%), and smaller magnitudes collapse into the lowest bin — so a stray 1e-300
 * cannot grow a sketch without bound (DDSketch's unbounded store overflows the stack on such
 * ranges), at the price of accuracy for values no journey metric has.
 *
 * Why two sketches: DDSketch 2.1.1's `merge` adds the positive store and the zero count but
 * drops the negative store, so negative values would vanish when partitions are merged. Here
 * each DDSketch only ever holds non-negative numbers (the values ≥ 0, and the magnitudes of the
 * values < 0), for which the library's merge is exact, and ranks are combined by hand.
 */
import { LogCollapsingLowestDenseDDSketch as DDSketch } from "@datadog/sketches-js";

/** The default relative accuracy: 1%. */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** How many orders of magnitude below the largest value a sketch keeps accurately. */
export const DYNAMIC_RANGE_DECADES = 18;

/** The bins needed to span the dynamic range: γ^bins ≥ 10^decades, γ = (1 + α) / (1 − α). */
const binLimit = (alpha: number) =>
  Math.ceil((DYNAMIC_RANGE_DECADES * Math.log(10)) / Math.log((1 + alpha) / (1 - alpha))) + 1;

/** The value at 0-based ascending rank `index` of a sketch holding non-negative values. */
function valueAt(sketch: DDSketch, index: number): number {
  if (index < sketch.zeroCount) return 0;
  return sketch.mapping.value(sketch.store.keyAtRank(index - sketch.zeroCount));
}

/** Quantiles of a stream of numbers, in memory logarithmic in their range, mergeable. */
export class SignedSketch {
  readonly relativeAccuracy: number;
  readonly #positive: DDSketch;
  readonly #negative: DDSketch;

  constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    this.relativeAccuracy = relativeAccuracy;
    const options = { relativeAccuracy, binLimit: binLimit(relativeAccuracy) };
    this.#positive = new DDSketch(options);
    this.#negative = new DDSketch(options);
  }

  /** How many values it holds. */
  get count(): number {
    return this.#positive.count + this.#negative.count;
  }

  /** Adds one value (finite numbers only; anything else is ignored). */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    if (value >= 0) this.#positive.accept(value);
    else this.#negative.accept(-value);
  }

  /** Adds every value `other` holds; both must have the same relative accuracy. */
  merge(other: SignedSketch): void {
    this.#positive.merge(other.#positive);
    this.#negative.merge(other.#negative);
  }

  /** The q-quantile (see the guarantee above); null when empty. */
  quantile(q: number): number | null {
    const n = this.count;
    if (n === 0 || !(q >= 0 && q <= 1)) return null;
    const k = Math.floor(q * (n - 1));
    const negatives = this.#negative.count;
    // The k-th smallest value is negative: it is the (negatives − 1 − k)-th smallest magnitude.
    if (k < negatives) return -valueAt(this.#negative, negatives - 1 - k);
    return valueAt(this.#positive, k - negatives);
  }

  /** The exact smallest and largest values held; null when empty. */
  get min(): number | null {
    if (this.count === 0) return null;
    return this.#negative.count > 0 ? -this.#negative.max : this.#positive.min;
  }

  get max(): number | null {
    if (this.count === 0) return null;
    return this.#positive.count > 0 ? this.#positive.max : -this.#negative.min;
  }
}
