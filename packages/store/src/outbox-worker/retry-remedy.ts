/** The manual retry of a dead or failed remedy. */
import type { Store, TransitionResult } from "@goodfaith/core";
import { ledgerSecret } from "../ingest/secret.js";
import { movesOnLedger } from "./run-outbox.js";

/** Options of a manual retry. */
export interface RetryOptions {
  /** Why, recorded with the move. @default "manual retry" */
  readonly reason?: string;
  /** The secret for ledger pseudonyms. @default the store's own (see `ledgerSecret`) */
  readonly secret?: string;
}

/**
 * The manual retry: moves a dead (or failed) remedy back to approved, due at `now`, as `actor`
 * (a person's or a service's id, never a customer's), and appends the move to the ledger.
 * A refusal (`status_mismatch`, `unknown_remedy`) changes nothing and writes no ledger entry.
 */
export async function retryRemedy(
  store: Store,
  key: string,
  actor: string,
  now: number,
  options: RetryOptions = {},
): Promise<TransitionResult> {
  if (actor.length === 0) throw new RangeError("retryRemedy: actor must not be empty");
  const secret = options.secret ?? (await ledgerSecret(store));
  return store.transition(
    key,
    {
      from: ["dead", "failed"],
      to: "approved",
      actor,
      at: now,
      reason: options.reason ?? "manual retry",
    },
    movesOnLedger(secret, actor, now),
  );
}
