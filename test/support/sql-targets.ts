/**
 * Where a store suite runs, on each database: a fresh store, and raw SQL on its tables behind
 * the store's back (what an operator with the database can do), for tests of what verification
 * catches.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Store } from "../../packages/core/src/ports/store.js";
import { openStore } from "../../packages/store/src/open-store.js";
import { describePostgres, dropSchema, type PgSuite, pgAdmin } from "./postgres.js";

/** A fresh store on one database. */
export interface FreshStore {
  readonly store: Store;
  /** Runs `statement` on the store's tables, outside the store. */
  sql(statement: string): Promise<void>;
  dispose(): Promise<void>;
}

/** A database a suite runs on. */
export interface SqlTarget {
  readonly name: string;
  fresh(): Promise<FreshStore>;
}

/** A store in a new SQLite file, in a folder of its own that dispose removes. */
export const SQLITE: SqlTarget = {
  name: "SQLite",
  async fresh() {
    const db = sqliteDatabase();
    const store = await db.open();
    return {
      store,
      async sql(statement) {
        const file = new Database(db.path);
        try {
          file.exec(statement);
        } finally {
          file.close();
        }
      },
      dispose: () => db.dispose(),
    };
  },
};

/** A store in a new schema of `describePostgres`'s database, dropped on dispose. */
export function postgresTarget({ url, freshSchema }: PgSuite): SqlTarget {
  return {
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      const db = await postgresShared({ url, freshSchema: () => schema }).fresh();
      return {
        store: await db.open(),
        sql: (statement) =>
          pgAdmin(async (client) => {
            await client.query(`set search_path to "${schema}"`);
            await client.query(statement);
          }),
        dispose: () => db.dispose(),
      };
    },
  };
}

/**
 * Registers `register`'s tests on SQLite, and on PostgreSQL when it answers (`describePostgres`
 * says how it is skipped, as `suite`, when not).
 */
export async function describeOnEachDatabase(
  suite: string,
  register: (target: SqlTarget) => void,
): Promise<void> {
  register(SQLITE);
  await describePostgres(suite, (pg) => register(postgresTarget(pg)));
}

/** A fresh database that several stores open at once, as several processes would. */
export interface SharedDatabase {
  /** A new store (its own connections) on the database. */
  open(): Promise<Store>;
  /** Closes the stores `open` made that are still open, and drops the database. */
  dispose(): Promise<void>;
}

/** A database a suite of several writers runs on. */
export interface SharedTarget {
  readonly name: string;
  fresh(): Promise<SharedDatabase>;
}

// Stores a test already closed reject a second close; that is fine here.
async function closeAll(stores: readonly Store[]): Promise<void> {
  for (const store of stores) await store.close().catch(() => {});
}

/** A new SQLite file, in a folder of its own that dispose removes; `path` is the file. */
function sqliteDatabase(): SharedDatabase & { readonly path: string } {
  const dir = mkdtempSync(join(tmpdir(), "goodfaith-sqlite-"));
  const path = join(dir, "store.db");
  const opened: Store[] = [];
  return {
    path,
    async open() {
      const store = await openStore(path);
      opened.push(store);
      return store;
    },
    async dispose() {
      await closeAll(opened);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new SQLite file per `fresh()`. */
export const SQLITE_SHARED: SharedTarget = {
  name: "SQLite",
  fresh: async () => sqliteDatabase(),
};

/** A new schema of `describePostgres`'s database per `fresh()`, dropped on dispose. */
export function postgresShared({ url, freshSchema }: PgSuite): SharedTarget {
  return {
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      const opened: Store[] = [];
      return {
        async open() {
          const store = await openStore(url, { schema, maxConnections: 4 });
          opened.push(store);
          return store;
        },
        async dispose() {
          await closeAll(opened);
          await dropSchema(schema);
        },
      };
    },
  };
}

/** `describeOnEachDatabase` for suites of several stores over one database. */
export async function describeOnEachSharedDatabase(
  suite: string,
  register: (target: SharedTarget) => void,
): Promise<void> {
  register(SQLITE_SHARED);
  await describePostgres(suite, (pg) => register(postgresShared(pg)));
}
