/**
 * Guard warnings on the event log: what the guard told a customer at checkout is recorded as a
 * `guard.warned` event (a type outside the contract's known ones, which promises ignore), so
 * the scorecard can tell whether the customer heeded it and what they kept. The id is derived
 * from the check, so the same check recorded twice is one warning.
 */
import { hash } from "node:crypto";
import {
  type DecimalMoney,
  type GoodfaithEvent,
  type GuardItem,
  toDecimalString,
  type Warning,
} from "@goodfaith/core";
import type { WarningFact } from "@goodfaith/measure";

/** The event type of a recorded guard warning. */
export const GUARD_WARNED = "guard.warned";

/** ISO 4217's code for "no currency": a warning about an item whose price was not given. */
const NO_CURRENCY = "XXX";

/** The `guard.warned` event for `warning`, given at `at` (RFC 3339) about `item`. */
export function warningEvent(
  customer: string,
  item: GuardItem | undefined,
  warning: Warning,
  at: string,
): Record<string, unknown> {
  // The one-shot `hash`: a third of `createHash`'s cost, on the guard's hot path.
  const digest = hash(
    "sha256",
    JSON.stringify([customer, warning.sku, warning.code, at]),
    "hex",
  ).slice(0, 24);
  return {
    id: `gw-${digest}`,
    type: GUARD_WARNED,
    time: at,
    customer,
    data: {
      sku: warning.sku,
      code: warning.code,
      promise: warning.promise,
      earlierOrder: warning.earlier.order,
      price: item?.price ?? "0",
      currency: item?.currency ?? NO_CURRENCY,
      ...(warning.refund && {
        kept: { amount: toDecimalString(warning.refund), currency: warning.refund.currency },
      }),
    },
  };
}

/** The scorecard's fact for a logged `guard.warned` event, or undefined for any other event. */
export function warningFact(event: GoodfaithEvent): WarningFact | undefined {
  if (event.type !== GUARD_WARNED || event.customer === undefined) return undefined;
  const data = event.data as {
    sku?: unknown;
    price?: unknown;
    currency?: unknown;
    kept?: DecimalMoney;
  };
  if (typeof data.sku !== "string" || typeof data.price !== "string") return undefined;
  return {
    type: "warning",
    id: event.id,
    customer: event.customer,
    sku: data.sku,
    at: Date.parse(event.time),
    price: {
      amount: data.price,
      currency: typeof data.currency === "string" ? data.currency : NO_CURRENCY,
    },
    ...(typeof data.kept?.amount === "string" && { kept: data.kept }),
  };
}
