/**
 * Test support for suites that must also run against PostgreSQL: where the server answers,
 * each test gets a fresh schema (all dropped at the end); where it does not, the suite skips
 * and says how to run it — except under CI, which must run it, so there it fails.
 */
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { afterAll } from "vitest";
import { unavailable } from "./unavailable.js";

/** The server the PostgreSQL halves run against. */
export const PG_URL = process.env.GOODFAITH_TEST_PG || "postgres://127.0.0.1:5432/test";

// Like libpq (and the store): a URL without a user connects as the operating system's user.
const ADMIN_URL = (() => {
  const parsed = new URL(PG_URL);
  parsed.username ||= encodeURIComponent(
    process.env.PGUSER || process.env.USER || userInfo().username,
  );
  return parsed.toString();
})();

/** Runs `work` on a short-lived administrative connection. */
export async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a schema made for one test. */
export const dropSchema = (schema: string): Promise<unknown> =>
  pgAdmin((client) => client.query(`drop schema if exists "${schema}" cascade`));

/** What a suite gets when PostgreSQL answers: the URL and a new schema name per call. */
export interface PgSuite {
  readonly url: string;
  freshSchema(): string;
}

/**
 * Registers `register`'s tests when PostgreSQL answers; otherwise a skip with a how-to
 * message (or, under CI, a failing test). `suite` names the tests in either message.
 */
export async function describePostgres(
  suite: string,
  register: (pg: PgSuite) => void,
): Promise<void> {
  let problem: string | undefined;
  try {
    await pgAdmin((client) => client.query("select 1"));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem === undefined) {
    const run = `gf_${randomBytes(4).toString("hex")}`;
    let n = 0;
    afterAll(async () => {
      // Schemas a crashed test left behind.
      await pgAdmin(async (client) => {
        const { rows } = await client.query<{ name: string }>(
          "select nspname as name from pg_namespace where nspname like $1",
          [`${run}\\_%`],
        );
        for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
      });
    });
    register({ url: PG_URL, freshSchema: () => `${run}_${++n}` });
    return;
  }
  unavailable(
    suite,
    "PostgreSQL",
    `PostgreSQL not reachable at ${PG_URL} (${problem}); start it, or set ` +
      `GOODFAITH_TEST_PG=postgres://… to run the ${suite} tests against it`,
  );
}
