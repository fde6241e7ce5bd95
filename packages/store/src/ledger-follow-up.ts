/**
 * Ledger entries written inside the transaction of the remedy moves they record (see the
 * core's `LedgerFollowUp`): the chain's lock is held, its head read, the caller's entries
 * checked to continue it and inserted.
 */
import type { LedgerFollowUp, RemedyMove } from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "./backend.js";
import { chainLock, entryRow, follows, head, unlinked } from "./ledger-store.js";
import { storedRemedy } from "./remedy-rows.js";
import type { Database } from "./schema.js";
import { enqueueDeliveries } from "./webhooks/store.js";

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
  if (first !== undefined) {
    if (unlinked(ledger.chain, entries) !== undefined || !follows(top, first)) {
      throw new Error(`the ledger follow-up does not continue chain ${ledger.chain}`);
    }
    await backend.insertRows(trx, "ledger_entries", entries.map(entryRow));
  }
  if (ledger.events !== undefined) await enqueueFollowUpEvents(backend, trx, ledger.events, moves);
}

// The moved remedies as they are now, in this transaction, handed to the follow-up's events.
async function enqueueFollowUpEvents(
  backend: Backend,
  trx: Kysely<Database>,
  events: NonNullable<LedgerFollowUp["events"]>,
  moves: readonly RemedyMove[],
): Promise<void> {
  // Most stores have no endpoint: then there is nothing to read or build (ingest's hot path).
  const endpoint = await trx
    .selectFrom("webhook_endpoints")
    .select("id")
    .where("disabled_at_ms", "is", null)
    .limit(1)
    .executeTakeFirst();
  if (endpoint === undefined) return;
  const keys = [...new Set(moves.map((m) => m.key))];
  const rows = await trx.selectFrom("remedies").selectAll().where("key", "in", keys).execute();
  await enqueueDeliveries(backend, trx, events(moves, rows.map(storedRemedy)));
}
