/**
 * Endpoints and deliveries as JSON: the HTTP API's bodies and the CLI's `--json`, one shape
 * for both (times as RFC 3339, never an endpoint's secret, never a delivery's body).
 */
import type { WebhookDelivery, WebhookEndpoint } from "@goodfaith/core";

const iso = (ms: number) => new Date(ms).toISOString();

/** An endpoint as JSON: `{id, url, events, createdAt, disabledAt?}`. */
export function webhookEndpointJson(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    events: [...e.events],
    createdAt: iso(e.createdAt),
    ...(e.disabledAt !== undefined && { disabledAt: iso(e.disabledAt) }),
  };
}

/**
 * A delivery as JSON: `{id, endpoint, event, type, status, attempts, nextAttemptAt?,
 * lastError?, createdAt, updatedAt}`.
 */
export function webhookDeliveryJson(d: WebhookDelivery) {
  return {
    id: d.id,
    endpoint: d.endpoint,
    event: d.event,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    ...(d.nextAttemptAt !== undefined && { nextAttemptAt: iso(d.nextAttemptAt) }),
    ...(d.lastError !== undefined && { lastError: d.lastError }),
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}
