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
  RemedyStatus,
  StoredRemedy,
} from "@goodfaith/core";
import type { Backend } from "./backend.js";
import { appendFollowUp, followUpLocks } from "./ledger-follow-up.js";
import { lockedRemedy, storedRemedy } from "./remedy-rows.js";

/** Why a remedy whose hand-overs were never confirmed went to the dead letter. */
export function notConfirmedReason(attempts: number): string {
  return `not confirmed after ${attempts} attempts`;
}

/**
 * Claims due remedies for `request.worker`; see `RemedyStore.claimDue`. A claim whose lease ran
 * out is taken over with its attempt counted, or dead-lettered once `maxAttempts` are used up.
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
      .select(["key", "status", "claimed_by", "attempts"])
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
    // A taken-over claim's attempt had no outcome (never confirmed, or its worker died): count it.
    const spent = (r: (typeof due)[number]) =>
      r.status === "executing" &&
      maxAttempts !== undefined &&
      Number(r.attempts) + 1 >= maxAttempts;
    const dead = due.filter(spent);
    const claimed = due.filter((r) => !spent(r));
    const fresh = claimed.filter((r) => r.status !== "executing").map((r) => r.key);
    const takenOver = claimed.filter((r) => r.status === "executing").map((r) => r.key);
    const claim = {
      status: "executing",
      claimed_by: worker,
      claimed_at_ms: now,
      updated_at_ms: now,
    };
    if (fresh.length > 0) {
      await trx.updateTable("remedies").set(claim).where("key", "in", fresh).execute();
    }
    if (takenOver.length > 0) {
      await trx
        .updateTable("remedies")
        .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
        .where("key", "in", takenOver)
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
            : r.status === "executing"
              ? `lease of ${r.claimed_by ?? "?"} expired`
              : null,
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
    if (status !== "executing" || row.claimed_by !== report.worker) {
      return { ok: false, code: "not_claimed", status };
    }
    const attempts = Number(row.attempts) + 1;
    const to: RemedyStatus = report.ok
      ? "executed"
      : report.nextAttemptAt === undefined
        ? "dead"
        : "failed";
    await trx
      .updateTable("remedies")
      .set({
        status: to,
        attempts,
        claimed_by: null,
        claimed_at_ms: null,
        updated_at_ms: report.at,
        last_error: report.ok ? null : report.error,
        reference: report.ok ? (report.reference ?? null) : null,
        next_attempt_at_ms:
          !report.ok && report.nextAttemptAt !== undefined ? report.nextAttemptAt : null,
      })
      .where("key", "=", key)
      .execute();
    await trx
      .insertInto("remedy_transitions")
      .values({
        key,
        from_status: status,
        to_status: to,
        actor: report.worker,
        at_ms: report.at,
        reason: report.ok ? null : report.error,
      })
      .execute();
    await appendFollowUp(backend, trx, ledger, [{ key, from: status, to }]);
    return { ok: true, status: to, attempts };
  }, followUpLocks(ledger));
}
