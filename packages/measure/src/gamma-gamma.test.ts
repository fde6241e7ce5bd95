import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gammaFrom, uniformFrom } from "../test/random.js";
import {
  type AverageSpend,
  conditionalExpectedSpend,
  fitGammaGamma,
  type GammaGammaParams,
  gammaGammaLogLikelihood,
  usableForGammaGamma,
} from "./gamma-gamma.js";

const published: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
const relErr = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

const params = fc.record({
  p: fc.double({ min: 0.2, max: 20, noNaN: true }),
  q: fc.double({ min: 1.05, max: 20, noNaN: true }),
  v: fc.double({ min: 0.5, max: 200, noNaN: true }),
});

describe("Gamma-Gamma likelihood", () => {
  it("is a probability density in z̄ for each x (integrates to 1)", () => {
    for (const [p, x] of [
      [published, 1],
      [published, 7],
      [{ p: 0.8, q: 2.2, v: 3 }, 2],
    ] as const) {
      // ∫ f(z̄) dz̄ = ∫ f(e^u) e^u du, trapezoid rule on a wide grid in u = ln z̄.
      let total = 0;
      const h = 0.005;
      for (let u = -25; u <= 25; u += h) {
        const m = Math.exp(u);
        total += Math.exp(gammaGammaLogLikelihood(p, [{ x, meanRepeatSpend: m }]) + u) * h;
      }
      expect(total).toBeCloseTo(1, 6);
    }
  });

  it("uses only customers with repeat spend, and fitGammaGamma counts the rest", () => {
    const customers: AverageSpend[] = [
      { x: 0, meanRepeatSpend: 0 },
      { x: 2, meanRepeatSpend: 0 }, // repeat purchases worth nothing: ln z̄ undefined
      { x: 1, meanRepeatSpend: 12 },
      { x: 3, meanRepeatSpend: 30 },
      { x: 2, meanRepeatSpend: 18 },
    ];
    expect(customers.filter(usableForGammaGamma)).toHaveLength(3);
    const ll = gammaGammaLogLikelihood(published, customers);
    expect(ll).toBeCloseTo(gammaGammaLogLikelihood(published, customers.slice(2)), 12);
    const fit = fitGammaGamma(customers);
    expect(fit.customers).toBe(3);
    expect(fit.excluded).toBe(2);
    expect(() => fitGammaGamma(customers.slice(0, 2))).toThrow(RangeError);
  });
});

describe("conditional expected spend", () => {
  it("is the population mean pv/(q−1) without repeat purchases", () => {
    expect(conditionalExpectedSpend(published, { x: 0, meanRepeatSpend: 0 })).toBeCloseTo(
      (6.25 * 15.44) / 2.74,
      12,
    );
    expect(conditionalExpectedSpend({ p: 1, q: 0.9, v: 1 }, { x: 0, meanRepeatSpend: 0 })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("lies between the population mean and the customer's own average, nearer the latter as x grows", () => {
    fc.assert(
      fc.property(
        params,
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (p, x, m) => {
          const population = (p.p * p.v) / (p.q - 1);
          const e = conditionalExpectedSpend(p, { x, meanRepeatSpend: m });
          const more = conditionalExpectedSpend(p, { x: x + 1, meanRepeatSpend: m });
          const [lo, hi] = population < m ? [population, m] : [m, population];
          const slack = 1e-12 * hi;
          return (
            e >= lo - slack && e <= hi + slack && Math.abs(more - m) <= Math.abs(e - m) + slack
          );
        },
      ),
    );
  });
});

describe("fitGammaGamma on simulated spend", () => {
  it("finds a likelihood at least as high as the true parameters', near them", () => {
    const truth: GammaGammaParams = { p: 4, q: 3, v: 20 };
    const uniform = uniformFrom(7);
    const gamma = gammaFrom(uniform);
    const customers: AverageSpend[] = [];
    for (let i = 0; i < 4000; i++) {
      const nu = gamma(truth.q) / truth.v;
      const x = 1 + (i % 6);
      let sum = 0;
      for (let k = 0; k < x; k++) sum += gamma(truth.p) / nu;
      customers.push({ x, meanRepeatSpend: sum / x });
    }
    const fit = fitGammaGamma(customers);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      gammaGammaLogLikelihood(truth, customers) - 1e-6,
    );
    // Seeded: fixed numbers (≤ 4% off at n = 4000).
    expect(relErr(fit.p, truth.p)).toBeLessThan(0.06);
    expect(relErr(fit.q, truth.q)).toBeLessThan(0.06);
    expect(relErr(fit.v, truth.v)).toBeLessThan(0.1);
  });
});
