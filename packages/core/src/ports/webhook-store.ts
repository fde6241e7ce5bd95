/**
 * The webhook port: events Goodfaith sends out (a remedy approved, executed, failed…) to the
 * endpoints a company registered, through an outbox of deliveries that hands each due
 * delivery to one worker at a time, retries it with backoff and dead-letters it at the end.
 *
 * What the port deliberately leaves out:
 * - No HTTP and no signing: the delivery worker posts and signs; the store only remembers.
 * - No ordering between deliveries: a receiver orders by the event's `created` time and
 *   de-duplicates on its `id` (a delivery whose outcome was lost is sent again).
 * - No fan-out later than enqueueing: an event goes to the endpoints subscribed to its type
 *   when it is enqueued; an endpoint registered afterwards does not receive it.
 */

/** Every event type a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  "remedy.approved",
  "remedy.executed",
  "remedy.failed",
  "remedy.dead",
  "remedy.rejected",
  "notice.created",
] as const;

/** One of `WEBHOOK_EVENT_TYPES`. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Whether a string names a webhook event type. */
export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** An endpoint to register. Times are epoch ms. */
export interface NewWebhookEndpoint {
  /** Public and unique: shown in listings, named in deliveries. */
  readonly id: string;
  readonly url: string;
  /** The signing secret; kept (signing needs it) but never listed. */
  readonly secret: string;
  readonly events: readonly WebhookEventType[];
  readonly createdAt: number;
}

/** A registered endpoint, without its secret. */
export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly createdAt: number;
  /** When it was disabled; a disabled endpoint gets no new deliveries and its due ones wait. */
  readonly disabledAt?: number;
}

/** An event to send. */
export interface NewWebhookEvent {
  /** Unique per event: receivers de-duplicate on it; enqueueing the same id twice adds nothing. */
  readonly id: string;
  readonly type: WebhookEventType;
  /** When it happened, epoch ms. */
  readonly at: number;
  /** The event's `data`, as a JSON object. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Where a delivery is: `pending` (due at `nextAttemptAt`), claimed, or finished. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivering", "delivered", "dead"] as const;

/** One of `WEBHOOK_DELIVERY_STATUSES`. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event on its way to one endpoint. */
export interface WebhookDelivery {
  readonly id: string;
  readonly endpoint: string;
  readonly event: string;
  readonly type: WebhookEventType;
  /** The exact body that is signed and sent, every attempt the same. */
  readonly body: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt?: number;
  readonly lastError?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A delivery a worker claimed, with what it needs to send it. */
export interface ClaimedDelivery extends WebhookDelivery {
  readonly url: string;
  readonly secret: string;
  readonly claimedAt: number;
}

/** New data for an event already enqueued (see `WebhookStore.replaceWebhookEventData`). */
export interface WebhookEventData {
  /** The event's id. */
  readonly id: string;
  /** Its new `data`, as a JSON object. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** What a worker reports after trying a delivery it claimed. */
export interface DeliveryReport {
  readonly worker: string;
  readonly at: number;
  readonly ok: boolean;
  readonly error?: string;
  /** For a failure: when to try again; absent, the delivery goes to the dead letter. */
  readonly nextAttemptAt?: number;
}

/** Which deliveries to list; every given field must match. */
export interface DeliveryFilter {
  readonly status?: readonly WebhookDeliveryStatus[];
  readonly endpoint?: string;
  /** @default 100 */
  readonly limit?: number;
}

/** The webhook store. Each method is atomic. */
export interface WebhookStore {
  /** Registers an endpoint; false (nothing stored) when its id is taken. */
  createWebhookEndpoint(endpoint: NewWebhookEndpoint): Promise<boolean>;
  /** Every endpoint, disabled ones too, oldest first. */
  listWebhookEndpoints(): Promise<readonly WebhookEndpoint[]>;
  /** Disables an endpoint at `at`; false when there is no such endpoint or it was disabled. */
  disableWebhookEndpoint(id: string, at: number): Promise<boolean>;
  /**
   * Enables a disabled endpoint again: its deliveries still pending are sent, and new events
   * reach it (none enqueued while it was disabled); false when there is no such endpoint or it
   * was active.
   */
  enableWebhookEndpoint(id: string): Promise<boolean>;
  /**
   * Adds one delivery per active endpoint subscribed to each event's type, due at the event's
   * time; resolves to how many were added (an event id seen before adds none).
   */
  enqueueWebhookEvents(events: readonly NewWebhookEvent[]): Promise<number>;
  /**
   * Claims up to `limit` due deliveries of active endpoints for `worker` (and those whose
   * claim is older than `leaseMs`); no two workers ever hold the same delivery.
   */
  claimWebhookDeliveries(request: {
    readonly now: number;
    readonly limit: number;
    readonly worker: string;
    readonly leaseMs: number;
  }): Promise<readonly ClaimedDelivery[]>;
  /**
   * Records an attempt on a claimed delivery: delivered, pending again, or dead. False when
   * the delivery is no longer this worker's (its lease ran out and another took it).
   */
  recordWebhookDelivery(id: string, report: DeliveryReport): Promise<boolean>;
  /**
   * Makes dead (or delivered) deliveries due again at `at`, attempts kept: the given ids,
   * or with `dead: true` every dead one. Resolves to the ids made due.
   */
  replayWebhookDeliveries(
    request: { readonly ids: readonly string[] } | { readonly dead: true },
    at: number,
  ): Promise<readonly string[]>;
  /** Deliveries matching `filter`, newest first. */
  listWebhookDeliveries(filter?: DeliveryFilter): Promise<readonly WebhookDelivery[]>;
  /**
   * Replaces the data of the given events in every delivery of them, whatever its status
   * (one still to be sent then sends the new data; its id, type and time stay), all or none.
   * For erasure: an event can carry what a customer's notice said. Resolves to how many of the
   * events had a delivery changed (an unknown id, or data already the same, counts none).
   */
  replaceWebhookEventData(events: readonly WebhookEventData[]): Promise<number>;
}

/** Whether `store` implements the webhook port (the `Store` of `@goodfaith/store` does). */
export function hasWebhooks<T extends object>(store: T): store is T & WebhookStore {
  const s = store as Partial<Record<keyof WebhookStore, unknown>>;
  return (
    typeof s.createWebhookEndpoint === "function" &&
    typeof s.enqueueWebhookEvents === "function" &&
    typeof s.claimWebhookDeliveries === "function" &&
    typeof s.recordWebhookDelivery === "function"
  );
}
