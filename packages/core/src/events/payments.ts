import { z } from "zod";
import { amount, currency, documented } from "./primitives.js";

/** The currency of loyalty points. */
export const POINTS = "PTS";

/** How an order can be paid. */
export const ORDER_PAYMENT_METHODS = [
  "card",
  "cash",
  "points",
  "voucher",
  "wallet",
  "credit",
] as const;

/** How a flight booking can be paid. */
export const BOOKING_PAYMENT_METHODS = ["card", "cash", "points", "voucher", "wallet"] as const;

/** One tender of a payment mix; `currency` defaults to the order's (to PTS for points). */
export function paymentSchema<const M extends readonly [string, ...string[]]>(methods: M) {
  return z.strictObject({
    method: z.enum(methods),
    amount,
    currency: currency.optional(),
  });
}

interface Tender {
  readonly method: string;
  readonly currency?: string | undefined;
}

interface TenderMix {
  readonly currency: string;
  readonly payments: readonly Tender[];
}

/** The currency a tender is in once defaults apply: points are PTS, the rest the order's currency. */
export function tenderCurrency(tender: Tender, orderCurrency: string): string {
  return tender.currency ?? (tender.method === "points" ? POINTS : orderCurrency);
}

/**
 * Points are paid in PTS and only points are: a card payment in PTS or a points payment in EUR
 * would make a refund to the original tender mix go to the wrong place.
 */
export function checkTenders(value: TenderMix, ctx: z.core.$RefinementCtx): void {
  value.payments.forEach((tender, index) => {
    const isPoints = tenderCurrency(tender, value.currency) === POINTS;
    if (isPoints !== (tender.method === "points")) {
      ctx.addIssue({
        code: "custom",
        message: "event.points_currency",
        path: ["payments", index, "currency"],
        params: { method: tender.method },
      });
    }
  });
}

/** A tender mix whose every tender names its currency. */
export type WithTenderCurrencies<T extends TenderMix> = Omit<T, "payments"> & {
  payments: (T["payments"][number] & { currency: string })[];
};

/**
 * Fills in each tender's currency so that nothing downstream re-derives the default. It writes
 * into the parser's output, which is always a fresh copy (never the caller's input): copying the
 * whole event again would double the cost of validating an order.
 */
export function withTenderCurrencies<T extends TenderMix>(value: T): WithTenderCurrencies<T> {
  for (const tender of value.payments as { method: string; currency?: string | undefined }[]) {
    tender.currency ??= tender.method === "points" ? POINTS : value.currency;
  }
  return value as unknown as WithTenderCurrencies<T>;
}

/** A payment schema documented for the JSON Schema. */
export const orderPayment = documented(paymentSchema(ORDER_PAYMENT_METHODS), {
  id: "OrderPayment",
  description:
    "One tender of the order's payment mix; currency defaults to the order's (PTS for points).",
});

/** A booking's payment (no store credit on flights). */
export const bookingPayment = documented(paymentSchema(BOOKING_PAYMENT_METHODS), {
  id: "BookingPayment",
  description:
    "One tender of the fare's payment mix; currency defaults to the booking's (PTS for points).",
});
