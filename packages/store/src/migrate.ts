/**
 * Runs the registry's migrations that a database has not seen, in order, in one transaction,
 * holding the store's migration lock: on PostgreSQL an advisory lock, so processes starting
 * together migrate one after another; on SQLite the single writer.
 */
import { type Kysely, sql } from "kysely";
import type { Backend } from "./backend.js";
import { MIGRATIONS, type Migration } from "./migrations.js";

/** Which migrations this run applied (empty when the database was up to date). */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the database's schema up to date; throws if it was migrated by a newer Goodfaith. */
export async function migrate(
  backend: Backend & { readonly schema?: string },
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const known = new Set(migrations.map((m) => m.name));
  if (known.size !== migrations.length) throw new Error("migration names must be unique");
  return backend.write(
    async (trx) => {
      if (backend.schema !== undefined) {
        await sql`create schema if not exists ${sql.id(backend.schema)}`.execute(trx);
      }
      await trx.schema
        .createTable("goodfaith_migrations")
        .ifNotExists()
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("applied_at_ms", "bigint", (c) => c.notNull())
        .execute();
      const done = new Set(
        (await trx.selectFrom("goodfaith_migrations").select("name").execute()).map((r) => r.name),
      );
      const unknown = [...done].filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new Error(
          `the database has migrations this version does not know (${unknown.join(", ")}): ` +
            "it was written by a newer Goodfaith",
        );
      }
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        await migration.up(trx as unknown as Kysely<unknown>, backend.dialect);
        await trx
          .insertInto("goodfaith_migrations")
          .values({ name: migration.name, applied_at_ms: Date.now() })
          .execute();
        applied.push(migration.name);
      }
      return { applied };
    },
    ["migrate"],
  );
}
