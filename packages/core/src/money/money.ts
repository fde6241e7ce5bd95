import { isCurrency } from "./currency.js";

/**
 * An amount as an integer count of the currency's minor units (cents, öre, fen, fils…).
 * `bigint` because money must never pass through a float, and because some amounts
 * (hyperinflation currencies, aggregated ledgers) exceed `Number.MAX_SAFE_INTEGER`.
 */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

/** Creates a frozen amount; throws on a non-bigint or an unknown currency, since both are caller bugs. */
export function money(minor: bigint, currency: string): Money {
  // Untyped callers (JSON, plain JS) are the way a float would sneak in, so check at runtime too.
  if (typeof minor !== "bigint") {
    throw new Error(`money: minor units must be a bigint, got ${typeof minor}`);
  }
  if (!isCurrency(currency)) throw new Error(`money: unknown currency ${JSON.stringify(currency)}`);
  return Object.freeze({ minor, currency });
}

/** Zero in a currency. */
export function zero(currency: string): Money {
  return money(0n, currency);
}

// Mixing currencies is never an expected input: it means the caller forgot a conversion.
function assertSameCurrency(operation: string, a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`money.${operation}: currency mismatch ${a.currency} vs ${b.currency}`);
  }
}

/** a + b; throws if the currencies differ. */
export function add(a: Money, b: Money): Money {
  assertSameCurrency("add", a, b);
  return money(a.minor + b.minor, a.currency);
}

/** a − b; throws if the currencies differ. */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency("subtract", a, b);
  return money(a.minor - b.minor, a.currency);
}

/** −m. */
export function negate(m: Money): Money {
  return money(-m.minor, m.currency);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b; throws if the currencies differ. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency("compare", a, b);
  if (a.minor < b.minor) return -1;
  return a.minor > b.minor ? 1 : 0;
}

/** Whether m is zero. */
export function isZero(m: Money): boolean {
  return m.minor === 0n;
}

/** Whether m is below zero. */
export function isNegative(m: Money): boolean {
  return m.minor < 0n;
}

/** The smaller of a and b (a when equal); throws if the currencies differ. */
export function min(a: Money, b: Money): Money {
  return compare(b, a) < 0 ? b : a;
}

/** The larger of a and b (a when equal); throws if the currencies differ. */
export function max(a: Money, b: Money): Money {
  return compare(b, a) > 0 ? b : a;
}

/** The total of a list; the currency is explicit so an empty list still has one. Throws on a mismatch. */
export function sum(list: Iterable<Money>, currency: string): Money {
  const start = zero(currency);
  let total = 0n;
  for (const m of list) {
    assertSameCurrency("sum", start, m);
    total += m.minor;
  }
  return money(total, currency);
}

/** Whether a and b are the same amount in the same currency (different currencies are simply unequal). */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}
