/**
 * PostgreSQL through node-postgres: a pool of connections, READ COMMITTED transactions, and
 * advisory locks wherever the store needs one writer at a time (per event log, per ledger
 * chain, per promise's budget). `synchronous_commit` is left at the server's default (on), so
 * a commit that returned is on disk.
 */
import { userInfo } from "node:os";
import { Kysely, PostgresDialect, sql } from "kysely";
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
    types,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // An idle connection the server dropped must not crash the process; the next query
  // on a fresh connection reports any real problem.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const columnTypes = new Map<string, Promise<Map<string, string>>>();
  // The element type of each column, for `unnest($n::type[])`; read once per table, on the
  // caller's transaction (another connection could be one the pool has none left of).
  const typesOf = (trx: Kysely<Database>, table: string): Promise<Map<string, string>> => {
    let types = columnTypes.get(table);
    if (!types) {
      types = sql<{
        column_name: string;
        data_type: string;
      }>`select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ${table}`
        .execute(trx)
        .then(({ rows }) => new Map(rows.map((r) => [r.column_name, r.data_type])));
      types.catch(() => columnTypes.delete(table)); // a failed read is tried again next time
      columnTypes.set(table, types);
    }
    return types;
  };

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
    // One statement over one array per column (`insert … select * from unnest(…)`): a
    // batch is a single round trip and a single plan, whatever its size, near COPY's speed.
    async insertRows(trx, table, rows, conflict) {
      const first = rows[0];
      if (first === undefined) return [];
      const columns = Object.keys(first);
      const types = await typesOf(trx, table);
      const arrays = columns.map((c) => {
        const type = types.get(c);
        if (type === undefined) throw new Error(`no column ${table}.${c}`);
        const values = rows.map((row) => (row as Record<string, unknown>)[c] ?? null);
        return sql`${values}::${sql.raw(type)}[]`;
      });
      const insert = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`;
      if (conflict === undefined) {
        await insert.execute(trx);
        return rows.map(() => true);
      }
      const inserted = await sql<
        Record<string, unknown>
      >`${insert} on conflict (${sql.ref(conflict)}) do nothing returning ${sql.ref(conflict)}`.execute(
        trx,
      );
      const made = new Set(inserted.rows.map((r) => r[conflict]));
      return rows.map((row) => made.has((row as Record<string, unknown>)[conflict]));
    },
    close: () => db.destroy(),
  };
}
