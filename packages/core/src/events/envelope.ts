import { z } from "zod";
import { coded, documented, MAX_ID_LENGTH, time } from "./primitives.js";

/** How long an event type name may be. */
export const MAX_TYPE_LENGTH = 128;

const EVENT_TYPE = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

/** An event type name: lowercase words joined by dots, e.g. "order.placed". */
export const eventType = documented(
  z
    .string(coded("event.invalid_event_type"))
    .max(MAX_TYPE_LENGTH)
    .regex(EVENT_TYPE, coded("event.invalid_event_type")),
  {
    id: "EventType",
    description: 'Lowercase words joined by dots, e.g. "order.placed".',
    examples: ["order.placed", "clock"],
  },
);

const eventId = documented(z.string().min(1).max(MAX_ID_LENGTH), {
  id: "EventId",
  description: "Unique per source; re-sending an event with the same id is a no-op (idempotent).",
});

const customerId = documented(
  z
    .string({
      error: (issue) => (issue.input === undefined ? "event.customer_required" : undefined),
    })
    .min(1)
    .max(MAX_ID_LENGTH),
  { id: "CustomerId", description: "The customer this event is about." },
);

const noCustomer = documented(z.never({ error: "event.customer_forbidden" }).optional(), {
  description:
    "Absent: the event is about a shared subject (a flight, a service, a price); " +
    "the engine finds the customers affected.",
});

const source = documented(z.string().min(1).max(MAX_ID_LENGTH).optional(), {
  description: "The system that sent the event; event ids are unique per source.",
});

/** Any JSON object: the data of an event type this version does not know. */
export const anyData = z.record(z.string(), z.unknown());

/** The envelope of an event about one customer (`customer` required). */
export function customerEvent<const T extends string, D extends z.ZodType>(
  type: T,
  data: D,
  description: string,
) {
  return documented(
    z.strictObject({
      id: eventId,
      type: z.literal(type),
      time,
      customer: customerId,
      source,
      data,
    }),
    { title: type, description },
  );
}

/** The envelope of an event about a shared subject (`customer` forbidden). */
export function sharedEvent<const T extends string, D extends z.ZodType>(
  type: T,
  data: D,
  description: string,
) {
  return documented(
    z.strictObject({
      id: eventId,
      type: z.literal(type),
      time,
      customer: noCustomer,
      source,
      data,
    }),
    { title: type, description },
  );
}

/** An event of a type this version does not know: kept (forward compatible), ignored by promises. */
export const unknownEventSchema = documented(
  z.strictObject({
    id: eventId,
    type: eventType,
    time,
    customer: customerId.optional(),
    source,
    data: anyData,
  }),
  {
    title: "other event types",
    description:
      "An event type this contract version does not define: accepted if its envelope is valid, " +
      "stored, and ignored by promises (forward compatibility).",
  },
);

/** The same, compiled for the validator's hot path (see `z.compile`). */
export const compiledUnknownEventSchema = z.compile(unknownEventSchema);
