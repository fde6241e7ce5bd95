/**
 * What the store's modules need from a database, whichever it is: a Kysely instance for
 * reads, and a way to run a write atomically. Dialect differences stay in the two backends.
 */
import type { CompiledQuery, Insertable, Kysely } from "kysely";
import type { DialectName } from "./migrations.js";
import type { Database } from "./schema.js";

/** A table's rows as they are inserted. */
export type NewRows<T extends keyof Database> = readonly Insertable<Database[T]>[];

/** A database the store's modules can use. */
export interface Backend {
  readonly dialect: DialectName;
  /** For reads outside a write; each statement sees committed data. */
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in one transaction: all of it commits or none of it. `locks` name what the
   * work must hold exclusively (e.g. `ledger:<chain>`): SQLite's single writer holds
   * everything already; PostgreSQL takes a transaction-scoped advisory lock per name. The
   * work may run more than once (after a deadlock), so it must only touch the database.
   */
  write<T>(work: (trx: Kysely<Database>) => Promise<T>, locks?: readonly string[]): Promise<T>;
  /**
   * Inserts `rows` (all with the same columns) inside a `write`, the fastest way the driver
   * has — the hot path of ingest, where building a query per batch would cost more than the
   * database's own work. With `conflict`, a row whose `conflict` column already holds its value
   * is skipped. Resolves to whether each row was inserted, in order.
   */
  insertRows<T extends keyof Database & string>(
    trx: Kysely<Database>,
    table: T,
    rows: NewRows<T>,
    conflict?: keyof Database[T] & string,
  ): Promise<boolean[]>;
  /**
   * Runs a read (outside a write) and resolves to its rows as arrays of column values, in
   * the select's order — the hot path of replaying a whole log, where the driver's object per
   * row would cost more than reading the row.
   */
  selectArrays(query: CompiledQuery): Promise<unknown[][]>;
  /** Leaves no erased bytes in the database's files, where it can (see `scrubErased`). */
  scrub?(): Promise<void>;
  /** Whether `SELECT … FOR UPDATE [SKIP LOCKED]` exists (PostgreSQL) — SQLite's writer needs none. */
  readonly rowLocks: boolean;
  close(): Promise<void>;
}

/** Splits `items` into arrays of at most `size`, to stay under each driver's parameter limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
