import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  lgamma,
  logAddExp,
  logGammaSigned,
  logisticOfNegative,
  sinPi,
} from "./special-functions.js";

/** |actual − expected| ≤ tol · max(1, |expected|): relative, or absolute near zero. */
const close = (actual: number, expected: number, tol: number) =>
  Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));

describe("lgamma", () => {
  // Reference values: mpmath at 40 digits, rounded to double.
  const known: [number, number][] = [
    [1e-8, 18.42068073818021],
    [0.1, 2.252712651734206],
    [0.25, 1.2880225246980774],
    [1 / 3, 0.9854206469277671],
    [0.5, 0.5723649429247001], // ln √π
    [1.5, -0.12078223763524522],
    [2.5, 0.2846828704729192],
    [3.7, 1.428072326665388],
    [10, 12.801827480081469], // ln 9!
    [33.3, 82.60372358165495],
    [100, 359.1342053695754],
    [1000, 5905.220423209181],
    [1e6, 12815504.569147611],
    [1e12, 26631021115915.652],
    [-0.5, 1.2655121234846454],
    [-2.5, -0.056243716497674054],
    [-10.3, -14.457515440024208],
  ];
  it.each(known)("lgamma(%d) matches to 1e-14", (x, expected) => {
    expect(close(lgamma(x), expected, 1e-14)).toBe(true);
  });

  it("is exactly 0 at 1 and 2, and ln((n−1)!) at integers", () => {
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
    let logFactorial = 0;
    for (let n = 2; n <= 60; n++) {
      logFactorial += Math.log(n - 1);
      expect(close(lgamma(n), logFactorial, 1e-14)).toBe(true);
    }
  });

  it("has poles at non-positive integers and gives NaN for NaN", () => {
    expect(lgamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(lgamma(-3)).toBe(Number.POSITIVE_INFINITY);
    expect(logGammaSigned(-3).sign).toBe(0);
    expect(lgamma(Number.NaN)).toBeNaN();
  });

  it("gives the sign of Γ on the negative axis", () => {
    expect(logGammaSigned(-0.5).sign).toBe(-1);
    expect(logGammaSigned(-1.5).sign).toBe(1);
    expect(logGammaSigned(-2.5).sign).toBe(-1);
    expect(logGammaSigned(0.5).sign).toBe(1);
  });

  it("satisfies ln Γ(x+1) = ln Γ(x) + ln x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        return close(lgamma(x + 1), lgamma(x) + Math.log(x), 1e-13);
      }),
    );
  });

  it("satisfies the duplication formula Γ(x)Γ(x+½) = 2^(1−2x) √π Γ(2x)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-2, max: 1e4, noNaN: true }), (x) => {
        const left = lgamma(x) + lgamma(x + 0.5);
        const right = (1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + lgamma(2 * x);
        return close(left, right, 1e-13);
      }),
    );
  });
});

describe("sinPi", () => {
  it("is exact at integers and half-integers", () => {
    expect(Math.abs(sinPi(3))).toBe(0);
    expect(Math.abs(sinPi(-7))).toBe(0);
    expect(sinPi(0.5)).toBe(1);
    expect(sinPi(1.5)).toBe(-1);
    expect(sinPi(-0.5)).toBe(-1);
  });
  it("agrees with Math.sin(πx) where that is accurate", () => {
    for (const x of [0.1, 0.3, 0.7, 1.2, -0.4, 2.9]) {
      expect(sinPi(x)).toBeCloseTo(Math.sin(Math.PI * x), 14);
    }
  });
});

describe("logAddExp and logisticOfNegative", () => {
  it("neither overflows nor underflows", () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    expect(logisticOfNegative(700) / Math.exp(-700)).toBeCloseTo(1, 14);
    expect(logisticOfNegative(-800)).toBe(1);
    expect(logisticOfNegative(0)).toBe(0.5);
  });
});
