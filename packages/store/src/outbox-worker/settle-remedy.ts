/**
 * The callback side of asynchronous execution: the other system confirms or fails a remedy
 * it was handed (an executor answered `pending`). The remedy is executing under some worker's
 * claim; the outcome is recorded as that claim's attempt, so the lifecycle stays executing →
 * executed | failed | dead and the outbox's exactly-once rules hold unchanged.
 *
 * A callback for a remedy that is no longer executing (a timed-out call was recorded as
 * failed, then the other system finished anyway) is refused with its status: the outbox sends
 * it again with the same idempotency key, the other system recognises it and confirms again.
 */
import type { AttemptResult, RemedyStatus, Store } from "@goodfaith/core";
import { ledgerSecret } from "../ingest/secret.js";
import { withRemedyEvents } from "../webhooks/events.js";
import { type OutboxOptions, resolveOutboxOptions } from "./options.js";
import { movesOnLedger, retryAt } from "./run-outbox.js";

/** What the other system reports. */
export type Settlement =
  | { readonly ok: true; readonly reference?: string }
  | { readonly ok: false; readonly error: string; readonly retryable: boolean };

/** The outcome of a callback. */
export type SettleResult =
  | {
      readonly ok: true;
      readonly status: RemedyStatus;
      readonly attempts: number;
      /** The remedy was already executed: a repeated confirmation (same reference) changes nothing. */
      readonly repeated?: true;
    }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /** The remedy is not executing (and, for a confirmation, not already executed with that reference). */
  | { readonly ok: false; readonly code: "not_executing"; readonly status: RemedyStatus };

// A confirmation naming another payment than the one recorded is not a repeat but a second
// payment (or a mix-up): a conflict to look into, never a silent 200.
function sameReference(remedy: { readonly reference?: string }, settlement: Settlement): boolean {
  const reference = settlement.ok ? settlement.reference : undefined;
  return (
    reference === undefined || remedy.reference === undefined || reference === remedy.reference
  );
}

// A claim can change hands between the read and the write (a lease ran out): read again.
const TRIES = 3;

/**
 * Records the other system's confirmation or failure of remedy `key` as `actor` (its API key)
 * at `at`. A retryable failure is scheduled with the outbox's backoff (`options`: maxAttempts,
 * backoff, random); the move, its ledger entry and its webhook event commit together.
 */
export async function settleRemedy(
  store: Store,
  key: string,
  settlement: Settlement,
  actor: string,
  at: number,
  options: Omit<OutboxOptions, "worker" | "now"> = {},
): Promise<SettleResult> {
  const o = resolveOutboxOptions({ ...options, worker: actor });
  const secret = o.secret ?? (await ledgerSecret(store));
  for (let i = 0; i < TRIES; i++) {
    const remedy = (await store.getRemedy(key))?.remedy;
    if (remedy === undefined) return { ok: false, code: "unknown_remedy" };
    if (remedy.status === "executed" && settlement.ok && sameReference(remedy, settlement)) {
      return { ok: true, status: "executed", attempts: remedy.attempts, repeated: true };
    }
    if (remedy.status !== "executing" || remedy.claimedBy === undefined) {
      return { ok: false, code: "not_executing", status: remedy.status };
    }
    const nextAttemptAt = settlement.ok
      ? undefined
      : retryAt(remedy.attempts + 1, settlement.retryable, at, o);
    const worker = remedy.claimedBy;
    const recorded: AttemptResult = await store.recordAttempt(
      key,
      settlement.ok
        ? {
            ok: true,
            worker,
            at,
            ...(settlement.reference !== undefined && { reference: settlement.reference }),
          }
        : {
            ok: false,
            worker,
            at,
            error: settlement.error,
            ...(nextAttemptAt !== undefined && { nextAttemptAt }),
          },
      withRemedyEvents(movesOnLedger(secret, actor, at), at),
    );
    if (recorded.ok) return recorded;
    if (recorded.code === "unknown_remedy") return recorded;
  }
  const now = (await store.getRemedy(key))?.remedy.status;
  return now === undefined
    ? { ok: false, code: "unknown_remedy" }
    : { ok: false, code: "not_executing", status: now };
}
