/**
 * Ledger entries written inside the transaction of the remedy moves they record (see the
 * core's `LedgerFollowUp`): the chain's lock is held, its head read, the caller's entries
 * checked to continue it and inserted. Webhook events of the moves, and the notices of the
 * remedies recorded with their own events (`RecordFollowUp`), join the same transaction.
 */
import type {
  LedgerFollowUp,
  Notice,
  NoticeFollowUp,
  RecordNoticesResult,
  RemedyMove,
  RemedyStatus,
} from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "./backend.js";
import { chainLock, entryRow, follows, head, unlinked } from "./ledger-store.js";
import { firstOfEachKey, insertNotices } from "./notices.js";
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

/** One move of one remedy from a status it had, as its transition row records it. */
export interface RecordedMove {
  readonly key: string;
  readonly from: RemedyStatus;
  readonly to: RemedyStatus;
  readonly actor: string;
  readonly at: number;
  readonly reason: string | null;
}

/** Records `move` inside `trx`: its transition row, then its ledger entry (`appendFollowUp`). */
export async function recordMove(
  backend: Backend,
  trx: Kysely<Database>,
  ledger: LedgerFollowUp | undefined,
  move: RecordedMove,
): Promise<void> {
  const { key, from, to } = move;
  await trx
    .insertInto("remedy_transitions")
    .values({
      key,
      from_status: from,
      to_status: to,
      actor: move.actor,
      at_ms: move.at,
      reason: move.reason,
    })
    .execute();
  await appendFollowUp(backend, trx, ledger, [{ key, from, to }]);
}

/**
 * The notices of `follow` to record with the remedies `keys`, one per key. A notice of no
 * remedy of the call is a bug in the caller, refused before anything is written.
 */
export function followUpNotices(
  follow: NoticeFollowUp | undefined,
  keys: ReadonlyMap<string, unknown>,
): Notice[] {
  const notices = firstOfEachKey(follow?.notices ?? []);
  const stray = notices.find((n) => !keys.has(n.key));
  if (stray) throw new TypeError(`the notice ${stray.key} is of no remedy recorded with it`);
  return notices;
}

/**
 * Records `notices` (from `followUpNotices`) and enqueues their webhook events, inside the
 * transaction of their remedies; undefined when `follow` had none.
 */
export async function recordFollowUpNotices(
  backend: Backend,
  trx: Kysely<Database>,
  follow: NoticeFollowUp | undefined,
  notices: readonly Notice[],
): Promise<RecordNoticesResult | undefined> {
  if (follow === undefined) return undefined;
  const recorded = await insertNotices(backend, trx, notices);
  // Every notice, new or not: a store written when notices had a transaction of their own may
  // hold one whose event a crash kept out; ids made from notice keys enqueue nothing twice.
  if (follow.events !== undefined && notices.length > 0 && (await activeEndpoint(trx))) {
    await enqueueDeliveries(backend, trx, follow.events(notices));
  }
  return recorded;
}

// Most stores have no endpoint: then there is nothing to read or build (ingest's hot path).
async function activeEndpoint(trx: Kysely<Database>): Promise<boolean> {
  const endpoint = await trx
    .selectFrom("webhook_endpoints")
    .select("id")
    .where("disabled_at_ms", "is", null)
    .limit(1)
    .executeTakeFirst();
  return endpoint !== undefined;
}

// The moved remedies as they are now, in this transaction, handed to the follow-up's events.
async function enqueueFollowUpEvents(
  backend: Backend,
  trx: Kysely<Database>,
  events: NonNullable<LedgerFollowUp["events"]>,
  moves: readonly RemedyMove[],
): Promise<void> {
  if (!(await activeEndpoint(trx))) return;
  const keys = [...new Set(moves.map((m) => m.key))];
  const rows = await trx.selectFrom("remedies").selectAll().where("key", "in", keys).execute();
  await enqueueDeliveries(backend, trx, events(moves, rows.map(storedRemedy)));
}
