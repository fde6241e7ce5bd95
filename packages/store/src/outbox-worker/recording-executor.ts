/** The default executor: carries out nothing, always succeeds, and remembers every call. */
import type {
  ExecutionAttempt,
  ExecutionResult,
  RemedyExecutor,
  RemedyToExecute,
} from "@goodfaith/core";

/** One call the recording executor received. */
export interface RecordedExecution {
  readonly remedy: RemedyToExecute;
  readonly attempt: ExecutionAttempt;
}

/**
 * Executes nothing and answers success, recording each call in memory: for dry runs (the
 * remedies move through their lifecycle and the ledger without money moving) and for tests.
 */
export class RecordingExecutor implements RemedyExecutor {
  readonly #calls: RecordedExecution[] = [];

  /** Every call so far, oldest first. */
  get calls(): readonly RecordedExecution[] {
    return this.#calls;
  }

  async execute(remedy: RemedyToExecute, attempt: ExecutionAttempt): Promise<ExecutionResult> {
    this.#calls.push(Object.freeze({ remedy, attempt: Object.freeze({ ...attempt }) }));
    return { ok: true, reference: `recorded:${attempt.idempotencyKey}` };
  }
}
