/**
 * The store's remedies table compared with the remedies chain. The chain vouches only for
 * itself (FORMAT.md §3): an operator who edits a remedy's amount or status in the table, or
 * deletes its row, leaves it verifying. Every row must have its `remedy.planned` entry, with
 * the same amount, and the status the ledger last moved it to; every remedy the chain names
 * must still have its row.
 */
import type { LedgerEntry, RemedyStore, StoredRemedy } from "@goodfaith/core";
import { pseudonym } from "../ledger/pseudonym.js";
import { type LedgerComparison, ledgerComparison } from "./ledger-comparison.js";

/** Why a remedy row and the ledger disagree. */
export type RemedyMismatchReason =
  | "missing_from_ledger"
  | "amount_differs"
  | "status_differs"
  | "missing_from_table";

/** One remedy on which the table and the ledger disagree. */
export interface RemedyMismatch {
  readonly reason: RemedyMismatchReason;
  /** The remedy's key; absent when its row is gone (`missing_from_table`). */
  readonly key?: string;
  /** Its pseudonym, as the ledger names it. */
  readonly remedyKey: string;
  /** What the ledger says: an amount ("4.99 USD", "none") or a status. */
  readonly expected?: string;
  /** What the table holds instead. */
  readonly found?: string;
}

/**
 * The table compared with the ledger: every row, and every remedy the ledger names without a
 * row; the rows that disagree in table order, then the ledger's remedies without a row.
 */
export type RemedyCheck = LedgerComparison<RemedyMismatch>;

/** The remedies table as the comparison reads it. */
export type RemedyTable = Pick<RemedyStore, "listRemedies" | "getRemedy">;

// What the ledger says about one remedy.
interface Ledgered {
  planned: boolean;
  money: string;
  status: string;
  seen: boolean;
}

type Row = Pick<StoredRemedy, "key" | "amount" | "status">;

// A remedy recorded as needing a person is on the ledger as `remedy.planned` alone.
const UNMOVED = "awaiting_approval";
const NO_AMOUNT = "none";
const PAGE = 1000;
// Rows are read after the ledger, so a remedy that moved in between looks changed; each round
// reads the ledger again, then those rows again. A row edited by hand differs every round.
const ROUNDS = 3;

const money = (amount: string | undefined, currency: string | undefined): string =>
  amount === undefined || currency === undefined ? NO_AMOUNT : `${amount} ${currency}`;

/** The remedies chain, folded entry by entry into what it says about each remedy. */
export class RemedyLedger {
  readonly #byRef = new Map<string, Ledgered>();
  #seq = 0;

  /** The seq of the last entry pushed. */
  get seq(): number {
    return this.#seq;
  }

  /** Takes the next entry of the chain into account. */
  push(entry: LedgerEntry): void {
    this.#seq = entry.seq;
    if (entry.remedyKey === undefined) return;
    let r = this.#byRef.get(entry.remedyKey);
    if (r === undefined) {
      r = { planned: false, money: NO_AMOUNT, status: UNMOVED, seen: false };
      this.#byRef.set(entry.remedyKey, r);
    }
    if (entry.kind === "remedy.planned") {
      r.planned = true;
      r.money = money(entry.amount, entry.currency);
    }
    if (entry.to !== undefined) r.status = entry.to;
  }

  /** How `row` (pseudonym `ref`) differs from the ledger, if it does; marks it compared. */
  check(row: Row, ref: string): RemedyMismatch | undefined {
    const r = this.#byRef.get(ref);
    if (r === undefined || !r.planned) {
      return { reason: "missing_from_ledger", key: row.key, remedyKey: ref };
    }
    r.seen = true;
    const found = money(row.amount?.amount, row.amount?.currency);
    if (found !== r.money) {
      return { reason: "amount_differs", key: row.key, remedyKey: ref, expected: r.money, found };
    }
    if (row.status !== r.status) {
      const reason = "status_differs";
      return { reason, key: row.key, remedyKey: ref, expected: r.status, found: row.status };
    }
    return undefined;
  }

  /** The remedies the ledger names that no row was compared with. */
  *unseen(): Iterable<RemedyMismatch> {
    for (const [remedyKey, r] of this.#byRef) {
      if (!r.seen) yield { reason: "missing_from_table", remedyKey };
    }
  }
}

/**
 * Compares every row of `table` with `ledger`, the remedies chain read (and verified) before
 * the table: every remedy on it was committed with its row by then, so a row it names and the
 * table lacks was deleted. `more(seq)` reads the chain's entries after `seq`, to follow
 * remedies that moved (or were recorded) while the table was read.
 */
export async function compareRemedies(
  table: RemedyTable,
  secret: string,
  ledger: RemedyLedger,
  more: (afterSeq: number) => AsyncIterable<LedgerEntry>,
): Promise<RemedyCheck> {
  let suspects: Row[] = [];
  let checked = 0;
  let page = await table.listRemedies({}, { limit: PAGE });
  for (;;) {
    for (const row of page.remedies) {
      checked++;
      if (ledger.check(row, pseudonym(secret, row.key))) suspects.push(row);
    }
    if (page.next === undefined) break;
    page = await table.listRemedies({}, { after: page.next, limit: PAGE });
  }
  let mismatches: RemedyMismatch[] = [];
  for (let round = 1; round <= ROUNDS && suspects.length > 0; round++) {
    if (round > 1) suspects = await reread(table, mismatches);
    for await (const entry of more(ledger.seq)) ledger.push(entry);
    mismatches = suspects.flatMap((row) => ledger.check(row, pseudonym(secret, row.key)) ?? []);
  }
  const missing = [...ledger.unseen()];
  return ledgerComparison(checked + missing.length, [...mismatches, ...missing]);
}

// The rows of `mismatches` as they are now; a row deleted meanwhile is left to the next run.
async function reread(table: RemedyTable, mismatches: readonly RemedyMismatch[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { key } of mismatches) {
    const now = key === undefined ? undefined : await table.getRemedy(key);
    if (now !== undefined) rows.push(now.remedy);
  }
  return rows;
}
