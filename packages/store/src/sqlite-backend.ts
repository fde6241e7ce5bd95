/**
 * SQLite through better-sqlite3: one file, WAL, and one writer at a time (BEGIN IMMEDIATE).
 *
 * Durability: `synchronous=FULL` by default. In WAL mode NORMAL already survives a killed
 * process (a committed transaction is in the WAL, which the OS keeps), but not a power cut
 * or kernel crash after the commit returned. An acknowledged event is one a producer will
 * not re-send, so FULL pays one fsync per commit to keep it through power loss too; batched
 * appends make that one fsync per batch, not per event.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, type SqliteDatabase, SqliteDialect, type SqliteStatement, sql } from "kysely";
import { type Backend, sleep } from "./backend.js";
import type { Database } from "./schema.js";

/** How to open a SQLite store. */
export interface SqliteBackendOptions {
  readonly path: string;
  readonly synchronous: "full" | "normal";
  /** How long a write waits for another connection's write lock before it fails. */
  readonly busyTimeoutMs: number;
}

// Kysely prepares every query anew; caching statements by text keeps ingest off the parser.
const STATEMENT_CACHE_SIZE = 256;

/** better-sqlite3's `prepare`, remembering the last STATEMENT_CACHE_SIZE statements. */
function statementCache(
  raw: BetterSqlite3.Database,
  setUp: (statement: BetterSqlite3.Statement) => BetterSqlite3.Statement = (s) => s,
): (text: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (text) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = setUp(raw.prepare(text));
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(text, statement);
    }
    return statement;
  };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** Opens (creating if needed) a SQLite database file with the store's pragmas. */
export function openSqliteBackend(options: SqliteBackendOptions): Backend {
  if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
  // No busy timeout in the driver: it would block the event loop, and a second connection
  // in the same process could then never let the first one finish. Writers wait in
  // `beginImmediate` instead, asynchronously.
  const raw = new BetterSqlite3(options.path, { timeout: 0 });
  try {
    if (raw.pragma("journal_mode", { simple: true }) !== "wal") {
      raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
      raw.pragma("journal_mode = WAL");
      raw.pragma("busy_timeout = 0");
    }
    raw.pragma(`synchronous = ${options.synchronous === "normal" ? "NORMAL" : "FULL"}`);
    raw.pragma("foreign_keys = ON");
    // Deleted and overwritten content is zeroed, not left in free space: an erased customer's
    // data must not be readable from the file (the log is append-only, so this costs little).
    raw.pragma("secure_delete = ON");
  } catch (error) {
    raw.close();
    throw error;
  }
  const prepare = statementCache(raw);
  // Statements in array mode are their own: better-sqlite3's raw() changes a statement for
  // every caller, and Kysely's must keep returning objects.
  const prepareRaw = statementCache(raw, (statement) => statement.raw(true));
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare: (text) => prepare(text) as unknown as SqliteStatement,
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });

  async function beginImmediate(conn: Kysely<Database>): Promise<void> {
    const deadline = Date.now() + options.busyTimeoutMs;
    let delay = 1;
    for (;;) {
      try {
        await sql`begin immediate`.execute(conn);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await sleep(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 50);
      }
    }
  }

  return {
    dialect: "sqlite",
    db,
    rowLocks: false,
    write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
      return db.connection().execute(async (conn) => {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads first
        // could fail to upgrade later, after doing its work.
        await beginImmediate(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      });
    },
    // One prepared statement run per row: SQLite is in-process, so a row costs a call, not a
    // round trip, and nothing is parsed or compiled per batch.
    async insertRows(_trx, table, rows, conflict) {
      const first = rows[0];
      if (first === undefined) return [];
      if (!raw.inTransaction) throw new Error("insertRows runs inside write()");
      const columns = Object.keys(first);
      const statement = prepare(
        `insert into ${quoted(table)} (${columns.map(quoted).join(", ")}) values (${columns.map(() => "?").join(", ")})${conflict ? ` on conflict (${quoted(conflict)}) do nothing` : ""}`,
      );
      return rows.map((row) => {
        const values = row as Record<string, unknown>;
        return statement.run(columns.map((c) => values[c] ?? null)).changes > 0;
      });
    },
    async selectArrays(query) {
      return prepareRaw(query.sql).all(...query.parameters) as unknown[][];
    },
    // The write-ahead log still holds the pages as they were before an erasure: copy it into
    // the database (whose freed space secure_delete zeroes) and cut it to nothing.
    async scrub() {
      raw.pragma("wal_checkpoint(TRUNCATE)");
    },
    close: () => db.destroy(),
  };
}
