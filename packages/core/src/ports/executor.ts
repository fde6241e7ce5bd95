/**
 * The executor port: how a remedy is actually carried out (a refund issued, points credited,
 * a voucher sent). The outbox claims a due remedy, hands it to the executor once per attempt,
 * and records what the executor answered.
 *
 * What the port deliberately leaves out:
 * - No transactions: the executor talks to another system (a payment provider, a CRM), which
 *   cannot join the store's transaction. Exactly-once comes from the idempotency key instead:
 *   every attempt of one remedy carries the same key, so the other system can recognise a
 *   retried call (after a crash, or a lease that ran out mid-call) and not pay twice.
 * - No callbacks in the port: an executor that hands the remedy over and waits for the other
 *   system's confirmation answers `pending`; the confirmation arrives later through the
 *   service (`settleRemedy`), and until then the remedy stays executing under its claim.
 * - No scheduling, retries or backoff: the outbox decides when to try again; the executor
 *   only says whether a failure is worth retrying.
 * - No connection, client or credential types: an adapter holds whatever it needs.
 */
import type { RemedyKind } from "../promises/document.js";
import type { DecimalMoney } from "./remedy-store.js";

/** The remedy to carry out, as the store recorded it (a `StoredRemedy` is one). Times are epoch ms. */
export interface RemedyToExecute {
  /** The remedy's idempotency key. */
  readonly key: string;
  readonly promise: string;
  readonly version: string;
  /** The customer's pseudonymous id; personal data lives in the customer data store. */
  readonly customer: string;
  readonly kind: RemedyKind;
  readonly amount?: DecimalMoney;
  /** Event time of the incident. */
  readonly at: number;
  readonly dueBy?: number;
  /** The whole remedy as JSON (split, explanation, notice…). */
  readonly detail: string;
}

/** Which attempt this is. */
export interface ExecutionAttempt {
  /** 1 for the first attempt, then 2, 3…; counts every attempt the store recorded. */
  readonly number: number;
  /**
   * The key the other system should de-duplicate on: the remedy's idempotency key, the same
   * on every attempt, so a retried call after an unknown outcome is never carried out twice.
   */
  readonly idempotencyKey: string;
}

/** What an attempt came to. */
export type ExecutionResult =
  /** Done; `reference` is the other system's id for it (a refund id), if it gave one. */
  | { readonly ok: true; readonly reference?: string }
  /**
   * Not done. `retryable`: worth trying again later (a timeout, a 503); otherwise the remedy
   * goes to the dead letter at once (a closed account, a refused card) and a person decides.
   */
  | {
      readonly ok: false;
      readonly error: string;
      readonly retryable: boolean;
      readonly pending?: undefined;
    }
  /**
   * Handed over, not done yet: the other system will confirm or fail it by callback. The
   * remedy stays executing; if no callback comes before the claim's lease runs out, the
   * outbox hands it out again with the same idempotency key. `ok` is false so that a caller
   * unaware of this case never takes it for executed.
   */
  | { readonly ok: false; readonly pending: true };

/** Whether an executor's answer is `pending` (awaiting the other system's callback). */
export function isPendingResult(
  result: ExecutionResult,
): result is { readonly ok: false; readonly pending: true } {
  return !result.ok && result.pending === true;
}

/**
 * Carries out remedies. An executor should answer with a result rather than throw; the outbox
 * treats a thrown error or a rejected promise as a retryable failure.
 */
export interface RemedyExecutor {
  execute(remedy: RemedyToExecute, attempt: ExecutionAttempt): Promise<ExecutionResult>;
}
