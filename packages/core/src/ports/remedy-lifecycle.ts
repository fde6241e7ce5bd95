/**
 * The remedy lifecycle: the statuses a remedy moves through and which moves are allowed.
 * Every adapter enforces the same table, so a remedy cannot skip approval in one store and
 * not in another.
 */

/** Every status a remedy can be in. */
export const REMEDY_STATUSES = [
  "planned",
  "awaiting_approval",
  "approved",
  "executing",
  "executed",
  "failed",
  "rejected",
  "cancelled",
  "dead",
] as const;

/**
 * Where a remedy is. `failed` means the last attempt failed and another is scheduled;
 * `dead` is the dead letter: no more automatic attempts, a person decides (retry or cancel).
 */
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

/** Statuses a remedy may start in when it is recorded. */
export type InitialRemedyStatus = "planned" | "awaiting_approval" | "approved";

/**
 * Moves a person or a service may make with `transition`. Moves into and out of `executing`
 * are not here: only the outbox makes them (`claimDue`, `releaseClaims`, `recordAttempt`), so
 * every attempt is claimed by one worker and counted.
 */
export const MANUAL_TRANSITIONS: Readonly<Record<RemedyStatus, readonly RemedyStatus[]>> = {
  planned: ["awaiting_approval", "approved", "cancelled"],
  awaiting_approval: ["approved", "rejected", "cancelled"],
  approved: ["cancelled"],
  executing: [],
  executed: [],
  // A manual retry of a failed or dead remedy moves it back to approved, due at once.
  failed: ["approved", "dead", "cancelled"],
  dead: ["approved", "cancelled"],
  rejected: [],
  cancelled: [],
};

/**
 * Moves only the outbox makes: a claim, a claim handed back unstarted (`releaseClaims`), and
 * the outcome of an attempt — including the other system's late confirmation of an attempt
 * the outbox already gave up on (`confirmLate`), or its failure of one a takeover moved past
 * before sending (`failLate`).
 */
export const OUTBOX_TRANSITIONS: Readonly<Record<RemedyStatus, readonly RemedyStatus[]>> = {
  planned: [],
  awaiting_approval: [],
  // approved → executed: confirmed after a manual retry of an attempted remedy.
  approved: ["executing", "executed"],
  // executing → executing: a claim whose lease ran out is taken over by another worker.
  // executing → approved or failed: a stopping worker hands back a claim it never started.
  executing: ["executed", "failed", "dead", "executing", "approved"],
  executed: [],
  failed: ["executing", "executed"],
  // dead → executed: the payment was confirmed after the outbox dead-lettered the remedy.
  dead: ["executed"],
  rejected: [],
  cancelled: [],
};

/** Whether `transition` may move a remedy from `from` to `to`. */
export function canTransition(from: RemedyStatus, to: RemedyStatus): boolean {
  return MANUAL_TRANSITIONS[from].includes(to);
}

/** Whether a remedy in `status` will never move again. */
export function isFinalStatus(status: RemedyStatus): boolean {
  return MANUAL_TRANSITIONS[status].length === 0 && OUTBOX_TRANSITIONS[status].length === 0;
}
