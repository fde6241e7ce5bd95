/**
 * Money for Goodfaith: integer minor units as `bigint` with a currency, never a float.
 *
 * @example
 * ```ts
 * import { allocate, formatMoney, multiplyRatio, parseMoney, toDecimalString } from "./index.js";
 *
 * const parsed = parseMoney("100.00", "SEK");
 * if (!parsed.ok) throw new Error(parsed.issues[0]?.code);
 * const refund = multiplyRatio(parsed.value, 1n, 3n, "half-even"); // 33.33 SEK
 * const parts = allocate(parsed.value, [1n, 1n, 1n]); // 33.34 + 33.33 + 33.33: no öre lost
 * console.log(toDecimalString(refund), parts.map(toDecimalString), formatMoney(refund, "sv"));
 * // "33.33" [ "33.34", "33.33", "33.33" ] "33,33 kr"
 * ```
 */

export { allocate, multiplyRatio, type Rounding } from "./arithmetic.js";
export { CURRENCY_CODES, currencyExponent, isCurrency, POINTS } from "./currency.js";
export { minorUnits, parseMoney, parseRatio, type Ratio, toDecimalString } from "./decimal.js";
export { formatMoney } from "./format.js";
export {
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
