/**
 * Ledger chains: appends hold the chain's lock (advisory on PostgreSQL, the single writer on
 * SQLite) while they check that the batch continues the head, and the primary key
 * (chain, seq) makes a fork impossible even for a writer that skipped the check. Each field
 * of an entry has its own column, NULL for an absent optional field, so an entry comes back
 * exactly as it went in and its hash can be recomputed.
 */
import type { LedgerAppendResult, LedgerEntry, LedgerHead, LedgerStore } from "@goodfaith/core";
import type { Kysely, Selectable } from "kysely";
import type { Backend } from "./backend.js";
import type { Database, LedgerEntriesTable } from "./schema.js";

const READ_PAGE = 1000;

/** An entry as its row. */
export function entryRow(e: LedgerEntry): LedgerEntriesTable {
  return {
    chain: e.chain,
    seq: e.seq,
    at_ms: e.at,
    kind: e.kind,
    remedy_key: e.remedyKey ?? null,
    customer_ref: e.customerRef ?? null,
    actor: e.actor,
    from_status: e.from ?? null,
    to_status: e.to ?? null,
    amount: e.amount ?? null,
    currency: e.currency ?? null,
    facts: e.facts ?? null,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

// Field order as the ledger format lists it, so a stored entry reads like a fresh one.
function entry(row: Selectable<LedgerEntriesTable>): LedgerEntry {
  return {
    chain: row.chain,
    seq: Number(row.seq),
    at: Number(row.at_ms),
    kind: row.kind,
    ...(row.remedy_key !== null && { remedyKey: row.remedy_key }),
    ...(row.customer_ref !== null && { customerRef: row.customer_ref }),
    actor: row.actor,
    ...(row.from_status !== null && { from: row.from_status }),
    ...(row.to_status !== null && { to: row.to_status }),
    ...(row.amount !== null && { amount: row.amount }),
    ...(row.currency !== null && { currency: row.currency }),
    ...(row.facts !== null && { facts: row.facts }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The last entry of `chain`, read with `db` (a transaction holding the chain, or not). */
export async function head(db: Kysely<Database>, chain: string): Promise<LedgerHead | undefined> {
  const row = await db
    .selectFrom("ledger_entries")
    .select(["seq", "hash"])
    .where("chain", "=", chain)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && { seq: Number(row.seq), hash: row.hash };
}

/** The index of the first entry that is not of `chain` or does not follow the one before. */
export function unlinked(chain: string, entries: readonly LedgerEntry[]): number | undefined {
  for (let i = 0; i < entries.length; i++) {
    const current = entries[i];
    const before = i === 0 ? undefined : entries[i - 1];
    if (!current || current.chain !== chain) return i;
    if (before && (current.seq !== before.seq + 1 || current.prevHash !== before.hash)) return i;
  }
  return undefined;
}

/** Whether `first` continues the chain whose last entry is `top`. */
export function follows(top: LedgerHead | undefined, first: LedgerEntry): boolean {
  return top ? first.seq === top.seq + 1 && first.prevHash === top.hash : first.seq === 1;
}

/** The lock a writer of `chain` holds (see `Backend.write`). */
export const chainLock = (chain: string) => `ledger:${chain}`;

async function appendLedger(
  backend: Backend,
  chain: string,
  entries: readonly LedgerEntry[],
): Promise<LedgerAppendResult> {
  const first = entries[0];
  const last = entries.at(-1);
  if (first === undefined || last === undefined) {
    throw new TypeError("appendLedger needs at least one entry");
  }
  const index = unlinked(chain, entries);
  if (index !== undefined) return { ok: false, code: "not_linked", index };
  return backend.write(
    async (trx): Promise<LedgerAppendResult> => {
      const top = await head(trx, chain);
      if (!follows(top, first)) {
        return top
          ? { ok: false, code: "head_moved", head: top }
          : { ok: false, code: "head_moved" };
      }
      await backend.insertRows(trx, "ledger_entries", entries.map(entryRow));
      return { ok: true, head: { seq: last.seq, hash: last.hash } };
    },
    [chainLock(chain)],
  );
}

/** The ledger store over a backend. */
export function createLedgerStore(backend: Backend): LedgerStore {
  const { db } = backend;
  return {
    appendLedger: (chain, entries) => appendLedger(backend, chain, entries),

    async *readLedger(chain: string, afterSeq = 0): AsyncIterable<LedgerEntry> {
      let after = afterSeq;
      for (;;) {
        const page = await db
          .selectFrom("ledger_entries")
          .selectAll()
          .where("chain", "=", chain)
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(READ_PAGE)
          .execute();
        for (const row of page) yield entry(row);
        const last = page.at(-1);
        if (page.length < READ_PAGE || last === undefined) return;
        after = Number(last.seq);
      }
    },

    ledgerHead: (chain) => head(db, chain),

    async listLedgerChains(): Promise<readonly string[]> {
      const rows = await db
        .selectFrom("ledger_entries")
        .select("chain")
        .distinct()
        .orderBy("chain")
        .execute();
      return rows.map((r) => r.chain);
    },
  };
}
