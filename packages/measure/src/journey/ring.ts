/**
 * A sliding window in event time as a ring of fixed-length intervals, each with its own
 * bucket (a sketch, a count). Adding touches one bucket; reading merges the buckets of the
 * window. Windows slide by whole intervals: a window of length W read at time t covers the
 * interval containing t and the ones before it, between W − interval and W of history.
 */

/** A window: its name, its length, and how many intervals it is cut into. */
export interface WindowSpec {
  readonly name: string;
  readonly lengthMs: number;
  readonly intervals: number;
}

interface Slot<B> {
  readonly interval: number;
  readonly bucket: B;
}

/** One sliding window of buckets. */
export class Ring<B> {
  readonly spec: WindowSpec;
  readonly #intervalMs: number;
  readonly #slots: (Slot<B> | undefined)[];
  readonly #create: () => B;
  #newest = Number.NEGATIVE_INFINITY;

  constructor(spec: WindowSpec, create: () => B) {
    if (!(spec.intervals >= 1 && spec.lengthMs % spec.intervals === 0))
      throw new Error(`window ${spec.name}: its length must split into whole intervals`);
    this.spec = spec;
    this.#intervalMs = spec.lengthMs / spec.intervals;
    this.#slots = new Array(spec.intervals);
    this.#create = create;
  }

  /**
   * The bucket for time `at` (created or recycled), or undefined when `at` is older than the
   * window behind the newest time seen: a late value cannot enter a window that has moved on.
   */
  bucketAt(at: number): B | undefined {
    const interval = Math.floor(at / this.#intervalMs);
    if (interval <= this.#newest - this.spec.intervals) return undefined;
    this.#newest = Math.max(this.#newest, interval);
    const index = ((interval % this.spec.intervals) + this.spec.intervals) % this.spec.intervals;
    const slot = this.#slots[index];
    if (slot?.interval === interval) return slot.bucket;
    const bucket = this.#create();
    this.#slots[index] = { interval, bucket };
    return bucket;
  }

  /** The buckets of the window that ends at time `now`. */
  bucketsAt(now: number): B[] {
    const last = Math.floor(now / this.#intervalMs);
    const first = last - this.spec.intervals + 1;
    return this.#slots.flatMap((slot) =>
      slot && slot.interval >= first && slot.interval <= last ? [slot.bucket] : [],
    );
  }

  /** Folds another partition's ring (same spec) into this one, interval by interval. */
  mergeFrom(other: Ring<B>, merge: (into: B, from: B) => void): void {
    for (const slot of other.#slots) {
      if (!slot) continue;
      const into = this.bucketAt(slot.interval * this.#intervalMs);
      if (into) merge(into, slot.bucket);
    }
  }
}
