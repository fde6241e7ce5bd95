/**
 * The conformance suite against PostgreSQL: a fresh schema per test, dropped after it.
 * Where no server answers, the suite skips and says how to run it; under CI it fails, because
 * CI must run it.
 */
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { afterAll, describe, it } from "vitest";
import { describeStoreConformance } from "./conformance.js";
import { openStore } from "./open-store.js";

const URL = process.env.GOODFAITH_TEST_PG || "postgres://127.0.0.1:5432/test";
const CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const RUN = `gf_${randomBytes(4).toString("hex")}`;

// Like libpq (and the store): a URL without a user connects as the operating system's user.
const ADMIN_URL = (() => {
  const parsed = new globalThis.URL(URL);
  parsed.username ||= encodeURIComponent(
    process.env.PGUSER || process.env.USER || userInfo().username,
  );
  return parsed.toString();
})();

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function reachable(): Promise<string | undefined> {
  try {
    await admin((client) => client.query("select 1"));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const problem = await reachable();

if (problem === undefined) {
  let n = 0;
  afterAll(async () => {
    // Schemas a crashed test left behind.
    await admin(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        "select nspname as name from pg_namespace where nspname like $1",
        [`${RUN}\\_%`],
      );
      for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
    });
  });
  describeStoreConformance({
    name: "PostgreSQL",
    async fresh() {
      const schema = `${RUN}_${++n}`;
      return {
        open: () => openStore(URL, { schema, maxConnections: 4 }),
        failInsertOfEvent: (id) =>
          admin(async (client) => {
            const literal = `'${id.replaceAll("'", "''")}'`;
            await client.query(`
              create function "${schema}".gf_fail() returns trigger language plpgsql as $$
              begin
                if new.id = ${literal} then raise exception 'injected failure'; end if;
                return new;
              end $$;
              create trigger gf_fail before insert on "${schema}".events
                for each row execute function "${schema}".gf_fail();`);
          }),
        dispose: () =>
          admin(async (client) => {
            await client.query(`drop schema if exists "${schema}" cascade`);
          }),
      };
    },
  });
} else {
  const message =
    `PostgreSQL not reachable at ${URL} (${problem}); start it, or set ` +
    "GOODFAITH_TEST_PG=postgres://… to run the store conformance suite against it";
  if (CI) {
    describe("store conformance: PostgreSQL", () => {
      it("runs in CI", () => {
        throw new Error(`${message}. CI must run it.`);
      });
    });
  } else {
    console.warn(`SKIPPED: ${message}`);
    describe.skip(`store conformance: PostgreSQL — SKIPPED: ${message}`, () => {
      it("needs a PostgreSQL server", () => {});
    });
  }
}
