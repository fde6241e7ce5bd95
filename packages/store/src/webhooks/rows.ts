/** Webhook rows ↔ the port's values, and the body a delivery sends. */
import { hash } from "node:crypto";
import {
  isWebhookEventType,
  type NewWebhookEvent,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEventType,
} from "@goodfaith/core";
import type { Selectable } from "kysely";
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from "../schema.js";

/** An endpoint row as the port's value (never its secret). */
export function endpointValue(row: Omit<WebhookEndpointsTable, "secret">): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: subscribed(row.events),
    createdAt: Number(row.created_at_ms),
    ...(row.disabled_at_ms !== null && { disabledAt: Number(row.disabled_at_ms) }),
  };
}

/** The event types of an endpoint row; a type this version does not know is left out. */
export function subscribed(events: string): WebhookEventType[] {
  return events.split(" ").filter(isWebhookEventType);
}

/** A delivery row as the port's value. */
export function deliveryValue(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    endpoint: row.endpoint_id,
    event: row.event_id,
    type: row.type as WebhookEventType,
    body: row.body,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    ...(row.next_attempt_at_ms !== null && { nextAttemptAt: Number(row.next_attempt_at_ms) }),
    ...(row.last_error !== null && { lastError: row.last_error }),
    createdAt: Number(row.created_at_ms),
    updatedAt: Number(row.updated_at_ms),
  };
}

/**
 * The id of the delivery of `event` to `endpoint`: derived, not random, so enqueueing the same
 * event again (a retried call) finds the delivery already there.
 */
export function deliveryId(event: string, endpoint: string): string {
  return `dlv_${hash("sha256", `${event}\u0000${endpoint}`, "hex").slice(0, 24)}`;
}

/** The JSON a receiver gets: the event's id, type, time (RFC 3339) and data. */
export function eventBody(event: NewWebhookEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created: new Date(event.at).toISOString(),
    data: event.data,
  });
}

/** `body` (see `eventBody`) with `data` in place of the event's data; id, type and time stay. */
export function withEventData(body: string, data: Readonly<Record<string, unknown>>): string {
  const sent = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify({ ...sent, data });
}
