/**
 * Ledger entries written inside the transaction of the remedy moves they record (see the
 * core's `LedgerFollowUp`): the chain's lock is held, its head read, the caller's entries
 * checked to continue it and inserted.
 */
import type { LedgerFollowUp, RemedyMove } from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "./backend.js";
import { chainLock, entryRow, follows, head, unlinked } from "./ledger-store.js";
import type { Database } from "./schema.js";

/** The locks a write with `ledger` must hold, for `Backend.write`. */
export function followUpLocks(ledger: LedgerFollowUp | undefined): string[] {
  return ledger ? [chainLock(ledger.chain)] : [];
}

/**
 * Appends `ledger`'s entries for `moves`. Entries that do not continue the chain are a bug in
 * the caller; throwing rolls the moves back with them.
 */
export async function appendFollowUp(
  backend: Backend,
  trx: Kysely<Database>,
  ledger: LedgerFollowUp | undefined,
  moves: readonly RemedyMove[],
): Promise<void> {
  if (ledger === undefined || moves.length === 0) return;
  const top = await head(trx, ledger.chain);
  const entries = ledger.entries(moves, top);
  const first = entries[0];
  if (first === undefined) return;
  if (unlinked(ledger.chain, entries) !== undefined || !follows(top, first)) {
    throw new Error(`the ledger follow-up does not continue chain ${ledger.chain}`);
  }
  await backend.insertRows(trx, "ledger_entries", entries.map(entryRow));
}
