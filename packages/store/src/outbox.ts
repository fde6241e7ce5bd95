/**
 * The outbox: due remedies handed to one worker at a time. On PostgreSQL the claim selects
 * with `FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint rows without waiting on
 * each other; on SQLite the claim runs inside the single write transaction.
 */
import type {
  AttemptReport,
  AttemptResult,
  ClaimRequest,
  LedgerFollowUp,
  RemedyMove,
  RemedyStatus,
  StoredRemedy,
} from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "./backend.js";
import {
  appendFollowUp,
  followUpLocks,
  type RecordedMove,
  recordMove,
} from "./ledger-follow-up.js";
import { lockedRemedy, storedRemedy } from "./remedy-rows.js";
import type { Database } from "./schema.js";

/** Why a remedy whose hand-overs were never confirmed went to the dead letter. */
export function notConfirmedReason(attempts: number): string {
  return `not confirmed after ${attempts} attempts`;
}

/**
 * Why a claim was taken over from `holder` (the worker of the claim before), as its
 * `executing → executing` transition records it: whether `started` its attempt is how
 * `failLate` tells a takeover that left an attempt unsettled.
 */
export function takeoverReason(holder: string, started: boolean): string {
  return started
    ? `lease of ${holder} expired`
    : `lease of ${holder} expired before its attempt started`;
}

/**
 * Claims due remedies for `request.worker`; see `RemedyStore.claimDue`. A claim whose lease ran
 * out is taken over, with its attempt counted if it started one, or dead-lettered once
 * `maxAttempts` are used up.
 */
export async function claimDue(
  backend: Backend,
  request: ClaimRequest,
  ledger?: LedgerFollowUp,
): Promise<readonly StoredRemedy[]> {
  const limit = Math.floor(request.limit);
  if (!(limit > 0)) return [];
  const { now, worker, leaseMs, maxAttempts } = request;
  return backend.write(async (trx) => {
    const due = await trx
      .selectFrom("remedies")
      .select(["key", "status", "claimed_by", "attempts", "attempt_started_at_ms"])
      .where((eb) => {
        const ready = eb.and([
          eb("status", "in", ["approved", "failed"]),
          eb("next_attempt_at_ms", "<=", now),
        ]);
        if (leaseMs === undefined) return ready;
        const abandoned = eb.and([
          eb("status", "=", "executing"),
          eb("claimed_at_ms", "<=", now - leaseMs),
        ]);
        return eb.or([ready, abandoned]);
      })
      .orderBy("next_attempt_at_ms")
      .orderBy("key")
      .limit(limit)
      .$if(backend.rowLocks, (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (due.length === 0) return [];
    // A taken-over claim that started its attempt had no outcome (never confirmed, or its worker
    // died mid-call): count it. One that never started (its worker died or stopped first, or
    // its lease ran out before its turn) made no attempt, and none is counted.
    const attempted = (r: (typeof due)[number]) =>
      r.status === "executing" && r.attempt_started_at_ms !== null;
    const spent = (r: (typeof due)[number]) =>
      attempted(r) && maxAttempts !== undefined && Number(r.attempts) + 1 >= maxAttempts;
    const dead = due.filter(spent);
    const claimed = due.filter((r) => !spent(r));
    const counted = claimed.filter(attempted).map((r) => r.key);
    const uncounted = claimed.filter((r) => !attempted(r)).map((r) => r.key);
    const claim = {
      status: "executing",
      claimed_by: worker,
      claimed_at_ms: now,
      attempt_started_at_ms: null,
      updated_at_ms: now,
    };
    if (uncounted.length > 0) {
      await trx.updateTable("remedies").set(claim).where("key", "in", uncounted).execute();
    }
    if (counted.length > 0) {
      await trx
        .updateTable("remedies")
        .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
        .where("key", "in", counted)
        .execute();
    }
    for (const r of dead) {
      await trx
        .updateTable("remedies")
        .set({
          status: "dead",
          attempts: Number(r.attempts) + 1,
          claimed_by: null,
          claimed_at_ms: null,
          attempt_started_at_ms: null,
          next_attempt_at_ms: null,
          last_error: notConfirmedReason(Number(r.attempts) + 1),
          updated_at_ms: now,
        })
        .where("key", "=", r.key)
        .execute();
    }
    await trx
      .insertInto("remedy_transitions")
      .values(
        due.map((r) => ({
          key: r.key,
          from_status: r.status,
          to_status: spent(r) ? "dead" : "executing",
          actor: worker,
          at_ms: now,
          reason: spent(r)
            ? notConfirmedReason(Number(r.attempts) + 1)
            : r.status !== "executing"
              ? null
              : takeoverReason(r.claimed_by ?? "?", attempted(r)),
        })),
      )
      .execute();
    const moves = due.map((r) => ({
      key: r.key,
      from: r.status as RemedyStatus,
      to: spent(r) ? ("dead" as const) : ("executing" as const),
    }));
    await appendFollowUp(backend, trx, ledger, moves);
    const keys = claimed.map((r) => r.key);
    if (keys.length === 0) return [];
    const rows = await trx.selectFrom("remedies").selectAll().where("key", "in", keys).execute();
    const order = new Map(keys.map((k, i) => [k, i]));
    return rows.map(storedRemedy).sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  }, followUpLocks(ledger));
}

/** An attempt's outcome as the remedy row keeps it, with the move that records it. */
export interface Outcome extends RecordedMove {
  readonly attempts: number;
  readonly error?: string;
  readonly reference?: string;
  readonly nextAttemptAt?: number;
}

/**
 * Writes `outcome` inside `trx`: the remedy leaves its claim (whoever holds it, so a takeover
 * that has not started finds it gone), and the move is recorded with its ledger entry. The one
 * way an attempt is settled, by its worker (`recordAttempt`) or late (`confirmLate`, `failLate`).
 */
export async function recordOutcome(
  backend: Backend,
  trx: Kysely<Database>,
  ledger: LedgerFollowUp | undefined,
  outcome: Outcome,
): Promise<void> {
  const { key, from, to, actor, at, reason } = outcome;
  await trx
    .updateTable("remedies")
    .set({
      status: to,
      attempts: outcome.attempts,
      claimed_by: null,
      claimed_at_ms: null,
      attempt_started_at_ms: null,
      updated_at_ms: at,
      last_error: outcome.error ?? null,
      reference: outcome.reference ?? null,
      next_attempt_at_ms: outcome.nextAttemptAt ?? null,
    })
    .where("key", "=", key)
    .execute();
  await recordMove(backend, trx, ledger, { key, from, to, actor, at, reason });
}

/** Records how an attempt went; see `RemedyStore.recordAttempt`. */
export async function recordAttempt(
  backend: Backend,
  key: string,
  report: AttemptReport,
  ledger?: LedgerFollowUp,
): Promise<AttemptResult> {
  return backend.write(async (trx): Promise<AttemptResult> => {
    const row = await lockedRemedy(backend, trx, key);
    if (!row) return { ok: false, code: "unknown_remedy" };
    const status = row.status as RemedyStatus;
    const started =
      row.attempt_started_at_ms === null ? undefined : Number(row.attempt_started_at_ms);
    if (
      status !== "executing" ||
      row.claimed_by !== report.worker ||
      (report.attemptStartedAt !== undefined && started !== report.attemptStartedAt)
    ) {
      return { ok: false, code: "not_claimed", status };
    }
    const attempts = Number(row.attempts) + 1;
    const to: RemedyStatus = report.ok
      ? "executed"
      : report.nextAttemptAt === undefined
        ? "dead"
        : "failed";
    await recordOutcome(backend, trx, ledger, {
      key,
      from: status,
      to,
      attempts,
      actor: report.worker,
      at: report.at,
      reason: report.ok ? null : report.error,
      ...(report.ok
        ? report.reference !== undefined && { reference: report.reference }
        : { error: report.error }),
      ...(!report.ok &&
        report.nextAttemptAt !== undefined && { nextAttemptAt: report.nextAttemptAt }),
    });
    return { ok: true, status: to, attempts };
  }, followUpLocks(ledger));
}

/** Marks the attempt of a claim as started; see `RemedyStore.startAttempt`. */
export async function startAttempt(
  backend: Backend,
  key: string,
  worker: string,
  at: number,
): Promise<boolean> {
  const result = await backend.write((trx) =>
    trx
      .updateTable("remedies")
      .set({ attempt_started_at_ms: at, claimed_at_ms: at })
      .where("key", "=", key)
      .where("status", "=", "executing")
      .where("claimed_by", "=", worker)
      .where("attempt_started_at_ms", "is", null)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) > 0;
}

/** Why a stopping worker's claim went back unstarted, as its transition records it. */
export function releasedReason(worker: string): string {
  return `released by ${worker} before its attempt started`;
}

/** Hands back unstarted claims; see `RemedyStore.releaseClaims`. */
export async function releaseClaims(
  backend: Backend,
  worker: string,
  keys: readonly string[],
  at: number,
  ledger?: LedgerFollowUp,
): Promise<readonly string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  return backend.write(async (trx) => {
    // Locked, so a takeover (another worker's claimDue) cannot move one while it is released.
    const rows = await trx
      .selectFrom("remedies")
      .select(["key", "next_attempt_at_ms"])
      .where("key", "in", wanted)
      .where("status", "=", "executing")
      .where("claimed_by", "=", worker)
      .where("attempt_started_at_ms", "is", null)
      .orderBy("key")
      .$if(backend.rowLocks, (qb) => qb.forUpdate())
      .execute();
    if (rows.length === 0) return [];
    // Back to the status it was claimed from: the last move into executing from outside it
    // (a takeover moves executing → executing, and its attempt, if any, is already counted).
    const claims = await trx
      .selectFrom("remedy_transitions")
      .select(["key", "from_status"])
      .where(
        "key",
        "in",
        rows.map((r) => r.key),
      )
      .where("to_status", "=", "executing")
      .where("from_status", "in", ["approved", "failed"])
      .orderBy("id", "desc")
      .execute();
    const claimedFrom = new Map<string, string | null>();
    for (const c of claims) if (!claimedFrom.has(c.key)) claimedFrom.set(c.key, c.from_status);
    const back = (key: string): RemedyStatus =>
      claimedFrom.get(key) === "failed" ? "failed" : "approved";
    const found = new Set(rows.map((r) => r.key));
    const released = wanted.filter((k) => found.has(k));
    const moves: RemedyMove[] = released.map((key) => ({ key, from: "executing", to: back(key) }));
    for (const row of rows) {
      await trx
        .updateTable("remedies")
        .set({
          status: back(row.key),
          claimed_by: null,
          claimed_at_ms: null,
          attempt_started_at_ms: null,
          // Due when it was when claimed, which is never later than the claim.
          next_attempt_at_ms: row.next_attempt_at_ms ?? at,
          updated_at_ms: at,
        })
        .where("key", "=", row.key)
        .execute();
    }
    await trx
      .insertInto("remedy_transitions")
      .values(
        moves.map((m) => ({
          key: m.key,
          from_status: "executing",
          to_status: m.to,
          actor: worker,
          at_ms: at,
          reason: releasedReason(worker),
        })),
      )
      .execute();
    await appendFollowUp(backend, trx, ledger, moves);
    return released;
  }, followUpLocks(ledger));
}
