import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffCeiling, backoffDelay } from "./backoff.js";
import { resolveOutboxOptions } from "./options.js";

describe("backoff", () => {
  it("stays within the full-jitter bounds: 0 ≤ delay ≤ min(maxMs, baseMs·2^(n-1))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, extra, fraction) => {
          const backoff = { baseMs, maxMs: baseMs + extra };
          const ceiling = Math.min(backoff.maxMs, baseMs * 2 ** (attempt - 1));
          expect(backoffCeiling(attempt, backoff)).toBe(ceiling);
          const delay = backoffDelay(attempt, backoff, () => fraction);
          expect(Number.isSafeInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(delay).toBe(Math.floor(ceiling * fraction));
        },
      ),
    );
  });

  it("grows exponentially up to the cap", () => {
    const backoff = { baseMs: 1000, maxMs: 10_000 };
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffCeiling(n, backoff))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(backoffDelay(3, backoff, top)).toBe(3999);
    expect(backoffDelay(3, backoff, () => 0)).toBe(0);
  });

  it("clamps a random source outside [0, 1)", () => {
    const backoff = { baseMs: 1000, maxMs: 10_000 };
    expect(backoffDelay(1, backoff, () => 7)).toBe(1000);
    expect(backoffDelay(1, backoff, () => -1)).toBe(0);
    expect(backoffDelay(1, backoff, () => Number.NaN)).toBe(0);
  });
});

describe("resolveOutboxOptions", () => {
  it("fills the documented defaults and freezes the result", () => {
    const o = resolveOutboxOptions({ worker: "w1" });
    expect(o).toMatchObject({
      worker: "w1",
      limit: 50,
      leaseMs: 300_000,
      maxAttempts: 8,
      backoff: { baseMs: 1000, maxMs: 3_600_000 },
      random: Math.random,
      now: Date.now,
      secret: undefined,
    });
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.backoff)).toBe(true);
    expect(resolveOutboxOptions().worker).toMatch(/:\d+$/);
  });

  it("refuses values that make no sense", () => {
    expect(() => resolveOutboxOptions({ limit: 0 })).toThrow(RangeError);
    expect(() => resolveOutboxOptions({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => resolveOutboxOptions({ backoff: { baseMs: 10, maxMs: 5 } })).toThrow(/maxMs/);
    expect(() => resolveOutboxOptions({ worker: "" })).toThrow(/worker/);
  });
});
