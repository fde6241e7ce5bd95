/**
 * One journey metric: a distribution over every sliding window and over all time. Adding a
 * value touches one bucket per window (O(1) amortised: a DDSketch insert is a logarithm and an
 * array increment); reading merges the window's buckets.
 */
import { Ring, type WindowSpec } from "./ring.js";
import { SignedSketch } from "./signed-sketch.js";

/** The quantiles every window reports. */
export const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;

/** What a window holds: how many values, their quantiles, and their exact range. */
export interface DistributionSummary {
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Summarises a sketch. */
export function summarize(sketch: SignedSketch): DistributionSummary {
  return {
    count: sketch.count,
    p50: sketch.quantile(QUANTILES.p50),
    p95: sketch.quantile(QUANTILES.p95),
    p99: sketch.quantile(QUANTILES.p99),
    min: sketch.min,
    max: sketch.max,
  };
}

const mergeSketch = (into: SignedSketch, from: SignedSketch) => into.merge(from);

/** A distribution over sliding windows and all time. */
export class WindowedDistribution {
  readonly #accuracy: number;
  readonly #rings: readonly Ring<SignedSketch>[];
  readonly #allTime: SignedSketch;

  constructor(windows: readonly WindowSpec[], relativeAccuracy: number) {
    this.#accuracy = relativeAccuracy;
    this.#rings = windows.map((w) => new Ring(w, () => new SignedSketch(relativeAccuracy)));
    this.#allTime = new SignedSketch(relativeAccuracy);
  }

  /** Records `value` observed at event time `at`. */
  add(at: number, value: number): void {
    this.#allTime.add(value);
    for (const ring of this.#rings) ring.bucketAt(at)?.add(value);
  }

  /** The sketch of one window ending at `now`: its interval sketches merged. */
  window(name: string, now: number): SignedSketch {
    const merged = new SignedSketch(this.#accuracy);
    const ring = this.#rings.find((r) => r.spec.name === name);
    for (const sketch of ring?.bucketsAt(now) ?? []) merged.merge(sketch);
    return merged;
  }

  /** Every window's summary at `now`, and all time's. */
  summary(now: number): Readonly<Record<string, DistributionSummary>> {
    return Object.fromEntries([
      ...this.#rings.map((r) => [r.spec.name, summarize(this.window(r.spec.name, now))]),
      ["all", summarize(this.#allTime)],
    ]);
  }

  /** Folds another partition's distribution (same windows and accuracy) into this one. */
  mergeFrom(other: WindowedDistribution): void {
    this.#allTime.merge(other.#allTime);
    this.#rings.forEach((ring, i) => {
      const theirs = other.#rings[i];
      if (theirs) ring.mergeFrom(theirs, mergeSketch);
    });
  }
}
