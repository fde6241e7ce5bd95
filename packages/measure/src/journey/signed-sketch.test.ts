import { DDSketch } from "@datadog/sketches-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SignedSketch } from "./signed-sketch.js";

// The guarantee holds for 0 and for magnitudes within 18 decades of the largest: generate
// 0 and magnitudes in [1e-6, 1e9], of either sign.
const value = fc.oneof(
  fc.constant(0),
  fc
    .tuple(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.boolean())
    .map(([m, neg]) => (neg ? -m : m)),
);
const values = fc.array(value, { minLength: 1, maxLength: 400 });
const accuracy = fc.constantFrom(0.001, 0.01, 0.05);
const QS = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

const exactQuantile = (sorted: readonly number[], q: number) =>
  sorted[Math.floor(q * (sorted.length - 1))] as number;

function sketchOf(xs: readonly number[], alpha: number): SignedSketch {
  const s = new SignedSketch(alpha);
  for (const x of xs) s.add(x);
  return s;
}

/** |estimate − exact| ≤ α·|exact|, with room for one rounding of the logarithm. */
function expectWithinBound(estimate: number | null, exact: number, alpha: number) {
  expect(estimate).not.toBeNull();
  expect(Math.abs((estimate as number) - exact)).toBeLessThanOrEqual(
    alpha * Math.abs(exact) * (1 + 1e-9),
  );
}

describe("SignedSketch", () => {
  it("answers every quantile within its relative accuracy of the exact order statistic", () => {
    fc.assert(
      fc.property(values, accuracy, (xs, alpha) => {
        const sketch = sketchOf(xs, alpha);
        const sorted = [...xs].sort((a, b) => a - b);
        for (const q of QS) expectWithinBound(sketch.quantile(q), exactQuantile(sorted, q), alpha);
        expect(sketch.count).toBe(xs.length);
        expect([sketch.min, sketch.max]).toEqual([sorted[0], sorted[sorted.length - 1]]);
      }),
      { numRuns: 300 },
    );
  });

  it("merged from two partitions, equals one sketch over all the data, within the bound", () => {
    fc.assert(
      fc.property(values, values, accuracy, (left, right, alpha) => {
        const merged = sketchOf(left, alpha);
        merged.merge(sketchOf(right, alpha));
        const whole = sketchOf([...left, ...right], alpha);
        const sorted = [...left, ...right].sort((a, b) => a - b);
        for (const q of QS) {
          expect(merged.quantile(q)).toBe(whole.quantile(q));
          expectWithinBound(merged.quantile(q), exactQuantile(sorted, q), alpha);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps negative values through a merge, which DDSketch 2.1.1 alone does not", () => {
    const raw = new DDSketch();
    const other = new DDSketch();
    raw.accept(1);
    other.accept(-5);
    raw.merge(other);
    // The library counts the value but loses its bin: the minimum comes back positive.
    expect(raw.getValueAtQuantile(0)).toBeGreaterThan(0);

    const signed = sketchOf([1], 0.01);
    signed.merge(sketchOf([-5], 0.01));
    expectWithinBound(signed.quantile(0), -5, 0.01);
  });

  it("stays bounded and accurate at the top when magnitudes span 600 decades", () => {
    const xs = [1e-300, 2e-200, 3, 1e300, -1e-300, -4e250];
    const sketch = sketchOf(xs, 0.01);
    const sorted = [...xs].sort((a, b) => a - b);
    expectWithinBound(sketch.quantile(1), sorted[5] as number, 0.01);
    expectWithinBound(sketch.quantile(0), sorted[0] as number, 0.01);
  });

  it("has no quantile when empty or asked outside [0, 1]", () => {
    expect(new SignedSketch().quantile(0.5)).toBeNull();
    expect(sketchOf([1, 2], 0.01).quantile(1.5)).toBeNull();
    expect(new SignedSketch().min).toBeNull();
  });
});
