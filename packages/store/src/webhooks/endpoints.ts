/** Registering an endpoint: an id and a signing secret made here, the secret shown once. */
import { randomBytes } from "node:crypto";
import type { WebhookEndpoint, WebhookEventType, WebhookStore } from "@goodfaith/core";
import { WebhookError } from "./webhook-error.js";

/** An endpoint just registered, and its signing secret (shown to its owner this once). */
export interface RegisteredEndpoint {
  readonly endpoint: WebhookEndpoint;
  readonly secret: string;
}

/** Whether `url` is one the delivery worker can POST to (absolute http or https). */
export function isWebhookUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** Registers `url` for `events`; throws a `WebhookError` on a bad url or no events. */
export async function registerWebhookEndpoint(
  store: WebhookStore,
  url: string,
  events: readonly WebhookEventType[],
  now: number = Date.now(),
): Promise<RegisteredEndpoint> {
  if (!isWebhookUrl(url)) throw new WebhookError("webhook.bad_url", { url });
  if (events.length === 0) throw new WebhookError("webhook.no_events");
  const unique = [...new Set(events)];
  // An id collision is astronomically unlikely; a second try costs nothing.
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = `we_${randomBytes(6).toString("hex")}`;
    const secret = `whsec_${randomBytes(32).toString("base64url")}`;
    if (await store.createWebhookEndpoint({ id, url, secret, events: unique, createdAt: now })) {
      return { endpoint: { id, url, events: unique, createdAt: now }, secret };
    }
  }
  throw new Error("could not store a new webhook endpoint: ids kept colliding");
}
