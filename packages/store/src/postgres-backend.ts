/**
 * PostgreSQL through node-postgres: a pool of connections, READ COMMITTED transactions, and
 * advisory locks wherever the store needs one writer at a time (per event log, per ledger
 * chain, per promise's budget). `synchronous_commit` is left at the server's default (on), so
 * a commit that returned is on disk.
 */
import { userInfo } from "node:os";
import { CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { type Backend, sleep } from "./backend.js";
import type { Database } from "./schema.js";

/** How to open a PostgreSQL store. */
export interface PostgresBackendOptions {
  readonly url: string;
  /** Schema for every table (set as the search_path); absent: the server's default. */
  readonly schema?: string;
  readonly maxConnections: number;
}

const INT8 = 20;
// PostgreSQL's limit is 65,535 parameters a statement.
const MAX_PARAMETERS = 60_000;
const ROWS_PER_INSERT = 1000;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `insert into table (columns) values ($1, …), … [on conflict do nothing returning conflict]`. */
function insertText(
  table: string,
  columns: readonly string[],
  rows: number,
  conflict: string | undefined,
): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * columns.length;
    tuples.push(`(${columns.map((_, c) => `$${base + c + 1}`).join(", ")})`);
  }
  const head = `insert into ${quoted(table)} (${columns.map(quoted).join(", ")}) values ${tuples.join(", ")}`;
  return conflict === undefined
    ? head
    : `${head} on conflict (${quoted(conflict)}) do nothing returning ${quoted(conflict)}`;
}

// BIGINT columns hold sequence numbers, epoch ms and counts, all far below 2^53; money is
// TEXT. So int8 parses to a number, for this pool only (pg's global parsers stay untouched).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

// Deadlocks and serialization failures leave nothing behind; the transaction can run again.
const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_RETRIES = 8;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE.has(code);
}

/**
 * `url` with a user filled in if it names none: node-postgres falls back to `$USER` only,
 * which services and containers often lack; psql and libpq use the operating system's user.
 * (A user in pg's `user` option would not help: the URL's empty user overrides it.)
 */
function withUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username !== "") return url;
  let user = process.env.PGUSER || process.env.USER;
  try {
    user ||= userInfo().username;
  } catch {
    // No passwd entry for this process: leave the user to the driver and the server.
  }
  if (user) parsed.username = encodeURIComponent(user);
  return parsed.toString();
}

/** A PostgreSQL schema name the store accepts (it is spliced into the search_path). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connects a pool to PostgreSQL (lazily: the first query opens the first connection). */
export function openPostgresBackend(options: PostgresBackendOptions): Backend & {
  readonly schema?: string;
} {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: withUser(options.url),
    max: options.maxConnections,
    // A network that drops packets silently must fail a connection or a pass, not hang it:
    // connecting gives up after 10 s, and an open connection is probed after 10 s of silence.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // A connection the server dropped must not crash the process. The pool listens only while
  // a connection is idle; checked out (a query, a transaction), a drop is an 'error' event on
  // the client that nobody would hear. The work on it fails with its own error (a surface
  // answers 503), and the pool replaces the connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: "postgres",
    db,
    rowLocks: true,
    ...(schema !== undefined && { schema }),
    async write<T>(
      work: (trx: Kysely<Database>) => Promise<T>,
      locks: readonly string[] = [],
    ): Promise<T> {
      // Sorted, so two writers needing the same locks take them in the same order.
      const names = [...new Set(locks)].sort();
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            for (const name of names) {
              // Keyed by search_path too: stores in different schemas never wait on each other.
              await sql`select pg_advisory_xact_lock(hashtextextended(current_setting('search_path') || ':' || ${name}, 0))`.execute(
                trx,
              );
            }
            return work(trx);
          });
        } catch (error) {
          if (attempt >= MAX_RETRIES || !isRetryable(error)) throw error;
          await sleep(Math.random() * 10 * (attempt + 1));
        }
      }
    },
    // Multi-row `insert … values (…), (…)` of up to ROWS_PER_INSERT rows: one round trip per
    // thousand rows, as fast as COPY here (bench/store), and unlike COPY it can skip conflicts.
    // (An `unnest` of one array per column was 2.5× slower: large text arrays parse slowly.)
    async insertRows(trx, table, rows, conflict) {
      const first = rows[0];
      if (first === undefined) return [];
      const columns = Object.keys(first);
      const per = Math.max(
        1,
        Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)),
      );
      const made = new Set<unknown>();
      for (let at = 0; at < rows.length; at += per) {
        const part = rows.slice(at, at + per) as readonly Record<string, unknown>[];
        const values = part.flatMap((row) => columns.map((c) => row[c] ?? null));
        const result = await trx.executeQuery(
          CompiledQuery.raw(insertText(table, columns, part.length, conflict), values),
        );
        for (const r of result.rows as Record<string, unknown>[]) made.add(conflict && r[conflict]);
      }
      if (conflict === undefined) return rows.map(() => true);
      return rows.map((row) => made.has((row as Record<string, unknown>)[conflict]));
    },
    async selectArrays(query) {
      const result = await pool.query({
        text: query.sql,
        values: [...query.parameters],
        rowMode: "array",
      });
      return result.rows as unknown[][];
    },
    close: () => db.destroy(),
  };
}
