/**
 * The webhook executor: hands each remedy to the company's payment endpoint as a signed POST
 * ("refund these tenders"), with the remedy's idempotency key as `Idempotency-Key` on every
 * attempt, so the payment system can recognise a repeat and never pay twice.
 *
 * The endpoint answers:
 * - `2xx` with `{"status":"executed","reference":"…"}`: done now (executed);
 * - `2xx` with `{"status":"failed","error":"…","retryable":false}`: refused (dead letter, or
 *   retried later when `retryable` is true);
 * - any other `2xx` (typically `202 Accepted`): accepted, the outcome follows by callback —
 *   `POST /v1/remedies/{key}/confirm` or `/fail` with an `executor` key. The remedy stays
 *   executing; without a callback before the outbox lease runs out it is sent again, same key;
 * - `408`, `425`, `429`, `5xx`, or no answer: retried with backoff; any other `4xx`: dead letter.
 */

import type {
  ExecutionAttempt,
  ExecutionResult,
  RemedyExecutor,
  RemedyToExecute,
} from "@goodfaith/core";
import { isWebhookUrl } from "./endpoints.js";
import { remedyPayload } from "./events.js";
import { describeAnswer, type Fetch, postSigned } from "./post.js";
import { WebhookError } from "./webhook-error.js";

/** Options of the webhook executor. */
export interface WebhookExecutorOptions {
  /** The payment endpoint. */
  readonly url: string;
  /** The secret the requests are signed with (`Goodfaith-Signature`). */
  readonly secret: string;
  /** Where the API is reachable from the payment system, for the callback links, e.g. `https://goodfaith.example.com`. */
  readonly callbackBase?: string;
  /** @default 10_000 */
  readonly timeoutMs?: number;
  /** @default globalThis.fetch */
  readonly fetch?: Fetch;
  /** The clock, epoch ms, for the signature. @default Date.now */
  readonly now?: () => number;
}

const RETRYABLE = new Set([408, 425, 429]);

/** The request body: what to do, for whom, to which tenders, and where to answer. */
export function executionRequest(
  remedy: RemedyToExecute,
  attempt: ExecutionAttempt,
  callbackBase?: string,
): Record<string, unknown> {
  const path = `/v1/remedies/${encodeURIComponent(remedy.key)}`;
  const base = callbackBase?.replace(/\/+$/, "") ?? "";
  return {
    type: "remedy.execute",
    idempotencyKey: attempt.idempotencyKey,
    attempt: attempt.number,
    remedy: {
      tenders: [],
      ...remedyPayload(remedy),
      ...(remedy.dueBy !== undefined && { dueBy: new Date(remedy.dueBy).toISOString() }),
    },
    callbacks: { confirm: `${base}${path}/confirm`, fail: `${base}${path}/fail` },
  };
}

function answer(status: number, text: string): ExecutionResult {
  if (status >= 200 && status < 300) {
    let body: { status?: unknown; reference?: unknown; error?: unknown; retryable?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not JSON: an acknowledgement without an outcome.
    }
    if (body?.status === "executed") {
      return typeof body.reference === "string"
        ? { ok: true, reference: body.reference }
        : { ok: true };
    }
    if (body?.status === "failed") {
      return {
        ok: false,
        error: typeof body.error === "string" ? body.error : "refused by the payment endpoint",
        retryable: body.retryable === true,
      };
    }
    return { ok: false, pending: true };
  }
  const retryable = status >= 500 || RETRYABLE.has(status);
  return { ok: false, error: describeAnswer(status, text), retryable };
}

/** Executes remedies by POSTing them to the company's payment endpoint (see the module doc). */
export class WebhookExecutor implements RemedyExecutor {
  readonly #o: Required<Omit<WebhookExecutorOptions, "callbackBase">> & {
    callbackBase: string | undefined;
  };

  constructor(options: WebhookExecutorOptions) {
    if (!isWebhookUrl(options.url)) throw new WebhookError("webhook.bad_url", { url: options.url });
    if (options.secret.length === 0) throw new WebhookError("webhook.empty_secret");
    this.#o = Object.freeze({
      url: options.url,
      secret: options.secret,
      callbackBase: options.callbackBase,
      timeoutMs: options.timeoutMs ?? 10_000,
      fetch: options.fetch ?? globalThis.fetch,
      now: options.now ?? Date.now,
    });
  }

  async execute(remedy: RemedyToExecute, attempt: ExecutionAttempt): Promise<ExecutionResult> {
    const o = this.#o;
    const sent = await postSigned(o.fetch, {
      url: o.url,
      body: JSON.stringify(executionRequest(remedy, attempt, o.callbackBase)),
      secret: o.secret,
      now: o.now(),
      timeoutMs: o.timeoutMs,
      headers: { "idempotency-key": attempt.idempotencyKey, "goodfaith-event": "remedy.execute" },
    });
    if (!sent.ok) return { ok: false, error: sent.error, retryable: true };
    return answer(sent.status, sent.text);
  }
}
