import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gammaFrom, uniformFrom } from "../test/random.js";
import {
  type BgNbdParams,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  type RecencyFrequency,
} from "./bg-nbd.js";

const published: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const relErr = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});
const customer = fc
  .tuple(
    fc.integer({ min: 0, max: 60 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  )
  .map(([x, share, T]): RecencyFrequency => ({ x, tx: x > 0 ? share * T : 0, T }));

describe("BG/NBD likelihood", () => {
  it("matches the product form of FHL (2005) eq. 6, computed without lgamma", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        // Γ(r+x)/Γ(r) and B(a,b+x)/B(a,b) as finite products (x is a small integer).
        let logRising = 0;
        let logBeta = 0;
        for (let k = 0; k < c.x; k++) {
          logRising += Math.log(p.r + k);
          logBeta += Math.log((p.b + k) / (p.a + p.b + k));
        }
        const rx = p.r + c.x;
        const alive = (p.alpha / (p.alpha + c.T)) ** p.r * (p.alpha + c.T) ** -c.x;
        const dead =
          c.x > 0
            ? (p.a / (p.b + c.x - 1)) *
              (p.alpha / (p.alpha + c.tx)) ** p.r *
              (p.alpha + c.tx) ** -c.x
            : 0;
        const direct = logRising + logBeta + Math.log(alive + dead);
        const ours = bgNbdLogLikelihood(p, [c]);
        return Number.isFinite(direct)
          ? Math.abs(ours - direct) <= 1e-9 * Math.max(1, Math.abs(direct)) && rx > 0
          : true;
      }),
    );
  });

  it("adds up over customers, however duplicates are grouped", () => {
    const c1 = { x: 2, tx: 30.43, T: 38.86 };
    const c2 = { x: 0, tx: 0, T: 38.86 };
    const c3 = { x: 5, tx: 12, T: 20 };
    const one = (c: RecencyFrequency) => bgNbdLogLikelihood(published, [c]);
    const total = bgNbdLogLikelihood(published, [c1, c2, c1, c3, c2, c2]);
    expect(total).toBeCloseTo(2 * one(c1) + 3 * one(c2) + one(c3), 10);
  });

  it("rejects impossible histories", () => {
    expect(() => bgNbdLogLikelihood(published, [{ x: 1.5, tx: 1, T: 2 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(published, [{ x: 1, tx: 3, T: 2 }])).toThrow(RangeError);
    expect(() => fitBgNbd([])).toThrow(RangeError);
  });
});

describe("BG/NBD expectations against mpmath (50 digits), published CDNOW parameters", () => {
  it.each([
    [1, 0.0531866559492396],
    [39, 1.1950518784095006],
    [78, 1.8580217586441488],
    [520, 4.968829022060338],
    [5200, 12.136866180059059], // z = 0.9992: the 1 − z connection formula
  ])("E[X(%d)] for a new customer", (t, expected) => {
    expect(relErr(expectedPurchases(published, t), expected)).toBeLessThan(1e-11);
  });

  it.each([
    [{ x: 2, tx: 30.43, T: 38.86 }, 39, 1.225911199899223],
    [{ x: 2, tx: 30.43, T: 38.86 }, 520, 7.319436457560677],
    [{ x: 2, tx: 30.43, T: 38.86 }, 5200, 19.718620019403307],
    [{ x: 25, tx: 38, T: 38.86 }, 39, 16.77746210032853],
    [{ x: 25, tx: 38, T: 38.86 }, 1000, 113.17444009427074],
  ])("E[Y(t) | %o] over %d weeks", (c, t, expected) => {
    expect(relErr(conditionalExpectedPurchases(published, c, t), expected)).toBeLessThan(1e-11);
  });

  it.each([
    // [a − 1, E[X(52)], E[Y(52) | x = 3, t_x = 20, T = 40]] from mpmath; r = 0.5, α = 3, b = 2.
    [0, 2.6417623916555093, 0.9358063617128264],
    [-1e-12, 2.6417623916574273, 0.9358063617137266],
    [1e-9, 2.641762389737298, 0.9358063608125679],
    [-5e-6, 2.641771982751293, 0.9358108630231448],
    [9e-6, 2.6417451278816806, 0.9357982594432933],
    [1.2e-5, 2.641739373347141, 0.935795558712222],
    [-3e-4, 2.6423379969128784, 0.9360765028860726],
  ])("stays accurate at a − 1 = %d, where the closed form has 1/(a − 1)", (d, e, conditional) => {
    const p = { r: 0.5, alpha: 3, a: 1 + d, b: 2 };
    expect(relErr(expectedPurchases(p, 52), e)).toBeLessThan(1e-9);
    expect(
      relErr(conditionalExpectedPurchases(p, { x: 3, tx: 20, T: 40 }, 52), conditional),
    ).toBeLessThan(1e-9);
  });
});

describe("BG/NBD invariants (property tests)", () => {
  it("P(alive) is in [0, 1], and 1 for customers without repeat purchases", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const alive = pAlive(p, c);
        return alive >= 0 && alive <= 1 && (c.x > 0 || alive === 1);
      }),
    );
  });

  it("P(alive) falls the longer a repeat buyer has been silent", () => {
    fc.assert(
      fc.property(
        params,
        customer,
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (p, c, extra) => {
          fc.pre(c.x > 0);
          return pAlive(p, { ...c, T: c.T + extra }) <= pAlive(p, c);
        },
      ),
    );
  });

  it("conditional expectations are ≥ 0, 0 at t = 0, and non-decreasing in t", () => {
    // Subnormal horizons (below ~1e-308 weeks) carry too few significant bits to order two
    // expectations; they stand for a horizon of 0.
    const horizon = fc.double({ min: 0, max: 500, noNaN: true }).map((t) => (t < 1e-300 ? 0 : t));
    const horizons = fc.tuple(horizon, horizon);
    fc.assert(
      fc.property(params, customer, horizons, (p, c, [t1, t2]) => {
        const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const e1 = conditionalExpectedPurchases(p, c, short);
        const e2 = conditionalExpectedPurchases(p, c, long);
        return conditionalExpectedPurchases(p, c, 0) === 0 && e1 >= 0 && e2 >= e1 * (1 - 1e-12);
      }),
    );
  });

  it("a new customer's E[X(t)] is ≥ 0, non-decreasing, and starts at slope E[λ] = r/α", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0, max: 2000, noNaN: true }), (p, t) => {
        const e = expectedPurchases(p, t);
        // The step scales with alpha (the time scale of the model), so the finite difference is
        // equally accurate for every parameter draw.
        const h = 1e-6 * p.alpha;
        const slope = expectedPurchases(p, h) / h;
        return (
          e >= 0 && expectedPurchases(p, t * 1.5 + 1) >= e && relErr(slope, p.r / p.alpha) < 1e-4
        );
      }),
    );
  });

  it("a customer seen at T = 0 with no repeats is a new customer", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 300, noNaN: true }), (p, t) => {
        return (
          relErr(
            conditionalExpectedPurchases(p, { x: 0, tx: 0, T: 0 }, t),
            expectedPurchases(p, t),
          ) < 1e-12
        );
      }),
    );
  });
});

describe("fitBgNbd on simulated customers", () => {
  it("finds a likelihood at least as high as the true parameters', near them", () => {
    const truth: BgNbdParams = { r: 0.6, alpha: 5, a: 0.9, b: 3 };
    const customers = simulate(truth, 6000, 20240601);
    const fit = fitBgNbd(customers);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, customers) - 1e-6);
    // Seeded, so these are fixed numbers (3–7% off at n = 6000), not a flaky sampling check.
    expect(relErr(fit.r, truth.r)).toBeLessThan(0.1);
    expect(relErr(fit.alpha, truth.alpha)).toBeLessThan(0.1);
    expect(relErr(fit.a, truth.a)).toBeLessThan(0.15);
    expect(relErr(fit.b, truth.b)).toBeLessThan(0.15);
  });
});

/** BG/NBD customers observed for 26–52 weeks, from a seeded generator. */
function simulate(p: BgNbdParams, n: number, seed: number): RecencyFrequency[] {
  const uniform = uniformFrom(seed);
  const gamma = gammaFrom(uniform);
  const customers: RecencyFrequency[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(p.r) / p.alpha;
    const g = gamma(p.a);
    const dropout = g / (g + gamma(p.b));
    const T = 26 + (i % 27);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(uniform()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (uniform() < dropout) break; // BG/NBD: a customer may drop out after each repeat purchase
    }
    customers.push({ x, tx, T });
  }
  return customers;
}
