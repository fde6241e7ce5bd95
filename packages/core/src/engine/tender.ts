/**
 * Splitting a refund back over the tenders the customer paid with. A refund of a fraction
 * of a booking paid partly in cash and partly in points goes back in the same proportion:
 * the cash part in cash to the card, the points part as points — split exactly, so the
 * parts always add up to the refund (largest-remainder allocation).
 */
import { allocate, type Money, money, multiplyRatio } from "../money/index.js";
import type { Tender } from "../promises/document.js";
import type { PaymentRecord } from "./records.js";

/** One part of a remedy: which tender it goes back to, and how much. */
export interface TenderPart {
  readonly method: string;
  readonly amount: Money;
}

/**
 * What each payment was worth in the subject's currency. Payments in that currency are
 * worth their amount; points (and any other currency) share what the cash did not cover.
 */
export function paymentValues(
  payments: readonly PaymentRecord[],
  total: bigint,
  currency: string,
): bigint[] {
  let cash = 0n;
  let otherUnits = 0n;
  for (const p of payments) {
    if (p.currency === currency) cash += p.minor;
    else otherUnits += p.minor;
  }
  const residual = total > cash ? total - cash : 0n;
  const others = payments.filter((p) => p.currency !== currency);
  const shares =
    otherUnits > 0n && residual > 0n
      ? allocate(
          money(residual, currency),
          others.map((p) => p.minor),
        )
      : others.map(() => money(0n, currency));
  let k = 0;
  return payments.map((p) => (p.currency === currency ? p.minor : (shares[k++]?.minor ?? 0n)));
}

/** Splits `amount` over the original payments (tender `original`), or names a single tender. */
export function splitTender(
  amount: Money,
  tender: Tender,
  payments: readonly PaymentRecord[],
  total: bigint,
  currency: string,
): TenderPart[] {
  if (tender !== "original") return [{ method: tender, amount }];
  if (payments.length === 0 || amount.currency !== currency)
    return [{ method: "original", amount }];
  const values = paymentValues(payments, total, currency);
  if (values.every((v) => v === 0n)) return [{ method: "original", amount }];
  const parts = allocate(amount, values);
  const out = new Map<string, TenderPart>();
  payments.forEach((p, i) => {
    const part = parts[i];
    const value = values[i] ?? 0n;
    if (!part || part.minor === 0n) return;
    // A share of a points payment goes back as points, in the ratio points/value.
    const back =
      p.currency === currency
        ? part
        : multiplyRatio(money(part.minor, p.currency), p.minor, value, "half-even");
    const key = `${p.method}:${back.currency}`;
    const prev = out.get(key);
    out.set(key, {
      method: p.method,
      amount: prev ? money(prev.amount.minor + back.minor, back.currency) : back,
    });
  });
  return [...out.values()];
}
