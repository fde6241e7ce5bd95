/** A min-heap of (deadline, entity): which entities to look at again as event time passes. */

interface Entry {
  readonly at: number;
  readonly entity: string;
}

export class DeadlineQueue {
  readonly #heap: Entry[] = [];

  /** Schedules `entity` to be looked at once the watermark passes `at`. */
  push(at: number, entity: string): void {
    this.#heap.push({ at, entity });
    let i = this.#heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#at(parent) <= at) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns every entity whose deadline is strictly before `watermark`. */
  popBefore(watermark: number): string[] {
    const out: string[] = [];
    while (this.#heap.length > 0 && this.#at(0) < watermark) {
      this.#swap(0, this.#heap.length - 1);
      out.push((this.#heap.pop() as Entry).entity);
      this.#siftDown();
    }
    return out;
  }

  /** How many deadlines are waiting. */
  get size(): number {
    return this.#heap.length;
  }

  #at(i: number): number {
    return (this.#heap[i] as Entry).at;
  }

  #swap(i: number, j: number): void {
    const heap = this.#heap;
    [heap[i], heap[j]] = [heap[j] as Entry, heap[i] as Entry];
  }

  #siftDown(): void {
    const n = this.#heap.length;
    let i = 0;
    for (;;) {
      let smallest = i;
      for (const child of [2 * i + 1, 2 * i + 2])
        if (child < n && this.#at(child) < this.#at(smallest)) smallest = child;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
}
