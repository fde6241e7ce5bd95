import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BgNbdParams, conditionalExpectedPurchases, type RecencyFrequency } from "./bg-nbd.js";
import {
  customerEquity,
  customerLifetimeValue,
  discountedExpectedPurchases,
  resolveClvOptions,
  WEEKS_PER_YEAR,
} from "./clv.js";

const published: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const customer1: RecencyFrequency = { x: 2, tx: 30.43, T: 38.86 };

const customer = fc
  .tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 80, noNaN: true }),
  )
  .map(([x, share, T]): RecencyFrequency => ({ x, tx: x > 0 ? share * T : 0, T }));

describe("resolveClvOptions", () => {
  it("fills in documented defaults and freezes the result", () => {
    const o = resolveClvOptions();
    expect(o).toEqual({ horizonWeeks: 52, annualDiscountRate: 0.1, periodWeeks: 1 });
    expect(Object.isFrozen(o)).toBe(true);
  });
  it("rejects nonsense", () => {
    expect(() => resolveClvOptions({ horizonWeeks: -1 })).toThrow(RangeError);
    expect(() => resolveClvOptions({ periodWeeks: 0 })).toThrow(RangeError);
    expect(() => resolveClvOptions({ annualDiscountRate: -1 })).toThrow(RangeError);
    expect(() => resolveClvOptions({ horizonWeeks: Number.NaN })).toThrow(RangeError);
  });
});

describe("discounted expected purchases", () => {
  it("without discounting, telescopes to the expected purchases over the horizon", () => {
    for (const periodWeeks of [1, 4, 10, 52]) {
      const o = resolveClvOptions({ horizonWeeks: 50, annualDiscountRate: 0, periodWeeks });
      const expected = conditionalExpectedPurchases(published, customer1, 50);
      expect(discountedExpectedPurchases(published, customer1, o)).toBeCloseTo(expected, 12);
    }
  });

  it("discounts one period from its end: (1 + rate)^(−weeks/52.18)", () => {
    const o = resolveClvOptions({ horizonWeeks: 26, annualDiscountRate: 0.1, periodWeeks: 26 });
    const expected =
      conditionalExpectedPurchases(published, customer1, 26) * 1.1 ** (-26 / WEEKS_PER_YEAR);
    expect(discountedExpectedPurchases(published, customer1, o)).toBeCloseTo(expected, 12);
  });

  it("is 0 for a zero horizon and scales CLV linearly in expected spend", () => {
    expect(
      discountedExpectedPurchases(published, customer1, resolveClvOptions({ horizonWeeks: 0 })),
    ).toBe(0);
    const o = resolveClvOptions();
    const clv = customerLifetimeValue(published, customer1, 20, o);
    expect(customerLifetimeValue(published, customer1, 40, o)).toBeCloseTo(2 * clv, 12);
  });

  it("grows with the horizon, shrinks with the discount rate, never exceeds the undiscounted count", () => {
    const rate = fc.double({ min: 0, max: 0.5, noNaN: true });
    const horizon = fc.integer({ min: 1, max: 156 });
    fc.assert(
      fc.property(customer, rate, rate, horizon, horizon, (c, r1, r2, h1, h2) => {
        const value = (annualDiscountRate: number, horizonWeeks: number) =>
          discountedExpectedPurchases(
            published,
            c,
            resolveClvOptions({ annualDiscountRate, horizonWeeks, periodWeeks: 4 }),
          );
        const [lowRate, highRate] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const [short, long] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const tol = 1e-12;
        return (
          value(lowRate, long) >= value(lowRate, short) - tol &&
          value(highRate, long) <= value(lowRate, long) + tol &&
          value(lowRate, long) <= conditionalExpectedPurchases(published, c, long) + tol &&
          value(highRate, short) >= 0
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("customerEquity", () => {
  it("sums without losing small values to cancellation", () => {
    expect(customerEquity([1e16, 1, -1e16])).toBe(1);
    expect(customerEquity([])).toBe(0);
    expect(customerEquity(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });
});
