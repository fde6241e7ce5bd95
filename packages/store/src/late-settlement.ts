/**
 * The other system's word on an attempt the outbox is no longer waiting on: a confirmation of
 * one it gave up on or moved past (`confirmLate`), or a failure of one a takeover moved past
 * before sending (`failLate`). Each is decided under the remedy's lock and written as the
 * attempt's outcome (`recordOutcome`), so a takeover that has not started finds its claim gone.
 */
import type {
  LateConfirmation,
  LateConfirmationResult,
  LateFailure,
  LateFailureResult,
  LedgerFollowUp,
  RemedyStatus,
} from "@goodfaith/core";
import type { Kysely, Selectable } from "kysely";
import type { Backend } from "./backend.js";
import { followUpLocks } from "./ledger-follow-up.js";
import { type Outcome, recordOutcome, takeoverReason } from "./outbox.js";
import { lockedRemedy } from "./remedy-rows.js";
import type { Database, RemediesTable } from "./schema.js";

type Row = Selectable<RemediesTable>;

// Whether a confirmation now settles an attempt already made and left unsettled.
async function confirmable(trx: Kysely<Database>, row: Row): Promise<boolean> {
  const attempts = Number(row.attempts);
  switch (row.status as RemedyStatus) {
    case "failed":
      return true;
    case "approved":
      // Approved again by a manual retry after an attempt; never sent otherwise.
      return attempts > 0;
    case "executing":
      // A takeover that has not sent yet: the confirmation is of an earlier attempt.
      return attempts > 0 && row.attempt_started_at_ms === null;
    case "dead": {
      // Dead-lettered by the outbox (from executing), not by a person (from failed).
      const last = await trx
        .selectFrom("remedy_transitions")
        .select("from_status")
        .where("key", "=", row.key)
        .where("to_status", "=", "dead")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return attempts > 0 && last?.from_status === "executing";
    }
    default:
      return false;
  }
}

/**
 * Whether a failure now settles an attempt a takeover moved past: the remedy is executing under
 * a claim not started, and a claim it took over since the remedy was last claimed from approved
 * or failed had started its attempt. Narrower than `confirmable`: a failure already recorded
 * (the remedy was failed when claimed) is not reported twice, it would only delay the retry.
 */
async function failable(trx: Kysely<Database>, row: Row): Promise<boolean> {
  if (row.status !== "executing" || row.attempt_started_at_ms !== null) return false;
  const claims = await trx
    .selectFrom("remedy_transitions")
    .select(["from_status", "actor", "reason"])
    .where("key", "=", row.key)
    .where("to_status", "=", "executing")
    .orderBy("id", "desc")
    .execute();
  // Newest first, back to the claim from outside executing; each claim's worker is its actor.
  for (const [i, claim] of claims.entries()) {
    const before = claims[i + 1];
    if (claim.from_status !== "executing" || before === undefined) return false;
    if (claim.reason === takeoverReason(before.actor, true)) return true;
  }
  return false;
}

type Refusal =
  | { readonly ok: false; readonly code: "unknown_remedy" }
  | { readonly ok: false; readonly code: "status_mismatch"; readonly status: RemedyStatus };

// Locks `key` and, unless `decide` refuses it as it is, records the outcome it gives.
async function settleLate<R>(
  backend: Backend,
  key: string,
  ledger: LedgerFollowUp | undefined,
  decide: (trx: Kysely<Database>, row: Row) => Promise<Outcome | undefined>,
  result: (outcome: Outcome) => R,
): Promise<R | Refusal> {
  return backend.write(async (trx): Promise<R | Refusal> => {
    const row = await lockedRemedy(backend, trx, key);
    if (!row) return { ok: false, code: "unknown_remedy" };
    const outcome = await decide(trx, row);
    if (outcome === undefined) {
      return { ok: false, code: "status_mismatch", status: row.status as RemedyStatus };
    }
    await recordOutcome(backend, trx, ledger, outcome);
    return result(outcome);
  }, followUpLocks(ledger));
}

/** Records a late confirmation; see `RemedyStore.confirmLate`. */
export function confirmLate(
  backend: Backend,
  key: string,
  confirmation: LateConfirmation,
  ledger?: LedgerFollowUp,
): Promise<LateConfirmationResult> {
  return settleLate(
    backend,
    key,
    ledger,
    async (trx, row) =>
      (await confirmable(trx, row))
        ? {
            key,
            from: row.status as RemedyStatus,
            to: "executed",
            attempts: Number(row.attempts),
            actor: confirmation.actor,
            at: confirmation.at,
            reason: confirmation.reason,
            ...(confirmation.reference !== undefined && { reference: confirmation.reference }),
          }
        : undefined,
    ({ from, attempts }) => ({ ok: true, from, attempts }),
  );
}

/** Records a late failure; see `RemedyStore.failLate`. */
export function failLate(
  backend: Backend,
  key: string,
  failure: LateFailure,
  ledger?: LedgerFollowUp,
): Promise<LateFailureResult> {
  return settleLate(
    backend,
    key,
    ledger,
    async (trx, row) =>
      Number(row.attempts) === failure.attempts && (await failable(trx, row))
        ? {
            key,
            from: "executing",
            to: failure.nextAttemptAt === undefined ? "dead" : "failed",
            attempts: failure.attempts,
            actor: failure.actor,
            at: failure.at,
            reason: failure.reason,
            error: failure.error,
            ...(failure.nextAttemptAt !== undefined && { nextAttemptAt: failure.nextAttemptAt }),
          }
        : undefined,
    ({ from, to, attempts }) => ({ ok: true, from, to, attempts }),
  );
}
