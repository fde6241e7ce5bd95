/**
 * Exact sums of decimal money strings, per currency, without knowing each currency's exponent:
 * amounts are kept as integer units at the largest scale seen, so no float touches money.
 */
import type { DecimalMoney } from "@goodfaith/core";

/** An exact decimal: `units / 10^scale`. */
interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parseDecimal(text: string): Decimal {
  const match = DECIMAL.exec(text);
  // Events and facts are validated upstream; a malformed amount here is a caller bug.
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(text)}`);
  const fraction = match[3] ?? "";
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] ? -units : units, scale: fraction.length };
}

const rescale = (d: Decimal, scale: number): bigint => d.units * 10n ** BigInt(scale - d.scale);

// Trailing zeros are dropped after every sum, so a total does not depend on the order amounts
// came and went in ("12.50" added then "0.25" added and taken back prints "12.5", as does "12.5").
function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: rescale(a, scale) + rescale(b, scale), scale });
}

function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const whole = digits.slice(0, digits.length - d.scale);
  const text = d.scale > 0 ? `${whole}.${digits.slice(digits.length - d.scale)}` : whole;
  return negative ? `-${text}` : text;
}

/** Sums of money per currency that can be added to and taken from exactly. */
export class MoneyTotals {
  readonly #byCurrency = new Map<string, Decimal>();

  /** Adds `money` once (`sign` 1) or takes it back (`sign` -1). */
  add(money: DecimalMoney, sign: 1 | -1): void {
    const d = parseDecimal(money.amount);
    const signed = sign === 1 ? d : { units: -d.units, scale: d.scale };
    const before = this.#byCurrency.get(money.currency) ?? { units: 0n, scale: 0 };
    const after = addDecimals(before, signed);
    if (after.units === 0n) this.#byCurrency.delete(money.currency);
    else this.#byCurrency.set(money.currency, after);
  }

  /** The totals as decimal strings, by currency code in alphabetical order. */
  toJSON(): Readonly<Record<string, string>> {
    const currencies = [...this.#byCurrency.keys()].sort();
    return Object.fromEntries(
      currencies.map((c) => [c, formatDecimal(this.#byCurrency.get(c) as Decimal)]),
    );
  }
}
