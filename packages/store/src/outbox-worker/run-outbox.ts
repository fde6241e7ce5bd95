/**
 * The outbox worker: claims due remedies, hands each to the executor, records the outcome
 * (executed, failed with a retry scheduled, or dead), and writes every move to the remedies
 * ledger chain.
 *
 * Exactly once: the store hands a due remedy to one worker at a time (`claimDue`), and a
 * worker whose lease ran out cannot report (`recordAttempt` refuses it). What no store can
 * decide is whether a call that timed out reached the other system; so every attempt carries
 * the remedy's idempotency key and the executor's system de-duplicates on it.
 */
import type {
  AttemptReport,
  ExecutionAttempt,
  ExecutionResult,
  LedgerFollowUp,
  RemedyExecutor,
  RemedyMove,
  RemedyToExecute,
  Store,
  StoredRemedy,
} from "@goodfaith/core";
import { isPendingResult } from "@goodfaith/core";
import { linkDrafts } from "../ingest/append-ledger.js";
import { REMEDIES_CHAIN } from "../ingest/ingestor.js";
import { ledgerSecret } from "../ingest/secret.js";
import type { LedgerDraft, LedgerKind } from "../ledger/entry.js";
import { pseudonym } from "../ledger/pseudonym.js";
import { withRemedyEvents } from "../webhooks/events.js";
import { backoffDelay } from "./backoff.js";
import { type OutboxOptions, type ResolvedOutboxOptions, resolveOutboxOptions } from "./options.js";
import { recordAttemptThroughOutage } from "./record-attempt.js";

/** How one claimed remedy ended in this run. */
export interface OutboxOutcome {
  readonly key: string;
  /**
   * `lost`: the claim ran out before the outcome was recorded; another run takes it over.
   * `pending`: handed over, awaiting the other system's confirmation (still executing).
   * `released`: never started, handed back when the run was stopped, or by the next run when
   * it failed (see `OutboxOptions.onStranded`); due again at once.
   */
  readonly status: "executed" | "failed" | "dead" | "lost" | "pending" | "released";
  /** The attempt number (1-based). */
  readonly attempt: number;
  /** The executor's reference for an executed remedy, if it gave one. */
  readonly reference?: string;
  readonly error?: string;
  /** When a failed remedy is due again, epoch ms. */
  readonly nextAttemptAt?: number;
}

/** What one run did. */
export interface OutboxSummary {
  /** Remedies claimed. */
  readonly claimed: number;
  /** Executed successfully. */
  readonly executed: number;
  /** Failed and scheduled for another attempt. */
  readonly retried: number;
  /** Moved to the dead letter (a non-retryable failure, or the last allowed attempt). */
  readonly dead: number;
  /** Claims that ran out before the outcome was recorded (not executed, or not reported). */
  readonly lost: number;
  /** Handed over and awaiting confirmation by callback (see `settleRemedy`). */
  readonly pending: number;
  /**
   * Claims never started, handed back because the run was stopped (see `OutboxOptions.signal`),
   * or left by an earlier run that failed (`OutboxOptions.handBack`).
   */
  readonly released: number;
  /** Each remedy handed back from an earlier run, then each claimed, in claim order. */
  readonly outcomes: readonly OutboxOutcome[];
}

/** The ledger actor for a worker. */
export function executorActor(worker: string): string {
  return `executor:${worker}`;
}

/**
 * Ledger entries (`remedy.transition` unless `kind` says otherwise) for the moves a store call
 * makes, by `actor` at `at`, written in the call's transaction (see `LedgerFollowUp`): a crash
 * never leaves a move off the ledger.
 */
export function movesOnLedger(
  secret: string,
  actor: string,
  at: number,
  kind: LedgerKind = "remedy.transition",
): LedgerFollowUp {
  return {
    chain: REMEDIES_CHAIN,
    entries: (moves, head) =>
      linkDrafts(
        head,
        moves.map(
          (m): LedgerDraft => ({
            chain: REMEDIES_CHAIN,
            at,
            kind,
            actor,
            remedyKey: pseudonym(secret, m.key),
            ...(m.from !== undefined && { from: m.from }),
            to: m.to,
          }),
        ),
      ),
  };
}

// What the executor sees: the remedy, not the outbox's bookkeeping.
function toExecute(r: StoredRemedy): RemedyToExecute {
  return Object.freeze({
    key: r.key,
    promise: r.promise,
    version: r.version,
    customer: r.customer,
    kind: r.kind,
    ...(r.amount && { amount: r.amount }),
    at: r.at,
    ...(r.dueBy !== undefined && { dueBy: r.dueBy }),
    detail: r.detail,
  });
}

/**
 * When failed attempt `number` is tried again: after the backoff, or never (undefined: the
 * dead letter) when the failure is not worth retrying or it was the last allowed attempt.
 */
export function retryAt(
  number: number,
  retryable: boolean,
  at: number,
  o: Pick<ResolvedOutboxOptions, "maxAttempts" | "backoff" | "random">,
): number | undefined {
  return retryable && number < o.maxAttempts
    ? at + backoffDelay(number, o.backoff, o.random)
    : undefined;
}

async function attempt(
  executor: RemedyExecutor,
  remedy: RemedyToExecute,
  attempt: ExecutionAttempt,
): Promise<ExecutionResult> {
  try {
    return await executor.execute(remedy, attempt);
  } catch (error) {
    // A thrown error says nothing about whether trying again could work: assume it could.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message || "executor threw", retryable: true };
  }
}

/**
 * One run of the outbox: claims up to `limit` due remedies for this worker, executes them one
 * after another, and records each outcome — executed; failed with the next attempt at now +
 * backoff (exponential, full jitter); or dead when the failure is not retryable or this was
 * attempt `maxAttempts`. Each attempt is marked started (`startAttempt`, which renews the
 * lease) just before the executor is called. A remedy handed over (`pending`) and never
 * confirmed is sent again once its lease runs out, each time as a new attempt, and after
 * `maxAttempts` goes to the dead letter ("not confirmed after N attempts"); a claim that never
 * started its attempt (its worker died first) is taken over without counting one. Stopped
 * (`signal`), it starts no attempt after the one under way and hands back the claims it has
 * not started (`releaseClaims`); failed, it reports them (`onStranded`) for the next run to
 * hand back (`handBack`). Each move (claim, outcome, release) is appended to the
 * `remedies` ledger chain with actor `executor:<worker>`. Call it again (on a timer) for the
 * next batch.
 */
export async function runOutbox(
  store: Store,
  executor: RemedyExecutor,
  options: OutboxOptions = {},
): Promise<OutboxSummary> {
  const o = resolveOutboxOptions(options);
  // The claims this worker holds and has not started, by key: what a failure strands.
  const held = new Map(o.handBack.map((r) => [r.key, r]));
  try {
    return await run(store, executor, o, held);
  } catch (error) {
    if (held.size > 0) o.onStranded?.([...held.values()]);
    throw error;
  }
}

async function run(
  store: Store,
  executor: RemedyExecutor,
  o: ResolvedOutboxOptions,
  held: Map<string, StoredRemedy>,
): Promise<OutboxSummary> {
  const actor = executorActor(o.worker);
  const secret = o.secret ?? (await ledgerSecret(store));
  const summary = {
    claimed: 0,
    executed: 0,
    retried: 0,
    dead: 0,
    lost: 0,
    pending: 0,
    released: 0,
  };
  const outcomes: OutboxOutcome[] = [];
  if (held.size > 0) {
    // Before claiming, so that they are due again for this very claim.
    const back = await release(store, [...held.values()], o, secret);
    for (const r of held.values()) {
      if (!back.has(r.key)) continue;
      summary.released++;
      outcomes.push({ key: r.key, status: "released", attempt: r.attempts + 1 });
    }
    held.clear();
  }
  if (o.signal?.aborted) return { ...summary, outcomes };
  const now = o.now();
  // The claims are on the ledger before anything is executed: never an outcome without its claim.
  // A claim taken over after its lease counts as an attempt if it started one; one past
  // maxAttempts is dead-lettered in the same transaction, with its ledger entry and webhook event.
  const followUp = withRemedyEvents(movesOnLedger(secret, actor, now), now);
  let given: readonly RemedyMove[] = [];
  const claimed = await store.claimDue(
    { now, limit: o.limit, worker: o.worker, leaseMs: o.leaseMs, maxAttempts: o.maxAttempts },
    {
      ...followUp,
      // Which claims were dead-lettered instead: the moves of the transaction that committed.
      entries: (moves, head) => {
        given = moves.filter((m) => m.to === "dead");
        return followUp.entries(moves, head);
      },
    },
  );
  summary.claimed = claimed.length;
  for (const r of claimed) held.set(r.key, r);
  for (const m of given) {
    const dead = (await store.getRemedy(m.key))?.remedy;
    summary.dead++;
    outcomes.push({
      key: m.key,
      status: "dead",
      attempt: dead?.attempts ?? o.maxAttempts,
      ...(dead?.lastError !== undefined && { error: dead.lastError }),
    });
  }
  if (claimed.length === 0) return { ...summary, outcomes };

  for (const [i, r] of claimed.entries()) {
    // Stopped: the calls made so far are recorded; the rest is handed back, never started.
    if (o.signal?.aborted) {
      const rest = claimed.slice(i);
      const back = await release(store, rest, o, secret);
      for (const c of rest) {
        const status = back.has(c.key) ? "released" : "lost";
        summary[status]++;
        outcomes.push({ key: c.key, status, attempt: c.attempts + 1 });
      }
      held.clear();
      break;
    }
    const number = r.attempts + 1;
    // Another worker may hold it by now (the lease ran out before its turn, or a callback
    // settled it): executing it here could pay twice. Started, the attempt counts even if this
    // worker dies mid-call; never started, a takeover counts none.
    const start = o.now();
    const expired = start >= (r.claimedAt ?? now) + o.leaseMs;
    const started = !expired && (await store.startAttempt(r.key, o.worker, start));
    // Kept until here: a start whose answer was lost stays stranded, and handing it back is
    // refused as started, so the attempt is never counted twice nor the remedy sent twice.
    held.delete(r.key);
    if (!started) {
      summary.lost++;
      outcomes.push({ key: r.key, status: "lost", attempt: number });
      continue;
    }
    const result = await attempt(executor, toExecute(r), { number, idempotencyKey: r.key });
    if (isPendingResult(result)) {
      // Stays executing under this claim: the callback settles it, or the lease runs out
      // and a later run hands it out again with the same idempotency key.
      summary.pending++;
      outcomes.push({ key: r.key, status: "pending", attempt: number });
      continue;
    }
    const at = o.now();
    let report: AttemptReport;
    let nextAttemptAt: number | undefined;
    if (result.ok) {
      report = {
        ok: true,
        worker: o.worker,
        at,
        attemptStartedAt: start,
        ...(result.reference !== undefined && { reference: result.reference }),
      };
    } else {
      nextAttemptAt = retryAt(number, result.retryable, at, o);
      report = {
        ok: false,
        worker: o.worker,
        at,
        attemptStartedAt: start,
        error: result.error,
        ...(nextAttemptAt !== undefined && { nextAttemptAt }),
      };
    }
    // The other system has acted: through a store outage shorter than the lease, the outcome
    // is still recorded here rather than the remedy sent again after a takeover.
    const recorded = await recordAttemptThroughOutage(
      store,
      r.key,
      report,
      withRemedyEvents(movesOnLedger(secret, actor, at), at),
      start + o.leaseMs,
      o.now,
      o.signal,
    );
    if (!recorded.ok) {
      const settled = await settledByCallback(store, r.key, number);
      if (settled === undefined) {
        summary.lost++;
        outcomes.push({ key: r.key, status: "lost", attempt: number });
      } else {
        count(summary, settled.status);
        outcomes.push(settled);
      }
      continue;
    }
    count(summary, recorded.status);
    outcomes.push({
      key: r.key,
      status:
        recorded.status === "executed" || recorded.status === "failed" ? recorded.status : "dead",
      attempt: number,
      ...(result.ok && result.reference !== undefined && { reference: result.reference }),
      ...("error" in result && { error: result.error }),
      ...(nextAttemptAt !== undefined && { nextAttemptAt }),
    });
  }
  return { ...summary, outcomes };
}

/**
 * Hands back `claims` never started: the keys released; one no longer this worker's (its lease
 * ran out and it was taken over meanwhile) or started is not. No webhook event: nothing
 * happened to the remedy that its endpoints should hear of.
 */
async function release(
  store: Store,
  claims: readonly StoredRemedy[],
  o: ResolvedOutboxOptions,
  secret: string,
): Promise<ReadonlySet<string>> {
  const at = o.now();
  const keys = claims.map((r) => r.key);
  const ledger = movesOnLedger(secret, executorActor(o.worker), at);
  return new Set(await store.releaseClaims(o.worker, keys, at, ledger));
}

function count(summary: { executed: number; retried: number; dead: number }, to: string): void {
  if (to === "executed") summary.executed++;
  else if (to === "failed") summary.retried++;
  else summary.dead++;
}

/**
 * The outcome of attempt `number` when the other system's callback recorded it while the
 * executor was still waiting for the answer (it confirms, then answers): the remedy is
 * settled by this very attempt, not lost. A takeover after the lease that started its own
 * attempt counts it, so a remedy settled by another claim has more attempts and stays `lost`.
 */
async function settledByCallback(
  store: Store,
  key: string,
  number: number,
): Promise<OutboxOutcome | undefined> {
  const remedy = (await store.getRemedy(key))?.remedy;
  if (remedy === undefined || remedy.attempts !== number) return undefined;
  const { status } = remedy;
  if (status !== "executed" && status !== "failed" && status !== "dead") return undefined;
  return {
    key,
    status,
    attempt: number,
    ...(remedy.reference !== undefined && { reference: remedy.reference }),
    ...(remedy.lastError !== undefined && { error: remedy.lastError }),
    ...(status === "failed" &&
      remedy.nextAttemptAt !== undefined && {
        nextAttemptAt: remedy.nextAttemptAt,
      }),
  };
}
