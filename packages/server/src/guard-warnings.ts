/**
 * A guard check's warnings as the API answers them, and as `guard.warned` events for the log.
 * Both are built field by field: they are on the guard's hot path, where a generic walk
 * (`jsonSafe`) or a full event validation per warning was a measurable share of a check.
 */
import {
  type GoodfaithEvent,
  type GuardItem,
  type Lang,
  MAX_ID_LENGTH,
  toDecimalString,
  type Warning,
} from "@goodfaith/core";
import { warningEvent } from "@goodfaith/store";

/** A warning as JSON: money as decimal strings, and `message` in the caller's language. */
export function warningJson(w: Warning, lang: Lang): Record<string, unknown> {
  const json: Record<string, unknown> = {
    code: w.code,
    promise: w.promise,
    sku: w.sku,
    earlier: w.earlier,
  };
  if (w.refund !== undefined) {
    json.refund = { amount: toDecimalString(w.refund), currency: w.refund.currency };
  }
  json.text = w.text;
  json.message = w.text[lang];
  return json;
}

/** The `guard.warned` events for `warnings` of a check at `at` (RFC 3339). */
export function warnedEvents(
  customer: string,
  items: readonly GuardItem[],
  at: string,
  warnings: readonly Warning[],
): GoodfaithEvent[] {
  // A customer id over the contract's limit (the request does not limit it) makes no valid
  // event; any other makes one by construction (guard-warnings.test.ts proves it over
  // arbitrary checks): its id is a digest, its time an ISO string, its type one the contract
  // leaves open, so `validateEvent` would only mark it unknown.
  if (customer.length > MAX_ID_LENGTH) return [];
  const events: GoodfaithEvent[] = [];
  for (const w of warnings) {
    const event = warningEvent(
      customer,
      items.find((i) => i.sku === w.sku),
      w,
      at,
    );
    event.known = false;
    events.push(event as unknown as GoodfaithEvent);
  }
  return events;
}
