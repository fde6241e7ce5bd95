import { z } from "zod";
import {
  bookingCreatedData,
  bookingRebookedData,
  flightArrivedData,
  flightCancelledData,
} from "./airline-data.js";
import { consentChangedData, customerUpdatedData, dataCollectedData } from "./customer-data.js";
import { customerEvent, sharedEvent } from "./envelope.js";
import {
  orderCancelledData,
  orderDeliveredData,
  orderPlacedData,
  orderRefundedData,
  orderShippedData,
  paymentChargedData,
  priceChangedData,
} from "./retail-data.js";
import { serviceOutageData, streamSessionData } from "./streaming-data.js";
import { feedbackReceivedData, supportContactData } from "./support-data.js";

/**
 * The whole event contract v1: one strict schema per known type, built once at module load
 * (validation is on the ingest hot path). Insertion order is the documented order.
 */
export const KNOWN_EVENT_SCHEMAS = {
  "customer.updated": customerEvent(
    "customer.updated",
    customerUpdatedData,
    "What the company knows about a customer changed; present fields are the new values.",
  ),
  "order.placed": customerEvent(
    "order.placed",
    orderPlacedData,
    "A customer placed an order: lines, the payment mix, and the promised delivery date.",
  ),
  "order.shipped": customerEvent("order.shipped", orderShippedData, "An order was shipped."),
  "order.delivered": customerEvent(
    "order.delivered",
    orderDeliveredData,
    "An order was delivered.",
  ),
  "order.cancelled": customerEvent(
    "order.cancelled",
    orderCancelledData,
    "An order was cancelled.",
  ),
  "order.refunded": customerEvent(
    "order.refunded",
    orderRefundedData,
    "Money was refunded for an order, or for some of its SKUs.",
  ),
  "payment.charged": customerEvent(
    "payment.charged",
    paymentChargedData,
    "A tender was charged for an order (two charges for one payment is a double charge).",
  ),
  "price.changed": sharedEvent(
    "price.changed",
    priceChangedData,
    "A SKU's price changed; price guarantees find the customers who paid more.",
  ),
  "booking.created": customerEvent(
    "booking.created",
    bookingCreatedData,
    "A customer booked passengers on one flight, paying a fare with a tender mix.",
  ),
  "booking.rebooked": customerEvent(
    "booking.rebooked",
    bookingRebookedData,
    "A booking was offered another flight, which the customer accepted or not.",
  ),
  "flight.arrived": sharedEvent(
    "flight.arrived",
    flightArrivedData,
    "A flight arrived; its bookings find the passengers affected by a delay.",
  ),
  "flight.cancelled": sharedEvent(
    "flight.cancelled",
    flightCancelledData,
    "A flight was cancelled: the cause, whether it was controllable, notice given, re-routing offered.",
  ),
  "stream.session": customerEvent(
    "stream.session",
    streamSessionData,
    "One viewing session and how well it streamed.",
  ),
  "service.outage": sharedEvent(
    "service.outage",
    serviceOutageData,
    "A service was down; its subscribers in the regions are affected.",
  ),
  "support.contact": customerEvent(
    "support.contact",
    supportContactData,
    "A customer contacted support: channel, wait, topic, whether it was resolved.",
  ),
  "feedback.received": customerEvent(
    "feedback.received",
    feedbackReceivedData,
    "A customer's feedback: a review, survey answer, ticket or call note.",
  ),
  "consent.changed": customerEvent(
    "consent.changed",
    consentChangedData,
    "A customer granted or withdrew consent for a purpose.",
  ),
  "data.collected": customerEvent(
    "data.collected",
    dataCollectedData,
    "The company collected a category of the customer's data, for a purpose.",
  ),
  clock: sharedEvent(
    "clock",
    z.strictObject({}),
    "Time passed: moves event time forward in live use, so that absences (e.g. not delivered by a date) are noticed.",
  ),
} as const;

/** The schemas, keyed by type. */
export type KnownEventSchemas = typeof KNOWN_EVENT_SCHEMAS;

/** A type of event that contract v1 defines. */
export type KnownType = keyof KnownEventSchemas;

/** Every event type contract v1 defines, in documented order. */
export const EVENT_TYPES: readonly KnownType[] = Object.freeze(
  Object.keys(KNOWN_EVENT_SCHEMAS) as KnownType[],
);

// `z.compile` generates a fast path per schema (several times faster on valid events) and hands
// anything it does not accept, or cannot model, to the runtime parser: same results, same issues.
const BY_TYPE: ReadonlyMap<string, KnownEventSchemas[KnownType]> = new Map(
  Object.entries(KNOWN_EVENT_SCHEMAS).map(([type, schema]) => [type, z.compile(schema)]),
);

/** Whether a value names an event type that contract v1 defines. */
export function isKnownType(type: unknown): type is KnownType {
  return typeof type === "string" && BY_TYPE.has(type);
}

/**
 * The types among `events` that contract v1 does not define, with how many of each, by type.
 * Such events are valid (their envelope is) and kept, but only a promise that names the type
 * hears them: a count tells a sender about a misspelt type before it wonders why nothing fired.
 */
export function unknownTypes(
  events: Iterable<{ readonly type: string }>,
): { type: string; count: number }[] {
  const tally = new UnknownTypeTally();
  for (const { type } of events) tally.add(type);
  return tally.list();
}

/** `unknownTypes` of a stream, counted event by event as it goes by. */
export class UnknownTypeTally {
  readonly #counts = new Map<string, number>();

  /** Counts `type` if contract v1 does not define it. */
  add(type: string): void {
    if (!isKnownType(type)) this.#counts.set(type, (this.#counts.get(type) ?? 0) + 1);
  }

  /** The types counted so far, with how many of each, by type. */
  list(): { type: string; count: number }[] {
    return [...this.#counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, count]) => ({ type, count }));
  }
}

/** The schema for a known event type, or undefined for any other string. */
export function schemaForType(type: string): KnownEventSchemas[KnownType] | undefined {
  return BY_TYPE.get(type);
}
