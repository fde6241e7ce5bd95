import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, multiplyRatio, type Rounding } from "./arithmetic.js";
import { CURRENCY_CODES } from "./currency.js";
import { type Money, money, negate, sum } from "./money.js";

const anyMoney = fc
  .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.constantFrom(...CURRENCY_CODES))
  .map(([minor, currency]) => money(minor, currency));
const rounding = fc.constantFrom<Rounding>("half-even", "half-up", "down");
const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((n) => n !== 0n);
const weights = fc
  .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 12 })
  .filter((list) => list.some((w) => w > 0n));
const abs = (n: bigint) => (n < 0n ? -n : n);
const minors = (list: readonly Money[]) => list.map((m) => m.minor);
const usd = (n: bigint) => money(n, "USD");

describe("multiplyRatio", () => {
  it.each<[bigint, bigint, bigint, Rounding, bigint]>([
    // 10.00 × 1/3 = 3.333…
    [1000n, 1n, 3n, "half-even", 333n],
    [1000n, 1n, 3n, "half-up", 333n],
    [1000n, 1n, 3n, "down", 333n],
    // 10.00 × 2/3 = 6.666…
    [1000n, 2n, 3n, "half-even", 667n],
    [1000n, 2n, 3n, "half-up", 667n],
    [1000n, 2n, 3n, "down", 666n],
    // ties: 0.05 / 2 = 0.025, 0.15 / 2 = 0.075
    [5n, 1n, 2n, "half-even", 2n],
    [5n, 1n, 2n, "half-up", 3n],
    [5n, 1n, 2n, "down", 2n],
    [15n, 1n, 2n, "half-even", 8n],
    [15n, 1n, 2n, "half-up", 8n],
    // negative amounts round symmetrically
    [-5n, 1n, 2n, "half-even", -2n],
    [-5n, 1n, 2n, "half-up", -3n],
    [-5n, 1n, 2n, "down", -2n],
    [-15n, 1n, 2n, "half-even", -8n],
    [-1000n, 2n, 3n, "down", -666n],
    // a negative denominator is the same as a negative numerator
    [5n, 1n, -2n, "half-up", -3n],
    [5n, -1n, -2n, "half-up", 3n],
  ])("%s × %s/%s (%s) = %s", (minor, numerator, denominator, mode, expected) => {
    expect(multiplyRatio(usd(minor), numerator, denominator, mode)).toEqual(usd(expected));
  });

  it("stays exact beyond 2^64", () => {
    const huge = money(9223372036854775807099n, "USD");
    expect(multiplyRatio(huge, 3n, 2n, "half-even").minor).toBe(13835058055282163710648n);
    expect(multiplyRatio(huge, 1n, 1n, "down")).toEqual(huge);
  });

  it("keeps the currency and returns a frozen amount", () => {
    const result = multiplyRatio(money(100n, "KWD"), 1n, 2n, "down");
    expect(result).toEqual(money(50n, "KWD"));
    expect(Object.isFrozen(result)).toBe(true);
  });

  it("throws on a zero denominator", () => {
    expect(() => multiplyRatio(usd(1n), 1n, 0n, "down")).toThrow(/denominator/);
  });

  it("multiplying by n/n is the identity", () => {
    fc.assert(
      fc.property(anyMoney, nonZero, rounding, (m, n, mode) => {
        expect(multiplyRatio(m, n, n, mode)).toEqual(m);
        expect(multiplyRatio(m, 1n, 1n, mode)).toEqual(m);
      }),
    );
  });

  it("is within one unit of exact, half modes within half a unit, down never exceeds it", () => {
    fc.assert(
      fc.property(anyMoney, nonZero, nonZero, rounding, (m, n, d, mode) => {
        const result = multiplyRatio(m, n, d, mode).minor;
        // Compare result·|d| with the exact m·n·sign(d) without dividing.
        const exact = d < 0n ? -(m.minor * n) : m.minor * n;
        const error = abs(result * abs(d) - exact);
        if (mode === "down") {
          expect(error < abs(d)).toBe(true);
          expect(abs(result * abs(d)) <= abs(exact)).toBe(true);
        } else {
          expect(error * 2n <= abs(d)).toBe(true);
        }
      }),
    );
  });

  it("half-even breaks ties to even, half-up away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (k) => {
        // (2k+1)/2 is always a tie.
        const tie = usd(2n * k + 1n);
        expect(multiplyRatio(tie, 1n, 2n, "half-even").minor % 2n).toBe(0n);
        expect(multiplyRatio(tie, 1n, 2n, "half-up").minor).toBe(k >= 0n ? k + 1n : k);
      }),
    );
  });

  it("is symmetric about zero in every mode", () => {
    fc.assert(
      fc.property(anyMoney, nonZero, nonZero, rounding, (m, n, d, mode) => {
        expect(multiplyRatio(negate(m), n, d, mode).minor).toBe(
          -multiplyRatio(m, n, d, mode).minor || 0n,
        );
      }),
    );
  });
});

describe("allocate", () => {
  it("gives leftover cents to the largest remainders, ties to the lower index", () => {
    expect(minors(allocate(usd(100n), [1n, 1n, 1n]))).toEqual([34n, 33n, 33n]);
    expect(minors(allocate(usd(101n), [1n, 1n, 1n]))).toEqual([34n, 34n, 33n]);
    // 5 × 3/10 = 1.5, 5 × 7/10 = 3.5: equal remainders, so the first gets the cent.
    expect(minors(allocate(usd(5n), [3n, 7n]))).toEqual([2n, 3n]);
    // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5: the 0.67 remainder wins.
    expect(minors(allocate(usd(10n), [1n, 2n, 3n]))).toEqual([2n, 3n, 5n]);
  });

  it("splits negative amounts as the mirror of positive ones", () => {
    expect(minors(allocate(usd(-100n), [1n, 1n, 1n]))).toEqual([-34n, -33n, -33n]);
    expect(minors(allocate(usd(-1n), [1n, 1n]))).toEqual([-1n, 0n]);
  });

  it("gives nothing to zero weights", () => {
    expect(minors(allocate(usd(100n), [0n, 1n, 0n, 1n]))).toEqual([0n, 50n, 0n, 50n]);
    expect(minors(allocate(usd(3n), [0n, 1n, 1n]))).toEqual([0n, 2n, 1n]);
  });

  it("works in currencies without minor units, and for huge amounts", () => {
    expect(allocate(money(1000n, "JPY"), [1n, 1n, 1n])).toEqual(
      [334n, 333n, 333n].map((n) => money(n, "JPY")),
    );
    const huge = money(9223372036854775807099n, "EUR");
    expect(sum(allocate(huge, [1n, 2n, 3n, 4n]), "EUR")).toEqual(huge);
  });

  it("throws on negative, empty or all-zero weights", () => {
    expect(() => allocate(usd(1n), [1n, -1n])).toThrow(/weights/);
    expect(() => allocate(usd(1n), [])).toThrow(/weights/);
    expect(() => allocate(usd(1n), [0n, 0n])).toThrow(/weights/);
    expect(() => allocate(usd(1n), [1 as unknown as bigint])).toThrow(/weights/);
  });

  it("always sums exactly, one part per weight, in the same currency", () => {
    fc.assert(
      fc.property(anyMoney, weights, (m, ws) => {
        const parts = allocate(m, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts, m.currency)).toEqual(m);
      }),
    );
  });

  it("keeps each part within one minor unit of its exact share", () => {
    fc.assert(
      fc.property(anyMoney, weights, (m, ws) => {
        const total = ws.reduce((a, b) => a + b, 0n);
        allocate(m, ws).forEach((part, i) => {
          // |part − m·w/W| < 1  ⇔  |part·W − m·w| < W
          expect(abs(part.minor * total - m.minor * (ws[i] ?? 0n)) < total).toBe(true);
        });
      }),
    );
  });

  it("rounds up exactly the parts with the largest remainders (ties to the lower index)", () => {
    fc.assert(
      fc.property(anyMoney, weights, (m, ws) => {
        const total = ws.reduce((a, b) => a + b, 0n);
        const amount = abs(m.minor);
        const parts = allocate(m, ws);
        const rank = ws.map((w, i) => ({ i, remainder: (amount * w) % total }));
        const roundedUp = rank.map(
          ({ i }) => abs(parts[i]?.minor ?? 0n) * total > amount * (ws[i] ?? 0n),
        );
        for (const a of rank) {
          for (const b of rank) {
            const aBeforeB =
              a.remainder > b.remainder || (a.remainder === b.remainder && a.i < b.i);
            if (aBeforeB && roundedUp[b.i]) expect(roundedUp[a.i]).toBe(true);
          }
        }
      }),
    );
  });

  it("is deterministic, mirrors for negatives, and ignores the scale of the weights", () => {
    fc.assert(
      fc.property(anyMoney, weights, fc.bigInt({ min: 1n, max: 1000n }), (m, ws, k) => {
        const parts = allocate(m, ws);
        expect(allocate(m, [...ws])).toEqual(parts);
        expect(allocate(negate(m), ws)).toEqual(parts.map(negate));
        expect(
          allocate(
            m,
            ws.map((w) => w * k),
          ),
        ).toEqual(parts);
      }),
    );
  });
});
