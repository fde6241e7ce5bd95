import type { Money } from "../money/index.js";
import { toDecimalString } from "../money/index.js";

/**
 * Money as CEL sees it: a class, because cel-js recognises custom types by constructor.
 * Structurally it is a `Money`, so the money module works on it directly.
 */
export class MoneyValue implements Money {
  constructor(
    readonly minor: bigint,
    readonly currency: string,
  ) {}

  /** The decimal string ("12.50"), for conditions that compare with text. */
  get amount(): string {
    return toDecimalString(this);
  }

  /** Wraps any `Money` as a CEL value. */
  static of(m: Money): MoneyValue {
    return m instanceof MoneyValue ? m : new MoneyValue(m.minor, m.currency);
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.amount, currency: this.currency };
  }
}
