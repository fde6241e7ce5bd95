/** A count over sliding windows and all time (how many purchases in the last hour…). */
import { Ring, type WindowSpec } from "./ring.js";

interface Tally {
  n: number;
}

const mergeTally = (into: Tally, from: Tally) => {
  into.n += from.n;
};

/** Counts of events over sliding windows and all time. */
export class WindowedCount {
  readonly #rings: readonly Ring<Tally>[];
  #allTime = 0;

  constructor(windows: readonly WindowSpec[]) {
    this.#rings = windows.map((w) => new Ring(w, () => ({ n: 0 })));
  }

  /** Counts one event at event time `at`. */
  add(at: number): void {
    this.#allTime += 1;
    for (const ring of this.#rings) {
      const tally = ring.bucketAt(at);
      if (tally) tally.n += 1;
    }
  }

  /** Every window's count at `now`, and all time's. */
  summary(now: number): Readonly<Record<string, { readonly count: number }>> {
    return Object.fromEntries([
      ...this.#rings.map((r) => [
        r.spec.name,
        { count: r.bucketsAt(now).reduce((sum, t) => sum + t.n, 0) },
      ]),
      ["all", { count: this.#allTime }],
    ]);
  }

  /** Folds another partition's counts (same windows) into this one. */
  mergeFrom(other: WindowedCount): void {
    this.#allTime += other.#allTime;
    this.#rings.forEach((ring, i) => {
      const theirs = other.#rings[i];
      if (theirs) ring.mergeFrom(theirs, mergeTally);
    });
  }
}
