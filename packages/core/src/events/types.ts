import type { z } from "zod";
import type { KnownEventSchemas, KnownType } from "./event-schemas.js";

/** Makes a JSON-shaped type readonly all the way down. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A validated event of one known type, as `validateEvent` returns it: defaults applied
 * (`quantity: 1`, each payment's `currency`). `known` is absent; it is `false` only on
 * {@link UnknownEvent}, so `event.known === false` tells the two apart.
 */
export type EventOfType<T extends KnownType> = DeepReadonly<
  z.output<KnownEventSchemas[T]> & { known?: never }
>;

/** The `data` of a known event type. */
export type EventData<T extends KnownType> = EventOfType<T>["data"];

/** An event as a producer writes it (before defaults), for building events in code. */
export type EventInput<T extends KnownType> = z.input<KnownEventSchemas[T]>;

export type CustomerUpdated = EventOfType<"customer.updated">;
export type OrderPlaced = EventOfType<"order.placed">;
export type OrderShipped = EventOfType<"order.shipped">;
export type OrderDelivered = EventOfType<"order.delivered">;
export type OrderCancelled = EventOfType<"order.cancelled">;
export type OrderRefunded = EventOfType<"order.refunded">;
export type PaymentCharged = EventOfType<"payment.charged">;
export type PriceChanged = EventOfType<"price.changed">;
export type BookingCreated = EventOfType<"booking.created">;
export type BookingRebooked = EventOfType<"booking.rebooked">;
export type FlightArrived = EventOfType<"flight.arrived">;
export type FlightCancelled = EventOfType<"flight.cancelled">;
export type StreamSession = EventOfType<"stream.session">;
export type ServiceOutage = EventOfType<"service.outage">;
export type SupportContact = EventOfType<"support.contact">;
export type FeedbackReceived = EventOfType<"feedback.received">;
export type ConsentChanged = EventOfType<"consent.changed">;
export type DataCollected = EventOfType<"data.collected">;
export type Clock = EventOfType<"clock">;

/** Any event contract v1 defines, discriminated by `type`. */
export type KnownEvent = { [T in KnownType]: EventOfType<T> }[KnownType];

/** An event of a type this version does not define: kept for forward compatibility, ignored by promises. */
export interface UnknownEvent {
  readonly known: false;
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly customer?: string | undefined;
  readonly source?: string | undefined;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Any valid event. Narrow with `isKnownEvent` (or `event.known === false`) before switching on `type`. */
export type GoodfaithEvent = KnownEvent | UnknownEvent;
