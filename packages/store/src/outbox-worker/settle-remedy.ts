/**
 * The callback side of asynchronous execution: the other system confirms or fails a remedy
 * it was handed (an executor answered `pending`). While the remedy is executing under the
 * claim that sent it, the outcome is recorded as that claim's attempt, so the lifecycle stays
 * executing → executed | failed | dead and the outbox's exactly-once rules hold unchanged.
 *
 * A confirmation that comes after the outbox gave up on or moved past the attempt (the remedy
 * was dead-lettered, recorded as failed, retried by hand, or taken over by a claim that has not
 * sent yet) is the truth too: the customer was paid. It moves the remedy to executed (see
 * `RemedyStore.confirmLate`), so no retry can pay again. A failure that comes while a takeover
 * has claimed the remedy and not sent yet is the truth about the attempt it took over: it is
 * recorded as that attempt's failure (`RemedyStore.failLate`: retried after the backoff, or
 * dead), and the takeover never sends. Any other failure reported for a remedy that is not
 * executing under the claim that sent it changes nothing: it is refused with the remedy's status.
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
      /**
       * Settled late: a confirmation of a remedy in this status (dead, failed, approved,
       * executing), or a failure of the attempt an unstarted takeover moved past (executing).
       */
      readonly after?: RemedyStatus;
    }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /**
   * Not awaiting this outcome: not executing under the claim that sent it, nor (for a failure)
   * under a takeover not started, nor (for a confirmation) settled late or already executed
   * with that reference.
   */
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

// Why a confirmation settles a remedy the outbox is not waiting on, by the remedy's status.
const LATE_REASONS: Partial<Record<RemedyStatus, string>> = {
  dead: "confirmed after dead-lettering",
  failed: "confirmed after the attempt was recorded as failed",
  approved: "confirmed after a manual retry",
  executing: "confirmed after the lease of its attempt ran out",
};

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
    // Not awaiting an answer (not executing under the claim that sent it): whether the answer
    // is late — of an attempt the outbox gave up on or moved past — is the store's to decide
    // (`confirmLate`, `failLate`), under the remedy's lock.
    if (
      remedy.status !== "executing" ||
      remedy.claimedBy === undefined ||
      remedy.attemptStartedAt === undefined
    ) {
      if (!settlement.ok) {
        if (remedy.status !== "executing") {
          return { ok: false, code: "not_executing", status: remedy.status };
        }
        // The takeover counted the attempt it moved past: this is that attempt's number.
        const nextAttemptAt = retryAt(remedy.attempts, settlement.retryable, at, o);
        const failed = await store.failLate(
          key,
          {
            actor,
            at,
            error: settlement.error,
            attempts: remedy.attempts,
            reason: `failed after the lease of its attempt ran out: ${settlement.error}`,
            ...(nextAttemptAt !== undefined && { nextAttemptAt }),
          },
          withRemedyEvents(movesOnLedger(secret, actor, at), at),
        );
        if (failed.ok) {
          return { ok: true, status: failed.to, attempts: failed.attempts, after: failed.from };
        }
        if (failed.code === "unknown_remedy") return failed;
        // Still executing: its attempt may have started meanwhile (then it is that attempt's
        // failure), or another was counted: read again. Else nothing is awaiting it.
        if (failed.status !== "executing") {
          return { ok: false, code: "not_executing", status: failed.status };
        }
        continue;
      }
      const confirmed = await store.confirmLate(
        key,
        {
          actor,
          at,
          reason: LATE_REASONS[remedy.status] ?? "confirmed late",
          ...(settlement.reference !== undefined && { reference: settlement.reference }),
        },
        withRemedyEvents(movesOnLedger(secret, actor, at), at),
      );
      if (confirmed.ok) {
        return {
          ok: true,
          status: "executed",
          attempts: confirmed.attempts,
          after: confirmed.from,
        };
      }
      if (confirmed.code === "unknown_remedy") return confirmed;
      // Refused as it was read (never sent, or ended by a person); else it moved, or an
      // executing one may have started its attempt meanwhile: read again.
      if (confirmed.status === remedy.status && remedy.status !== "executing") {
        return { ok: false, code: "not_executing", status: remedy.status };
      }
      continue;
    }
    const nextAttemptAt = settlement.ok
      ? undefined
      : retryAt(remedy.attempts + 1, settlement.retryable, at, o);
    const worker = remedy.claimedBy;
    // The attempt read here, not a later claim the same worker took over after its lease.
    const attemptStartedAt = remedy.attemptStartedAt;
    const recorded: AttemptResult = await store.recordAttempt(
      key,
      settlement.ok
        ? {
            ok: true,
            worker,
            at,
            attemptStartedAt,
            ...(settlement.reference !== undefined && { reference: settlement.reference }),
          }
        : {
            ok: false,
            worker,
            at,
            attemptStartedAt,
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
