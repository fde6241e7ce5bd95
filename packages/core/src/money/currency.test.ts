import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, currencyExponent, isCurrency, POINTS } from "./currency.js";

// Codes Node's ICU still lists but ISO 4217 has withdrawn (HRK → EUR 2023, SLL → SLE, ZWL → ZWG).
const WITHDRAWN = ["HRK", "SLL", "ZWL"];
// Codes ISO 4217 lists with minor unit "N.A.": they cannot be counted in integers, so we refuse them.
const NO_MINOR_UNIT = [
  "XAG",
  "XAU",
  "XBA",
  "XBB",
  "XBC",
  "XBD",
  "XDR",
  "XPD",
  "XPT",
  "XSU",
  "XTS",
  "XUA",
  "XXX",
];

describe("currencyExponent", () => {
  it.each([
    ["JPY", 0],
    ["KRW", 0],
    ["ISK", 0],
    ["CLP", 0],
    ["VND", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
    ["CLF", 4],
    ["USD", 2],
    ["EUR", 2],
    ["SEK", 2],
    ["CNY", 2],
    ["GBP", 2],
    ["PTS", 0],
  ])("%s has exponent %i", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it("uses the ISO exponent where Intl's display default differs", () => {
    // CLDR shows these without decimals; ISO 4217 (and every ledger) has minor units.
    const intlDigits = (code: string) =>
      new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits;
    for (const [code, iso] of [
      ["IDR", 2],
      ["HUF", 2],
      ["COP", 2],
      ["IQD", 3],
    ] as const) {
      expect(intlDigits(code)).not.toBe(iso);
      expect(currencyExponent(code)).toBe(iso);
    }
  });

  it("knows nothing of lower-case, withdrawn, unit-less or made-up codes", () => {
    for (const code of ["usd", "HRK", "XAU", "XDR", "XXX", "ABC", "", "constructor"]) {
      expect(currencyExponent(code)).toBeUndefined();
      expect(isCurrency(code)).toBe(false);
    }
  });
});

describe("the table", () => {
  it("covers every currency Node's Intl knows, except withdrawn and unit-less ones", () => {
    const missing = Intl.supportedValuesOf("currency").filter(
      (code) => !isCurrency(code) && !WITHDRAWN.includes(code) && !NO_MINOR_UNIT.includes(code),
    );
    expect(missing).toEqual([]);
  });

  it("keeps no withdrawn or unit-less code", () => {
    expect([...WITHDRAWN, ...NO_MINOR_UNIT].filter(isCurrency)).toEqual([]);
  });

  it("lists only three-letter upper-case codes with an exponent, PTS among them", () => {
    expect(CURRENCY_CODES).toContain(POINTS);
    expect(CURRENCY_CODES.length).toBe(166 + 1 + 1); // ISO 2024-06-25 with a minor unit, XCG, PTS
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(currencyExponent(code)).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(Object.isFrozen(CURRENCY_CODES)).toBe(true);
  });
});
