/**
 * The execution side of exactly-once remedies: the outbox worker (`runOutbox`), the manual
 * retry (`retryRemedy`), the default `RecordingExecutor`, and the backoff it schedules with.
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
export {
  executorActor,
  movesOnLedger,
  type OutboxOutcome,
  type OutboxSummary,
  type RetryOptions,
  retryAt,
  retryRemedy,
  runOutbox,
} from "./run-outbox.js";
export { type Settlement, type SettleResult, settleRemedy } from "./settle-remedy.js";
