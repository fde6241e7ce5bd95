/**
 * The execution side of exactly-once remedies: the outbox worker (`runOutbox`), the manual
 * retry (`retryRemedy`), the default `RecordingExecutor`, the backoff it schedules with, and
 * the background worker a process runs (`startOutboxWorker`).
 */
export { backoffCeiling, backoffDelay } from "./backoff.js";
export { type Decision, decideRemedy } from "./decide-remedy.js";
export {
  type BackoffOptions,
  type OutboxOptions,
  type ResolvedOutboxOptions,
  resolveOutboxOptions,
} from "./options.js";
export { type RecordedExecution, RecordingExecutor } from "./recording-executor.js";
export { type RetryOptions, retryRemedy } from "./retry-remedy.js";
export {
  executorActor,
  movesOnLedger,
  type OutboxOutcome,
  type OutboxSummary,
  retryAt,
  runOutbox,
} from "./run-outbox.js";
export { type Settlement, type SettleResult, settleRemedy } from "./settle-remedy.js";
export {
  addPasses,
  type OutboxPass,
  type OutboxWorker,
  type OutboxWorkerOptions,
  outboxPass,
  outboxPassBusy,
  startOutboxWorker,
} from "./worker.js";
