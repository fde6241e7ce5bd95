import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, currencyExponent } from "./currency.js";
import { minorUnits, parseMoney, parseRatio, toDecimalString } from "./decimal.js";
import { money } from "./money.js";

const anyMoney = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom(...CURRENCY_CODES))
  .map(([minor, currency]) => money(minor, currency));

function issueOf(text: string, currency: string) {
  const result = parseMoney(text, currency);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  const [only, ...rest] = result.issues;
  if (only === undefined || rest.length > 0) throw new Error("expected exactly one issue");
  return only;
}

describe("parseMoney", () => {
  it.each([
    ["12", "USD", 1200n],
    ["12.5", "USD", 1250n],
    ["12.50", "EUR", 1250n],
    ["-3.00", "SEK", -300n],
    ["0.05", "CNY", 5n],
    ["-0.05", "CNY", -5n],
    ["0.001", "KWD", 1n],
    ["1.5", "KWD", 1500n],
    ["5", "JPY", 5n],
    ["1200", "PTS", 1200n],
    ["007", "USD", 700n],
    ["-0", "USD", 0n],
    ["92233720368547758070.99", "USD", 9223372036854775807099n],
  ])("reads %s %s as %s minor units", (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, value: money(minor, currency) });
  });

  it.each([
    "",
    " 12",
    "12 ",
    "+12",
    "1e3",
    "1E3",
    "1,000",
    "1 000",
    "1_000",
    ".5",
    "5.",
    "--5",
    "0x10",
    "12.5.0",
    "NaN",
    "Infinity",
    "١٢",
  ])("rejects %j as money.invalid_number", (text) => {
    expect(issueOf(text, "USD")).toEqual({
      code: "money.invalid_number",
      messageKey: "money.invalid_number",
      path: [],
      params: { currency: "USD" },
    });
  });

  it("rejects a JSON number from an untyped caller as money.invalid_number", () => {
    expect(issueOf(12.5 as unknown as string, "USD").code).toBe("money.invalid_number");
  });

  it.each([
    ["12.505", "USD", 2],
    ["12.500", "EUR", 2],
    ["0.0001", "KWD", 3],
    ["5.0", "JPY", 0],
    ["1.5", "PTS", 0],
  ])("rejects %s %s as money.too_many_decimals", (text, currency, exponent) => {
    expect(issueOf(text, currency)).toEqual({
      code: "money.too_many_decimals",
      messageKey: "money.too_many_decimals",
      path: [],
      params: { currency, exponent },
    });
  });

  it.each(["usd", "XAU", "HRK", "EURO", ""])(
    "rejects currency %j as money.unknown_currency",
    (c) => {
      expect(issueOf("1.00", c)).toEqual({
        code: "money.unknown_currency",
        messageKey: "money.unknown_currency",
        path: [],
        params: { currency: c },
      });
    },
  );
});

describe("toDecimalString", () => {
  it.each([
    [1250n, "USD", "12.50"],
    [-5n, "EUR", "-0.05"],
    [0n, "SEK", "0.00"],
    [7n, "CNY", "0.07"],
    [1200n, "PTS", "1200"],
    [5n, "JPY", "5"],
    [-5n, "JPY", "-5"],
    [1n, "KWD", "0.001"],
    [-12345n, "KWD", "-12.345"],
    [12345n, "CLF", "1.2345"],
    [9223372036854775807099n, "USD", "92233720368547758070.99"],
  ])("prints %s %s as %s", (minor, currency, text) => {
    expect(toDecimalString(money(minor, currency))).toBe(text);
  });
});

describe("round trip", () => {
  it("parse(print(m)) = m", () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(parseMoney(toDecimalString(m), m.currency)).toEqual({ ok: true, value: m });
      }),
    );
  });

  it("print(parse(s)) = s for canonical strings, with exactly `exponent` decimals", () => {
    const canonical = fc.constantFrom(...CURRENCY_CODES).chain((currency) => {
      const exponent = currencyExponent(currency) ?? 0;
      const whole = fc.oneof(fc.constant("0"), fc.stringMatching(/^[1-9][0-9]{0,25}$/));
      const fraction = fc.stringMatching(new RegExp(`^[0-9]{${exponent}}$`));
      return fc
        .tuple(fc.constant(currency), fc.boolean(), whole, fraction)
        .map(([c, negative, w, f]) => {
          const body = exponent === 0 ? w : `${w}.${f}`;
          const isZero = /^[0.]+$/.test(body);
          return [c, negative && !isZero ? `-${body}` : body] as const;
        });
    });
    fc.assert(
      fc.property(canonical, ([currency, text]) => {
        const result = parseMoney(text, currency);
        expect(result.ok && toDecimalString(result.value)).toBe(text);
      }),
    );
  });
});

describe("parseRatio", () => {
  it.each([
    ["0.5", 1n, 2n],
    [0.25, 1n, 4n],
    [0.1, 1n, 10n],
    ["1/3", 1n, 3n],
    ["2/4", 1n, 2n],
    ["-1/3", -1n, 3n],
    ["-0.75", -3n, 4n],
    ["1.20", 6n, 5n],
    ["3", 3n, 1n],
    [3, 3n, 1n],
    ["0", 0n, 1n],
    [0, 0n, 1n],
    ["0/7", 0n, 1n],
    [-0, 0n, 1n],
  ])("reads %j as %s/%s", (text, numerator, denominator) => {
    expect(parseRatio(text)).toEqual({ numerator, denominator });
  });

  it.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e21,
    1e-7,
    "1e3",
    "1/0",
    "1/-3",
    "1 / 3",
    "",
    ".5",
    "+0.5",
    "50%",
    "0.5.5",
    "1/3/4",
  ])("rejects %j", (text) => {
    expect(parseRatio(text)).toBeUndefined();
  });

  it("reads any finite number without an exponent as the decimal it prints as", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const ratio = parseRatio(n);
        if (String(n).includes("e")) {
          expect(ratio).toBeUndefined();
          return;
        }
        if (ratio === undefined) throw new Error(`rejected ${n}`);
        expect(ratio.denominator > 0n).toBe(true);
        // Cross-multiplying checks the value without ever dividing in floating point.
        const [whole = "", fraction = ""] = String(n).replace("-", "").split(".");
        const scaled = BigInt(whole + fraction) * (n < 0 ? -1n : 1n);
        expect(ratio.numerator * 10n ** BigInt(fraction.length)).toBe(scaled * ratio.denominator);
      }),
    );
  });
});

describe("minorUnits agrees with parseMoney", () => {
  const currencies = ["USD", "JPY", "KWD", "PTS", "SEK", "XYZ"];
  it("on every string, accepted or not", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^-?[0-9]{0,6}(\.[0-9]{0,4})?$/), fc.string({ maxLength: 8 })),
        fc.constantFrom(...currencies),
        (text, currency) => {
          const slow = parseMoney(text, currency);
          expect(minorUnits(text, currency)).toEqual(slow.ok ? slow.value.minor : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
