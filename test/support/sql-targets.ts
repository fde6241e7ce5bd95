/**
 * Where a store suite runs, on each database: a fresh store, and raw SQL on its tables behind
 * the store's back (what an operator with the database can do), for tests of what verification
 * catches.
 */
import { mkdtempSync } from "node:fs";
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

/** A store in a new SQLite file. */
export const SQLITE: SqlTarget = {
  name: "SQLite",
  async fresh() {
    const path = join(mkdtempSync(join(tmpdir(), "goodfaith-sql-target-")), "store.db");
    const store = await openStore(path);
    return {
      store,
      async sql(statement) {
        const file = new Database(path);
        try {
          file.exec(statement);
        } finally {
          file.close();
        }
      },
      dispose: () => store.close(),
    };
  },
};

/** A store in a new schema of `describePostgres`'s database, dropped on dispose. */
export function postgresTarget({ url, freshSchema }: PgSuite): SqlTarget {
  return {
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      const store = await openStore(url, { schema, maxConnections: 4 });
      return {
        store,
        sql: (statement) =>
          pgAdmin(async (client) => {
            await client.query(`set search_path to "${schema}"`);
            await client.query(statement);
          }),
        async dispose() {
          await store.close();
          await dropSchema(schema);
        },
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
