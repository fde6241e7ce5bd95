/**
 * The delivery worker: claims due webhook deliveries, POSTs each signed body to its endpoint,
 * and records the outcome — delivered on a 2xx, otherwise pending again after exponential
 * backoff with full jitter (the remedy outbox's), and dead after `maxAttempts`.
 */
import type { WebhookStore } from "@goodfaith/core";
import { backoffDelay } from "../outbox-worker/backoff.js";
import { type OutboxOptions, resolveOutboxOptions } from "../outbox-worker/options.js";
import { describeAnswer, type Fetch, postSigned } from "./post.js";

/**
 * How `runWebhookDeliveries` works: the outbox's options (worker, limit, lease, attempts,
 * backoff, clock; a stop `signal` already aborted claims nothing), and the HTTP side.
 */
export interface DeliveryOptions extends Omit<OutboxOptions, "secret"> {
  /** How long one POST may take before it counts as failed. @default 10_000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: Fetch;
}

/** What one run did. */
export interface DeliverySummary {
  readonly claimed: number;
  readonly delivered: number;
  /** Failed and scheduled again. */
  readonly retried: number;
  readonly dead: number;
  /** The claim ran out before the outcome was recorded; another run sends it again. */
  readonly lost: number;
}

/** Sends one batch of due deliveries; call it again (on a timer) for the next. */
export async function runWebhookDeliveries(
  store: WebhookStore,
  options: DeliveryOptions = {},
): Promise<DeliverySummary> {
  const o = resolveOutboxOptions(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetch = options.fetch ?? globalThis.fetch;
  // Stopped: claim nothing. Claimed deliveries are all sent at once, so none waits its turn.
  if (o.signal?.aborted) return { claimed: 0, delivered: 0, retried: 0, dead: 0, lost: 0 };
  const now = o.now();
  const claimed = await store.claimWebhookDeliveries({
    now,
    limit: o.limit,
    worker: o.worker,
    leaseMs: o.leaseMs,
  });
  const summary = { claimed: claimed.length, delivered: 0, retried: 0, dead: 0, lost: 0 };
  // Concurrently: one slow receiver must not hold up the others in the batch.
  await Promise.all(
    claimed.map(async (d) => {
      const sent = await postSigned(fetch, {
        url: d.url,
        body: d.body,
        secret: d.secret,
        now: o.now(),
        timeoutMs,
        headers: { "goodfaith-event": d.type, "goodfaith-delivery": d.id },
      });
      const at = o.now();
      const ok = sent.ok && sent.status >= 200 && sent.status < 300;
      const number = d.attempts + 1;
      const error = ok ? undefined : sent.ok ? describeAnswer(sent.status, sent.text) : sent.error;
      const nextAttemptAt =
        !ok && number < o.maxAttempts ? at + backoffDelay(number, o.backoff, o.random) : undefined;
      const recorded = await store.recordWebhookDelivery(d.id, {
        worker: o.worker,
        at,
        ok,
        ...(error !== undefined && { error }),
        ...(nextAttemptAt !== undefined && { nextAttemptAt }),
      });
      if (!recorded) summary.lost++;
      else if (ok) summary.delivered++;
      else if (nextAttemptAt !== undefined) summary.retried++;
      else summary.dead++;
    }),
  );
  return summary;
}
