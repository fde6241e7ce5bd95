import { fail, type Issue, ok, type Result } from "../issue.js";
import { currencyExponent } from "./currency.js";
import { type Money, money } from "./money.js";

/** An exact fraction in lowest terms; the denominator is always positive. */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

// Deliberately narrow: JSON carries amounts as decimal strings, and every extra spelling we accept
// ("1e3", "1,000", "+5", ".5", " 5") is one more way two systems can disagree about a value.
const PLAIN_DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;
const FRACTION = /^(-?[0-9]+)\/([0-9]+)$/;

function issue(code: string, params: Readonly<Record<string, string | number>>): Issue {
  return { code, messageKey: code, path: [], params };
}

/** Parses a plain decimal string ("12.50", "-3", "0.001") into exact minor units, or says why not. */
export function parseMoney(text: string, currency: string): Result<Money> {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return fail([issue("money.unknown_currency", { currency })]);
  // Untyped callers may hand us a JSON number; that is bad input, not a crash.
  const match = typeof text === "string" ? PLAIN_DECIMAL.exec(text) : null;
  if (match === null) return fail([issue("money.invalid_number", { currency })]);
  const [, sign = "", whole = "", fraction = ""] = match;
  if (fraction.length > exponent) {
    return fail([issue("money.too_many_decimals", { currency, exponent })]);
  }
  const magnitude = BigInt(whole + fraction.padEnd(exponent, "0"));
  return ok(money(sign === "-" ? -magnitude : magnitude, currency));
}

/**
 * The minor units of a decimal amount, or undefined when `parseMoney` would refuse it. The same
 * rules without building a Result or a Money: this runs for every amount of every event ingested.
 */
export function minorUnits(text: string, currency: string): bigint | undefined {
  const exponent = currencyExponent(currency);
  if (exponent === undefined || typeof text !== "string") return undefined;
  const negative = text.charCodeAt(0) === 45; // "-"
  const start = negative ? 1 : 0;
  const dot = text.indexOf(".", start);
  const end = dot === -1 ? text.length : dot;
  if (end === start || (dot !== -1 && dot === text.length - 1)) return undefined;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && i !== dot) return undefined;
  }
  const fraction = dot === -1 ? "" : text.slice(dot + 1);
  if (fraction.length > exponent) return undefined;
  const magnitude = BigInt(text.slice(start, end) + fraction.padEnd(exponent, "0"));
  return negative ? -magnitude : magnitude;
}

/** Prints an amount with exactly its currency's number of decimals ("12.50", "-0.05", "5" for JPY). */
export function toDecimalString(m: Money): string {
  const exponent = currencyExponent(m.currency);
  // money() only builds amounts in known currencies, so this is a forged object.
  if (exponent === undefined) throw new Error(`toDecimalString: unknown currency ${m.currency}`);
  const sign = m.minor < 0n ? "-" : "";
  const digits = (m.minor < 0n ? -m.minor : m.minor).toString();
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(numerator: bigint, denominator: bigint): Ratio {
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/**
 * Parses an exact ratio such as "0.5", 0.25 or "1/3"; `undefined` if it is not one.
 * A number is read through its shortest round-tripping decimal (`String(n)`), so 0.1 means 1/10.
 */
export function parseRatio(text: string | number): Ratio | undefined {
  let source: string;
  if (typeof text === "number") {
    // NaN, Infinity, and exponent forms like 1e-7 or 1e21 are not amounts anyone typed.
    if (!Number.isFinite(text)) return undefined;
    source = String(text);
  } else if (typeof text === "string") {
    source = text;
  } else {
    return undefined;
  }
  const fraction = FRACTION.exec(source);
  if (fraction !== null) {
    const denominator = BigInt(fraction[2] ?? "0");
    if (denominator === 0n) return undefined;
    return reduced(BigInt(fraction[1] ?? "0"), denominator);
  }
  const decimal = PLAIN_DECIMAL.exec(source);
  if (decimal === null) return undefined;
  const [, sign = "", whole = "", digits = ""] = decimal;
  const magnitude = BigInt(whole + digits);
  return reduced(sign === "-" ? -magnitude : magnitude, 10n ** BigInt(digits.length));
}
