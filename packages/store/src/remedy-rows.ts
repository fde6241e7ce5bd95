/**
 * Remedy rows ↔ the port's values. Optional fields are left out rather than set to
 * undefined, as `exactOptionalPropertyTypes` and JSON consumers expect.
 */
import type {
  NewRemedy,
  RemedyKind,
  RemedyStatus,
  RemedyTransition,
  StoredRemedy,
} from "@goodfaith/core";
import type { Kysely, Selectable } from "kysely";
import type { Backend } from "./backend.js";
import type { Database, RemediesTable, RemedyTransitionsTable } from "./schema.js";

/** Who records a remedy: the engine decided it. */
export const ENGINE_ACTOR = "engine";

/** The row for a remedy decided at log position `seq`. */
export function remedyRow(remedy: NewRemedy, seq: number): RemediesTable {
  return {
    key: remedy.key,
    promise: remedy.promise,
    version: remedy.version,
    customer: remedy.customer,
    kind: remedy.kind,
    amount: remedy.amount?.amount ?? null,
    currency: remedy.amount?.currency ?? null,
    status: remedy.status,
    at_ms: remedy.at,
    due_by_ms: remedy.dueBy ?? null,
    detail: remedy.detail,
    seq,
    attempts: 0,
    next_attempt_at_ms: remedy.status === "approved" ? (remedy.nextAttemptAt ?? remedy.at) : null,
    last_error: null,
    claimed_by: null,
    claimed_at_ms: null,
    updated_at_ms: remedy.at,
    reference: null,
    attempt_started_at_ms: null,
  };
}

/** A row as the port's value. */
export function storedRemedy(row: Selectable<RemediesTable>): StoredRemedy {
  return {
    key: row.key,
    promise: row.promise,
    version: row.version,
    customer: row.customer,
    kind: row.kind as RemedyKind,
    ...(row.amount !== null &&
      row.currency !== null && { amount: { amount: row.amount, currency: row.currency } }),
    status: row.status as RemedyStatus,
    at: Number(row.at_ms),
    ...(row.due_by_ms !== null && { dueBy: Number(row.due_by_ms) }),
    detail: row.detail,
    seq: Number(row.seq),
    attempts: Number(row.attempts),
    ...(row.next_attempt_at_ms !== null && { nextAttemptAt: Number(row.next_attempt_at_ms) }),
    ...(row.last_error !== null && { lastError: row.last_error }),
    ...(row.claimed_by !== null && { claimedBy: row.claimed_by }),
    ...(row.claimed_at_ms !== null && { claimedAt: Number(row.claimed_at_ms) }),
    ...(row.attempt_started_at_ms !== null && {
      attemptStartedAt: Number(row.attempt_started_at_ms),
    }),
    updatedAt: Number(row.updated_at_ms),
    ...(row.reference !== null && row.reference !== undefined && { reference: row.reference }),
  };
}

/** A transition row as the port's value. */
export function remedyTransition(row: Selectable<RemedyTransitionsTable>): RemedyTransition {
  return {
    key: row.key,
    ...(row.from_status !== null && { from: row.from_status as RemedyStatus }),
    to: row.to_status as RemedyStatus,
    actor: row.actor,
    at: Number(row.at_ms),
    ...(row.reason !== null && { reason: row.reason }),
  };
}

/** A remedy's status, locking its row on PostgreSQL until the transaction ends. */
export async function lockedRemedy(
  backend: Backend,
  trx: Kysely<Database>,
  key: string,
): Promise<Selectable<RemediesTable> | undefined> {
  return trx
    .selectFrom("remedies")
    .selectAll()
    .where("key", "=", key)
    .$if(backend.rowLocks, (qb) => qb.forUpdate())
    .executeTakeFirst();
}
