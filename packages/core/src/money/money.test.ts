import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "./currency.js";
import {
  add,
  compare,
  equals,
  isNegative,
  isZero,
  type Money,
  max,
  min,
  money,
  negate,
  subtract,
  sum,
  zero,
} from "./money.js";

const minor = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const currency = fc.constantFrom(...CURRENCY_CODES);
// Three amounts in one random currency; tests destructure the ones they need.
const inOneCurrency = currency.chain((code) => {
  const amount = minor.map((n) => money(n, code));
  return fc.tuple(amount, amount, amount);
});

const usd = (n: bigint) => money(n, "USD");

describe("money", () => {
  it("builds a frozen amount", () => {
    const m = money(1250n, "SEK");
    expect(m).toEqual({ minor: 1250n, currency: "SEK" });
    expect(Object.isFrozen(m)).toBe(true);
  });

  it("refuses floats and unknown currencies, which are caller bugs", () => {
    expect(() => money(12.5 as unknown as bigint, "USD")).toThrow(/bigint/);
    expect(() => money(1n, "usd")).toThrow(/unknown currency/);
    expect(() => zero("XAU")).toThrow(/unknown currency/);
  });

  it("does arithmetic in minor units", () => {
    expect(add(usd(150n), usd(-200n))).toEqual(usd(-50n));
    expect(subtract(usd(150n), usd(-200n))).toEqual(usd(350n));
    expect(negate(money(5n, "JPY"))).toEqual(money(-5n, "JPY"));
    expect(zero("KWD")).toEqual(money(0n, "KWD"));
    const huge = money(9223372036854775807099n, "EUR");
    expect(add(huge, money(1n, "EUR")).minor).toBe(9223372036854775807100n);
  });

  it("throws when currencies are mixed", () => {
    expect(() => add(usd(1n), money(1n, "EUR"))).toThrow(/currency mismatch USD vs EUR/);
    expect(() => subtract(usd(1n), money(1n, "EUR"))).toThrow(/currency mismatch/);
    expect(() => compare(usd(1n), money(1n, "EUR"))).toThrow(/currency mismatch/);
    expect(() => min(usd(1n), money(1n, "EUR"))).toThrow(/currency mismatch/);
    expect(() => sum([usd(1n), money(1n, "EUR")], "USD")).toThrow(/currency mismatch/);
  });

  it("compares and tests", () => {
    expect(compare(usd(1n), usd(2n))).toBe(-1);
    expect(compare(usd(2n), usd(2n))).toBe(0);
    expect(compare(usd(3n), usd(2n))).toBe(1);
    expect(isZero(usd(0n))).toBe(true);
    expect(isZero(usd(-1n))).toBe(false);
    expect(isNegative(usd(-1n))).toBe(true);
    expect(isNegative(usd(0n))).toBe(false);
    expect(min(usd(-5n), usd(3n))).toEqual(usd(-5n));
    expect(max(usd(-5n), usd(3n))).toEqual(usd(3n));
    expect(equals(usd(5n), usd(5n))).toBe(true);
    expect(equals(usd(5n), usd(6n))).toBe(false);
    expect(equals(usd(5n), money(5n, "CAD"))).toBe(false);
  });

  it("sums a list, and an empty list to zero in the given currency", () => {
    expect(sum([money(100n, "PTS"), money(250n, "PTS")], "PTS")).toEqual(money(350n, "PTS"));
    expect(sum([], "CNY")).toEqual(zero("CNY"));
  });
});

describe("properties", () => {
  it("subtract undoes add, and add undoes subtract", () => {
    fc.assert(
      fc.property(inOneCurrency, ([a, b]) => {
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
      }),
    );
  });

  it("a − b = a + (−b), and −(−a) = a", () => {
    fc.assert(
      fc.property(inOneCurrency, ([a, b]) => {
        expect(subtract(a, b)).toEqual(add(a, negate(b)));
        expect(negate(negate(a))).toEqual(a);
      }),
    );
  });

  it("compare is antisymmetric and agrees with equals", () => {
    fc.assert(
      fc.property(inOneCurrency, ([a, b]) => {
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
        expect(compare(a, b) === 0).toBe(equals(a, b));
      }),
    );
  });

  it("compare is transitive", () => {
    fc.assert(
      fc.property(inOneCurrency, ([a, b, c]) => {
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("min and max pick one of the two, in order", () => {
    fc.assert(
      fc.property(inOneCurrency, ([a, b]) => {
        const low: Money = min(a, b);
        const high: Money = max(a, b);
        expect(compare(low, high)).toBeLessThanOrEqual(0);
        expect(add(low, high)).toEqual(add(a, b));
      }),
    );
  });

  it("sum equals folding add, in any order", () => {
    fc.assert(
      fc.property(
        currency.chain((code) =>
          fc.tuple(fc.constant(code), fc.array(minor.map((n) => money(n, code)))),
        ),
        ([code, list]) => {
          const folded = list.reduce(add, zero(code));
          expect(sum(list, code)).toEqual(folded);
          expect(sum([...list].reverse(), code)).toEqual(folded);
        },
      ),
    );
  });
});
