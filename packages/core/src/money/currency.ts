/**
 * Currencies and their minor-unit exponents (how many decimal places one major unit has).
 *
 * The table is ISO 4217 List One as published by SIX on 2024-06-25, plus XCG (Caribbean guilder,
 * in use since 2025-03-31). We keep our own table instead of asking `Intl`, because
 * `Intl.NumberFormat#resolvedOptions().maximumFractionDigits` is a display convention from CLDR,
 * not the ISO exponent: it says 0 for IDR, HUF, COP, IQD and others whose ISO exponent is 2 or 3,
 * and a wrong exponent would silently multiply amounts by 100.
 *
 * Codes whose ISO minor unit is "N.A." (precious metals, bond units, XDR, XSU, XUA, XTS, XXX) are
 * deliberately absent: they have no minor unit, so they cannot be counted in integers.
 */

/** The pseudo-currency for loyalty points; a point is indivisible. */
export const POINTS = "PTS";

// Grouped by exponent so a reviewer can compare each line with the published list at a glance.
const CODES_BY_EXPONENT: readonly (readonly [exponent: number, codes: string])[] = [
  [0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"],
  [
    2,
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND " +
      "BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU " +
      "CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
      "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS " +
      "KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP " +
      "MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN " +
      "PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE " +
      "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH " +
      "USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG",
  ],
  [3, "BHD IQD JOD KWD LYD OMR TND"],
  [4, "CLF UYW"],
];

// A Map rather than an object literal so codes like "constructor" can never hit the prototype.
const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...CODES_BY_EXPONENT.flatMap(([exponent, codes]) =>
    codes.split(" ").map((code) => [code, exponent] as const),
  ),
  [POINTS, 0],
]);

/** Every currency code this module accepts (ISO 4217 codes with a minor unit, and `PTS`), sorted. */
export const CURRENCY_CODES: readonly string[] = Object.freeze([...EXPONENTS.keys()].sort());

/** The number of decimal places of a currency's minor unit, or `undefined` for an unknown code. */
export function currencyExponent(code: string): number | undefined {
  return EXPONENTS.get(code);
}

/** Whether a string is a currency code this module accepts (case-sensitive: ISO codes are upper case). */
export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}
