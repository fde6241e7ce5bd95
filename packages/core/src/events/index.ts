/**
 * Goodfaith's event contract v1: the envelope, one strict schema per event type, validation
 * that never throws and reports located issues with stable codes, and messages in English,
 * Chinese and Swedish.
 *
 * @example
 * ```ts
 * import { parseEventLine, renderEventIssue } from "@goodfaith/core";
 *
 * const line = '{"id":"e1","type":"order.delivered","time":"2026-11-06T12:30:00Z","customer":"c-42","data":{"order":"o-7"}}';
 * const result = parseEventLine(line, 1);
 * if (result.ok) console.log(result.value.type); // "order.delivered"
 * else for (const issue of result.issues) console.log(renderEventIssue(issue, "en"));
 * ```
 */

export { CAUSE_CATEGORIES, type CauseCategory } from "./cause-data.js";
export { CONSENT_CHANNELS } from "./customer-data.js";
export {
  EVENT_TYPES,
  isKnownType,
  type KnownType,
  UnknownTypeTally,
  unknownTypes,
} from "./event-schemas.js";
export { EXAMPLE_EVENTS } from "./examples.js";
export {
  EVENT_ISSUE_CODES,
  type EventIssueCode,
  VALUE_KINDS,
  type ValueKind,
} from "./issue-codes.js";
export { jsonErrorLocation } from "./json-error-offset.js";
export { eventsJsonSchema, type JsonSchema, renderEventsJsonSchema } from "./json-schema.js";
export { eventMessages } from "./messages.js";
export { parseEventLine } from "./parse-event-line.js";
export {
  BOOKING_PAYMENT_METHODS,
  ORDER_PAYMENT_METHODS,
  POINTS,
  tenderCurrency,
} from "./payments.js";
export { MAX_ID_LENGTH } from "./primitives.js";
export { renderEventIssue } from "./render-issue.js";
export { ITEM_KINDS, SUBSCRIPTION_PERIODS } from "./retail-data.js";
export { STREAM_QUALITIES } from "./streaming-data.js";
export { CONTACT_CHANNELS, FEEDBACK_SOURCES } from "./support-data.js";
export type {
  BookingCreated,
  BookingRebooked,
  Clock,
  ConsentChanged,
  CustomerUpdated,
  DataCollected,
  DeepReadonly,
  EventData,
  EventInput,
  EventOfType,
  FeedbackReceived,
  FlightArrived,
  FlightCancelled,
  GoodfaithEvent,
  KnownEvent,
  OrderCancelled,
  OrderDelivered,
  OrderPlaced,
  OrderRefunded,
  OrderShipped,
  PaymentCharged,
  PriceChanged,
  ServiceOutage,
  StreamSession,
  SupportContact,
  UnknownEvent,
} from "./types.js";
export { isEventOfType, isKnownEvent, validateEvent } from "./validate-event.js";
export { MAX_ISSUES } from "./zod-issues.js";
