/**
 * Payment mixes that add up to the price exactly. Loyalty points are worth one minor unit
 * each (100 points to the dollar or euro), so the points part of a mix is a whole number of
 * points and cash + points ÷ 100 is always the fare, to the cent.
 */
import {
  currencyExponent,
  type Money,
  money,
  POINTS,
  subtract,
  toDecimalString,
} from "@goodfaith/core";
import type { Random } from "./random.js";

/** One tender as the contract writes it. */
export interface DemoPayment {
  readonly method: "card" | "points" | "voucher" | "wallet";
  readonly amount: string;
  readonly currency?: string;
}

/** How a mix is chosen: card alone, card and points, points alone, a voucher and card. */
export type MixKind = "card" | "card+points" | "points" | "voucher" | "wallet";

/** The price in points: one point per minor unit. */
export function pointsFor(price: Money): Money {
  return money(price.minor, POINTS);
}

const cash = (method: DemoPayment["method"], m: Money): DemoPayment => ({
  method,
  amount: toDecimalString(m),
});

const points = (m: Money): DemoPayment => ({
  method: "points",
  amount: toDecimalString(pointsFor(m)),
  currency: POINTS,
});

/**
 * Splits `price` into a payment mix of `kind`. A share too small to make sense (a voucher or
 * a points share of a price under ten units) falls back to card alone.
 */
export function paymentMix(price: Money, kind: MixKind, rnd: Random): DemoPayment[] {
  const unit = 10n ** BigInt(currencyExponent(price.currency) ?? 2);
  const whole = price.minor / unit;
  if (kind === "points") return [points(price)];
  if (kind === "wallet") return [cash("wallet", price)];
  if (kind === "card" || whole < 10n) return [cash("card", price)];
  if (kind === "voucher") {
    const units = Math.min(Number(whole) - 5, rnd.pick([25, 50, 75, 100, 150]));
    const voucher = money(BigInt(units) * unit, price.currency);
    return [cash("card", subtract(price, voucher)), cash("voucher", voucher)];
  }
  // Card and points: the points cover a whole number of units, 20–60 % of the price.
  const share = BigInt(rnd.int(20, 60));
  const covered = money(((whole * share) / 100n) * unit, price.currency);
  return [cash("card", subtract(price, covered)), points(covered)];
}
