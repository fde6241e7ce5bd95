/**
 * A PostgreSQL connection the server drops while the store is using it: the work on it fails
 * (a surface answers 503), the process lives on, and the next work gets a fresh connection.
 * pg-pool stops listening for a client's errors while it is checked out, so without the store's
 * own listener the drop is an uncaught 'error' event that takes the whole server down.
 */
import { sql } from "kysely";
import { expect, it } from "vitest";
import { describePostgres, dropSchema, pgAdmin } from "../../../test/support/postgres.js";
import { openPostgresBackend } from "./postgres-backend.js";
import { isStoreUnavailable } from "./store-unavailable.js";

await describePostgres("a dropped PostgreSQL connection", ({ url, freshSchema }) => {
  it("fails the work on it, and the process and the store live on", async () => {
    const schema = freshSchema();
    await pgAdmin((client) => client.query(`create schema "${schema}"`));
    const backend = openPostgresBackend({ url, schema, maxConnections: 2 });
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      const marker = `dropped-${schema}`;
      const work = backend.write(async (trx) => {
        // The marker in the text, not a parameter: pg_stat_activity shows the text.
        await sql.raw(`select pg_sleep(30) /* ${marker} */`).execute(trx);
      });
      const failure = work.then(
        () => undefined,
        (error: unknown) => error,
      );
      // Cut it from the server's side, as a restart or a failover does.
      await expect
        .poll(() =>
          pgAdmin(async (client) => {
            const { rows } = await client.query(
              `select pg_terminate_backend(pid) as cut from pg_stat_activity
               where query like $1 and pid <> pg_backend_pid()`,
              [`%${marker}%`],
            );
            return rows.length;
          }),
        )
        .toBe(1);
      const error = await failure;
      expect(error).toBeDefined();
      expect(isStoreUnavailable(error)).toBe(true);
      // The pool hands out a fresh connection; the dropped one emits its 'error' meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(backend.db);
      expect(rows).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
      await backend.close();
      await dropSchema(schema);
    }
  });
});
