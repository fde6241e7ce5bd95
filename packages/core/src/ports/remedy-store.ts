/**
 * The remedy port: remedies recorded exactly once, moved through their lifecycle with every
 * move on record, and executed through an outbox that hands each due remedy to one worker.
 */
import type { Notice } from "../notices/notice.js";
import type { RemedyKind } from "../promises/document.js";
import type { LedgerEntry, LedgerHead } from "./ledger-store.js";
import type { RecordNoticesResult } from "./notice-store.js";
import type { InitialRemedyStatus, RemedyStatus } from "./remedy-lifecycle.js";
import type { NewWebhookEvent } from "./webhook-store.js";

/** An amount as JSON carries it: a decimal string in major units, e.g. `{ amount: "4.99", currency: "EUR" }`. */
export interface DecimalMoney {
  readonly amount: string;
  readonly currency: string;
}

/** A remedy the engine decided on, as the store records it. Times are epoch ms. */
export interface NewRemedy {
  /** The idempotency key (promise id + incident): the store keeps at most one remedy per key. */
  readonly key: string;
  readonly promise: string;
  readonly version: string;
  /** The customer's id, a pseudonymous key: personal data lives in the customer data store. */
  readonly customer: string;
  readonly kind: RemedyKind;
  readonly amount?: DecimalMoney;
  readonly status: InitialRemedyStatus;
  /** Event time of the incident. */
  readonly at: number;
  /** By when the promise says the company acts. */
  readonly dueBy?: number;
  /** When an approved remedy may first be executed; defaults to `at`. */
  readonly nextAttemptAt?: number;
  /** The whole remedy as JSON (split, explanation, notice…), kept verbatim. */
  readonly detail: string;
  /**
   * The log position of the event that produced it, when a batch records remedies of several
   * events at once; otherwise the `atSeq` given to `recordRemedies`.
   */
  readonly atSeq?: number;
}

/** A recorded remedy and where it is in its lifecycle. */
export interface StoredRemedy {
  readonly key: string;
  readonly promise: string;
  readonly version: string;
  readonly customer: string;
  readonly kind: RemedyKind;
  readonly amount?: DecimalMoney;
  readonly status: RemedyStatus;
  readonly at: number;
  readonly dueBy?: number;
  readonly detail: string;
  /** Position in the event log of the event that produced it. */
  readonly seq: number;
  /** Execution attempts so far, failed or not. */
  readonly attempts: number;
  /** When the outbox may next try it (approved or failed remedies). */
  readonly nextAttemptAt?: number;
  readonly lastError?: string;
  /** The worker executing it and since when (status `executing`). */
  readonly claimedBy?: string;
  readonly claimedAt?: number;
  /**
   * When the current claim's attempt started (`startAttempt`): present only while executing,
   * once the remedy may have reached the other system. A claim taken over without it made no
   * attempt, and none is counted.
   */
  readonly attemptStartedAt?: number;
  /** Time of the latest transition. */
  readonly updatedAt: number;
  /** The other system's id for the executed remedy (a refund id), if it gave one. */
  readonly reference?: string;
}

/** One move of a remedy: from where (absent when it was recorded), to where, by whom, when, why. */
export interface RemedyTransition {
  readonly key: string;
  readonly from?: RemedyStatus;
  readonly to: RemedyStatus;
  /** Who or what made the move: a person's id, a worker, `engine`. */
  readonly actor: string;
  readonly at: number;
  readonly reason?: string;
}

/** Which remedies of a batch were new and which already existed (left as they were). */
export interface RecordRemediesResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  /**
   * What became of the follow-up's notices (see `RecordFollowUp.notices`); absent when the
   * call had none, or the store keeps no notices.
   */
  readonly notices?: RecordNoticesResult;
}

/** A move asked of the store: made only if the remedy is currently in one of `from`. */
export interface TransitionRequest {
  readonly from: readonly RemedyStatus[];
  readonly to: RemedyStatus;
  readonly actor: string;
  readonly at: number;
  readonly reason?: string;
}

/** The outcome of a move; a refused move changes nothing. */
export type TransitionResult =
  | { readonly ok: true; readonly from: RemedyStatus }
  /** The lifecycle has no such move (see `MANUAL_TRANSITIONS`). */
  | { readonly ok: false; readonly code: "not_allowed" }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /** Someone else moved it first; `status` is where it is now. */
  | { readonly ok: false; readonly code: "status_mismatch"; readonly status: RemedyStatus };

/** A worker asking the outbox for work. */
export interface ClaimRequest {
  /** Remedies due at or before this instant are claimed. */
  readonly now: number;
  readonly limit: number;
  readonly worker: string;
  /**
   * How long a claim lasts: a remedy still `executing` after `now - leaseMs` (its worker
   * died) is claimed again. Absent: claims never expire.
   */
  readonly leaseMs?: number;
  /**
   * Taking over a claim whose lease ran out counts the attempt it made, if it started one
   * (`startAttempt`; its outcome never came: a hand-over never confirmed, or a worker that died
   * mid-call); a claim that never started its attempt is taken over without counting one. A
   * remedy whose counted attempts reach `maxAttempts` that way goes to the dead letter ("not
   * confirmed after N attempts") instead of being claimed again. Absent: no cap.
   */
  readonly maxAttempts?: number;
}

/** What a worker reports after trying to execute a remedy it claimed. */
export type AttemptReport = (
  | {
      readonly ok: true;
      readonly worker: string;
      readonly at: number;
      /** The other system's id for what it did (a refund id), kept on the remedy. */
      readonly reference?: string;
    }
  | {
      readonly ok: false;
      readonly worker: string;
      readonly at: number;
      readonly error: string;
      /** When to try again (status `failed`); absent: give up (status `dead`, the dead letter). */
      readonly nextAttemptAt?: number;
    }
) & {
  /**
   * When the attempt reported started (its `startAttempt`'s `at`): given, the report is refused
   * (`not_claimed`) unless the claim's attempt under way started then, so an outcome read
   * before a lease ran out is never recorded against a later claim of the same worker.
   */
  readonly attemptStartedAt?: number;
};

/** The outcome of an attempt report. */
export type AttemptResult =
  | { readonly ok: true; readonly status: RemedyStatus; readonly attempts: number }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /** The remedy is not executing under this worker's claim (the lease ran out and it moved on). */
  | { readonly ok: false; readonly code: "not_claimed"; readonly status: RemedyStatus };

/**
 * The other system's confirmation of an attempt whose outcome the outbox already gave up on or
 * moved past: the remedy is dead-lettered by the outbox (its last move was `executing → dead`),
 * failed and waiting for its retry, approved again by a manual retry after an attempt, or
 * executing under a takeover that has not started its own attempt. The customer was paid: the
 * remedy moves to `executed`, counting no new attempt.
 */
export interface LateConfirmation {
  /** Who confirmed (the callback's API key). */
  readonly actor: string;
  readonly at: number;
  /** The other system's id for the payment. */
  readonly reference?: string;
  /** Recorded with the move, e.g. "confirmed after dead-lettering". */
  readonly reason: string;
}

/** The outcome of a late confirmation; a refused one changes nothing. */
export type LateConfirmationResult =
  | { readonly ok: true; readonly from: RemedyStatus; readonly attempts: number }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /**
   * Not a remedy an attempt was made for and left unsettled: never sent, executed, executing
   * with an attempt under way, rejected, cancelled, or dead-lettered by a person.
   */
  | { readonly ok: false; readonly code: "status_mismatch"; readonly status: RemedyStatus };

/**
 * The other system's failure of an attempt the outbox moved past: the remedy is executing under
 * a takeover that has not started its own attempt, and a claim it took over (since the remedy
 * was last claimed from approved or failed) had started one, whose outcome never came. Recorded
 * as that attempt's failure, already counted by the takeover: `failed` (due at `nextAttemptAt`)
 * or `dead`; the takeover's claim is gone, so it never starts (`startAttempt` is false).
 */
export interface LateFailure {
  /** Who reported it (the callback's API key). */
  readonly actor: string;
  readonly at: number;
  readonly error: string;
  /** When to try again (status `failed`); absent: give up (status `dead`, the dead letter). */
  readonly nextAttemptAt?: number;
  /**
   * The remedy's attempts as read when `nextAttemptAt` was worked out: refused
   * (`status_mismatch`) if another attempt was counted since.
   */
  readonly attempts: number;
  /** Recorded with the move, e.g. "failed after the lease of its attempt ran out: …". */
  readonly reason: string;
}

/** The outcome of a late failure; a refused one changes nothing. */
export type LateFailureResult =
  | {
      readonly ok: true;
      readonly from: RemedyStatus;
      readonly to: RemedyStatus;
      readonly attempts: number;
    }
  | { readonly ok: false; readonly code: "unknown_remedy" }
  /** Not executing under an unstarted takeover of an attempt left unsettled (or attempts moved on). */
  | { readonly ok: false; readonly code: "status_mismatch"; readonly status: RemedyStatus };

/** Which remedies to list; every given field must match. Times are incident times, epoch ms. */
export interface RemedyFilter {
  readonly status?: readonly RemedyStatus[];
  readonly customer?: string;
  readonly promise?: string;
  readonly from?: number;
  readonly to?: number;
}

/** Where a page starts: after the remedy with this incident time and key. */
export interface RemedyCursor {
  readonly at: number;
  readonly key: string;
}

/** A page of remedies in (incident time, key) order, and where the next page starts. */
export interface RemedyPage {
  readonly remedies: readonly StoredRemedy[];
  readonly next?: RemedyCursor;
}

/** A remedy with every move it made, oldest first. */
export interface RemedyHistory {
  readonly remedy: StoredRemedy;
  readonly transitions: readonly RemedyTransition[];
}

/** One move a call made: a remedy recorded (no `from`), or moved from one status to another. */
export interface RemedyMove {
  readonly key: string;
  readonly from?: RemedyStatus;
  readonly to: RemedyStatus;
}

/**
 * Ledger entries written in the same transaction as the moves they record, so no remedy is
 * created or moved without its entries, whatever crashes when (and a batch costs one commit).
 */
export interface LedgerFollowUp {
  readonly chain: string;
  /**
   * The entries for the moves the call made (in its order), linked after the chain's `head`.
   * Called inside the transaction, holding the chain: it must be pure and quick.
   */
  entries(moves: readonly RemedyMove[], head: LedgerHead | undefined): readonly LedgerEntry[];
  /**
   * Webhook events for the moves, enqueued in the same transaction (so an event is sent if
   * and only if its move committed), given each moved remedy as it is after the move. A store
   * without webhooks ignores it. Pure and quick, like `entries`.
   */
  readonly events?: (
    moves: readonly RemedyMove[],
    remedies: readonly StoredRemedy[],
  ) => readonly NewWebhookEvent[];
}

/**
 * The customer notices of the remedies a `recordRemedies` call records, written in its
 * transaction: a notice never exists without its remedy, and its webhook events are enqueued
 * if and only if it is recorded — and a batch costs one commit.
 */
export interface NoticeFollowUp {
  /**
   * Each the notice of a remedy of the call (else the call throws, writing nothing), recorded
   * like `NoticeStore.recordNotices`: the first of a key wins, a key already recorded is left
   * as it was.
   */
  readonly notices: readonly Notice[];
  /**
   * The webhook events announcing `notices`, given every one of them, new or already
   * recorded: ids made from the notice keys make a replay enqueue nothing twice. Pure and
   * quick, like `LedgerFollowUp.entries`; a store without webhooks ignores it.
   */
  readonly events?: (notices: readonly Notice[]) => readonly NewWebhookEvent[];
}

/**
 * What `recordRemedies` writes in its transaction besides the remedies: their ledger entries
 * and webhook events, and their notices. A store that keeps notices (`hasNotices`) must write
 * `notices` and report them in `RecordRemediesResult.notices`; one that keeps none ignores them.
 */
export interface RecordFollowUp extends LedgerFollowUp {
  readonly notices?: NoticeFollowUp;
}

/** The remedy store. Each method is atomic. */
export interface RemedyStore {
  /**
   * Records new remedies decided at log position `atSeq`; a key that already exists is left
   * untouched, whoever recorded it, so retries, replays and concurrent workers are harmless.
   * `ledger` is written in the same transaction (see `RecordFollowUp`).
   */
  recordRemedies(
    remedies: readonly NewRemedy[],
    atSeq: number,
    ledger?: RecordFollowUp,
  ): Promise<RecordRemediesResult>;
  /** Moves a remedy if its status is one of `request.from`, and records the move. */
  transition(
    key: string,
    request: TransitionRequest,
    ledger?: LedgerFollowUp,
  ): Promise<TransitionResult>;
  /**
   * Claims up to `limit` due remedies (approved or failed, `nextAttemptAt <= now`) for one
   * worker and moves them to `executing`; no two workers ever hold the same remedy.
   */
  claimDue(request: ClaimRequest, ledger?: LedgerFollowUp): Promise<readonly StoredRemedy[]>;
  /**
   * Marks the attempt of `worker`'s claim on `key` as started (just before the executor is
   * called) and renews the claim's lease from `at`. False, changing nothing, when the remedy is
   * no longer executing under that claim (it was taken over or settled): do not execute it.
   */
  startAttempt(key: string, worker: string, at: number): Promise<boolean>;
  /**
   * Hands back `worker`'s claims on `keys` whose attempt never started (the worker is
   * stopping): each goes back to the status it was claimed from (approved or failed), due when
   * it was (at once, if it had no time), with no attempt counted, so any worker may claim it
   * at once. A key not executing under that claim, or whose attempt started, is left as it is.
   * Each move is recorded, with `ledger` in the same transaction; resolves to the keys
   * released.
   */
  releaseClaims(
    worker: string,
    keys: readonly string[],
    at: number,
    ledger?: LedgerFollowUp,
  ): Promise<readonly string[]>;
  /**
   * Records a late confirmation (see `LateConfirmation`): the move to `executed`, with the
   * reference, and `ledger` in the same transaction.
   */
  confirmLate(
    key: string,
    confirmation: LateConfirmation,
    ledger?: LedgerFollowUp,
  ): Promise<LateConfirmationResult>;
  /**
   * Records a late failure (see `LateFailure`): the move to `failed` or `dead`, counting no new
   * attempt, and `ledger` in the same transaction.
   */
  failLate(key: string, failure: LateFailure, ledger?: LedgerFollowUp): Promise<LateFailureResult>;
  /** Records the outcome of an attempt on a claimed remedy: executed, failed (retry later) or dead. */
  recordAttempt(
    key: string,
    report: AttemptReport,
    ledger?: LedgerFollowUp,
  ): Promise<AttemptResult>;
  /** One page of remedies matching `filter`; pass `next` back as `after` for the following page. */
  listRemedies(
    filter?: RemedyFilter,
    page?: { readonly after?: RemedyCursor; readonly limit?: number },
  ): Promise<RemedyPage>;
  /** A remedy and its transitions, or undefined if no remedy has this key. */
  getRemedy(key: string): Promise<RemedyHistory | undefined>;
  /**
   * Rewrites the `detail` of the remedies of `customer` that `redact` returns a replacement
   * for (an erasure takes a passenger's name out this way); every other field, the status and
   * the transitions stay. Atomic; resolves to how many remedies were rewritten.
   */
  redactRemedies(customer: string, redact: (detail: string) => string | undefined): Promise<number>;
}
