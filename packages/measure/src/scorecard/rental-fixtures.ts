/**
 * Test facts: a rental order `r1` of customer `c1` and its viewing sessions, as the scorecard
 * reads them (validated events), for the tests of a rental's case.
 */
import { validateEvent } from "@goodfaith/core";
import type { ScorecardFact } from "./facts.js";

/** A validated event fact; a `clock` event has no customer, every other is `c1`'s. */
export function eventFact(id: string, type: string, time: string, data: object) {
  const customer = type === "clock" ? {} : { customer: "c1" };
  const result = validateEvent({ id, type, time, ...customer, data });
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.issues)}`);
  return { type: "event", event: result.value } as const satisfies ScorecardFact;
}

/** The rental `r1`: one film, paid by card, placed in the app. */
export const rentalOrder = eventFact("e1", "order.placed", "2026-11-07T19:00:00Z", {
  order: "r1",
  currency: "USD",
  channel: "app",
  items: [{ sku: "film-1", kind: "digital", price: "3.99" }],
  payments: [{ method: "card", amount: "3.99" }],
});

/** A viewing `s-<id>` of the rental `r1`, promised UHD, rebuffering `rebufferRatio` of the time. */
export const rentalSession = (id: string, time: string, rebufferRatio: number) =>
  eventFact(id, "stream.session", time, {
    session: `s-${id}`,
    title: "Arrival",
    order: "r1",
    rental: true,
    rebufferRatio,
    bitrateKbps: 16_800,
    promisedQuality: "UHD",
  });
