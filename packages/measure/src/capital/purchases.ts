// Purchases from the event log, as the CLV models see them: one amount per customer-day, in
// one reporting currency. The models need one unit of money (spend is averaged), and the log
// holds no exchange rates, so purchases in other currencies are left out and counted.
import {
  currencyExponent,
  type GoodfaithEvent,
  isKnownEvent,
  type Money,
  minorUnits,
} from "@goodfaith/core";
import { formatDay } from "../dates.js";
import type { CustomerTransactions, TransactionLog } from "../transactions.js";

const DAY_MS = 86_400_000;

/** A purchase found in the log: who, when (epoch ms) and what it cost. */
export interface Purchase {
  readonly customer: string;
  readonly time: number;
  readonly amount: Money;
}

/**
 * The purchase an event records, if any: an `order.placed` at its `total` (else the items'
 * price × quantity plus shipping), a `booking.created` at its `fare`. Cancellations and refunds
 * do not reduce it: the models measure how often and how much customers chose to buy.
 */
export function purchaseOf(event: GoodfaithEvent): Purchase | undefined {
  if (!isKnownEvent(event) || event.customer === undefined) return undefined;
  const time = Date.parse(event.time);
  if (event.type === "order.placed") {
    const { currency, total, shipping, items } = event.data;
    let minor = total === undefined ? undefined : minorUnits(total, currency);
    if (minor === undefined) {
      minor = shipping === undefined ? 0n : (minorUnits(shipping, currency) ?? 0n);
      for (const item of items) {
        minor += (minorUnits(item.price, currency) ?? 0n) * BigInt(item.quantity);
      }
    }
    return { customer: event.customer, time, amount: { minor, currency } };
  }
  if (event.type === "booking.created") {
    const { fare, currency } = event.data;
    const minor = minorUnits(fare, currency);
    if (minor === undefined) return undefined;
    return { customer: event.customer, time, amount: { minor, currency } };
  }
  return undefined;
}

/** Purchases as the CLV models' input, in one currency. */
export interface PurchaseLog {
  readonly log: TransactionLog;
  readonly currency: string;
  /** Purchases left out because they were in another currency: how many, per currency. */
  readonly leftOut: Readonly<Record<string, number>>;
}

/**
 * Merges purchases into customer-days (UTC) in `currency`, by default the currency with the
 * most purchases (ties: the first in alphabetical order). Undefined when there is none.
 */
export function purchaseLog(
  purchases: Iterable<Purchase>,
  currency?: string,
): PurchaseLog | undefined {
  const all = [...purchases];
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.amount.currency, (counts.get(p.amount.currency) ?? 0) + 1);
  const chosen =
    currency ?? [...counts].sort(([c1, n1], [c2, n2]) => n2 - n1 || (c1 < c2 ? -1 : 1)).at(0)?.[0];
  const exponent = chosen === undefined ? undefined : currencyExponent(chosen);
  if (chosen === undefined || exponent === undefined) return undefined;
  // Sums stay in bigint minor units until each day's total becomes a float in major units.
  const byCustomer = new Map<string, Map<number, bigint>>();
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const p of all) {
    if (p.amount.currency !== chosen) continue;
    const day = Math.floor(p.time / DAY_MS);
    lastDay = Math.max(lastDay, day);
    let days = byCustomer.get(p.customer);
    if (!days) {
      days = new Map();
      byCustomer.set(p.customer, days);
    }
    days.set(day, (days.get(day) ?? 0n) + p.amount.minor);
  }
  if (byCustomer.size === 0) return undefined;
  const scale = 10 ** exponent;
  const customers: CustomerTransactions[] = [...byCustomer].map(([customer, days]) => ({
    customer,
    transactions: [...days]
      .sort(([d1], [d2]) => d1 - d2)
      .map(([day, minor]) => ({ date: formatDay(day), day, amount: Number(minor) / scale })),
  }));
  const leftOut = Object.fromEntries([...counts].filter(([c]) => c !== chosen));
  return { log: { customers, calibrationEnd: formatDay(lastDay) }, currency: chosen, leftOut };
}
