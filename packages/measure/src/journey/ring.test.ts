import { describe, expect, it } from "vitest";
import { Ring } from "./ring.js";

const SECOND = 1000;
// A 60 s window in six 10 s intervals; each bucket lists the values added to it.
const ring = () =>
  new Ring({ name: "1m", lengthMs: 60 * SECOND, intervals: 6 }, () => [] as number[]);

describe("Ring", () => {
  it("reads the interval containing now and the five before it", () => {
    const r = ring();
    for (const t of [0, 5, 15, 59, 60, 61, 119]) r.bucketAt(t * SECOND)?.push(t);
    // At 119 s the window is intervals 6..11, i.e. [60 s, 120 s): 0, 5, 15 and 59 have left it.
    expect(
      r
        .bucketsAt(119 * SECOND)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual([60, 61, 119]);
    // Read at an earlier instant, only intervals whose slot was not reused remain: 0 and 5 gave
    // their slot to 60 and 61, 59 gave its slot to 119.
    expect(
      r
        .bucketsAt(59 * SECOND)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual([15]);
  });

  it("refuses a value older than the window behind the newest time seen", () => {
    const r = ring();
    r.bucketAt(100 * SECOND);
    expect(r.bucketAt(40 * SECOND)).toBeUndefined(); // interval 4 ≤ 10 − 6
    expect(r.bucketAt(50 * SECOND)).toBeDefined(); // interval 5 is still in the window
  });

  it("recycles a slot for a newer interval, dropping what the old one held", () => {
    const r = ring();
    r.bucketAt(0)?.push(1);
    r.bucketAt(60 * SECOND)?.push(2); // same slot, six intervals later
    expect(r.bucketsAt(60 * SECOND).flat()).toEqual([2]);
  });

  it("merges another partition interval by interval", () => {
    const a = ring();
    const b = ring();
    a.bucketAt(10 * SECOND)?.push(1);
    b.bucketAt(12 * SECOND)?.push(2);
    b.bucketAt(30 * SECOND)?.push(3);
    a.mergeFrom(b, (into, from) => into.push(...from));
    expect(
      a
        .bucketsAt(30 * SECOND)
        .flat()
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it("rejects a window that does not split into whole intervals", () => {
    expect(() => new Ring({ name: "x", lengthMs: 1000, intervals: 3 }, () => 0)).toThrow(
      /whole intervals/,
    );
  });
});
