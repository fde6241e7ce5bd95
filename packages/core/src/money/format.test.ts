import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "./currency.js";
import { toDecimalString } from "./decimal.js";
import { formatMoney } from "./format.js";
import { money } from "./money.js";

// Intl's own spaces: U+00A0 no-break space, U+202F narrow no-break space; U+2212 is its minus.
const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MINUS = "\u2212";

describe("formatMoney", () => {
  it.each([
    [1250n, "USD", "en", "$12.50"],
    [-5n, "USD", "en", "-$0.05"],
    [123450n, "SEK", "sv", `1${NBSP}234,50${NBSP}kr`],
    [-123450n, "SEK", "sv", `${MINUS}1${NBSP}234,50${NBSP}kr`],
    [123450n, "EUR", "sv", `1${NBSP}234,50${NBSP}€`],
    [123450n, "EUR", "en", "€1,234.50"],
    [123450n, "CNY", "zh-CN", "¥1,234.50"],
    [5n, "JPY", "en", "¥5"],
    [1234567n, "JPY", "zh-CN", "JP¥1,234,567"],
    [1n, "KWD", "en", `KWD${NBSP}0.001`],
    // IDR keeps its ISO minor unit even though CLDR would hide it.
    [125n, "IDR", "en", `IDR${NBSP}1.25`],
    [9223372036854775807099n, "USD", "en", "$92,233,720,368,547,758,070.99"],
  ])("formats %s %s in %s as %j", (minor, currency, locale, expected) => {
    expect(formatMoney(money(minor, currency), locale)).toBe(expected);
  });

  it.each([
    [1200n, "en", "1,200 points"],
    [1n, "en", "1 point"],
    [-1n, "en", "-1 point"],
    [0n, "en", "0 points"],
    [1200n, "en-GB", "1,200 points"],
    [1200n, "zh-CN", "1,200 积分"],
    [1200n, "sv", `1${NBSP}200 poäng`],
    [1n, "sv", "1 poäng"],
    [-1200n, "sv", `${MINUS}1${NBSP}200 poäng`],
    [123456789012345678901234n, "en", "123,456,789,012,345,678,901,234 points"],
  ])("formats %s PTS in %s as %j", (minor, locale, expected) => {
    expect(formatMoney(money(minor, "PTS"), locale)).toBe(expected);
  });

  it("uses whatever spaces Intl uses for Swedish grouping", () => {
    const grouping = new Intl.NumberFormat("sv").format(1200).charAt(1);
    expect([NBSP, NNBSP, " "]).toContain(grouping);
    expect(formatMoney(money(1200n, "PTS"), "sv")).toBe(`1${grouping}200 poäng`);
  });

  it("falls back to English for a malformed locale instead of throwing", () => {
    expect(formatMoney(money(1250n, "USD"), "not a locale!!")).toBe("$12.50");
    expect(formatMoney(money(2n, "PTS"), "not a locale!!")).toBe("2 points");
  });
});

describe("the formatter cache", () => {
  const RealNumberFormat = Intl.NumberFormat;
  afterEach(() => {
    Intl.NumberFormat = RealNumberFormat;
  });

  it("builds one Intl.NumberFormat per locale and currency", () => {
    let constructed = 0;
    Intl.NumberFormat = new Proxy(RealNumberFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        constructed += 1;
        return new target(...args);
      },
    });
    // A pair no other test uses, so the cache starts cold for it.
    for (let i = 0; i < 5; i += 1) formatMoney(money(BigInt(i), "NOK"), "nb-NO");
    expect(constructed).toBe(1);
    formatMoney(money(1n, "NOK"), "en-IE");
    expect(constructed).toBe(2);
  });
});

describe("properties", () => {
  const anyMoney = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom(...CURRENCY_CODES))
    .map(([minor, currency]) => money(minor, currency));
  const locale = fc.constantFrom("en", "zh-CN", "sv", "de-DE", "fr-CH", "ar-EG", "hi-IN", "ja-JP");

  it("never throws for any valid money and locale", () => {
    fc.assert(
      fc.property(anyMoney, locale, (m, l) => {
        expect(formatMoney(m, l).length).toBeGreaterThan(0);
      }),
    );
  });

  it("shows every digit exactly, with no float rounding", () => {
    const digits = (text: string) => text.replace(/[^0-9]/g, "");
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(digits(formatMoney(m, "en"))).toBe(digits(toDecimalString(m)));
      }),
    );
  });
});
