/**
 * `isStoreUnavailable` against the errors the drivers really raise: a refused connection, a
 * PostgreSQL connection terminated by the server, a SQLite file locked past the busy timeout,
 * a read-only SQLite file, one that cannot be opened — and, as bugs, a syntax error and a
 * constraint violation from the same drivers.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describePostgres, pgAdmin } from "../../../test/support/postgres.js";
import { openStore } from "./open-store.js";
import { isStoreUnavailable } from "./store-unavailable.js";

const caught = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

const EVENT = {
  id: "e-1",
  type: "customer.updated",
  time: "2026-11-01T00:00:00Z",
  customer: "c-1",
  data: {},
} as const;

describe("isStoreUnavailable", () => {
  it("is false for what is not a store's outage", () => {
    for (const value of [undefined, null, "ECONNREFUSED", 57, {}, new Error("disk I/O error")])
      expect(isStoreUnavailable(value), String(value)).toBe(false);
    // The store's own close, and a statement timeout: neither is the database going away.
    expect(isStoreUnavailable(new Error("Connection terminated"))).toBe(false);
    expect(isStoreUnavailable(Object.assign(new Error("x"), { code: "57014" }))).toBe(false);
  });

  it("is true when every address of a host refused", () => {
    const refused = () => Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    expect(isStoreUnavailable(new AggregateError([refused(), refused()]))).toBe(true);
    expect(isStoreUnavailable(new AggregateError([refused(), new Error("bug")]))).toBe(false);
  });

  it("is true for a PostgreSQL server that does not listen", async () => {
    const client = new pg.Client({ connectionString: "postgres://goodfaith@127.0.0.1:1/none" });
    const error = await caught(() => client.connect());
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(isStoreUnavailable(error)).toBe(true);
    // And through the store, as a surface meets it.
    expect(isStoreUnavailable(await caught(() => openStore("postgres://g@127.0.0.1:1/none")))).toBe(
      true,
    );
  });
});

describe("isStoreUnavailable on SQLite", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "goodfaith-unavailable-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("is true for a file another connection holds locked past the busy timeout", async () => {
    const path = join(dir, "locked.db");
    const store = await openStore(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec("begin immediate");
    try {
      const error = await caught(() => store.appendEvents([EVENT]));
      expect(error).toMatchObject({ name: "SqliteError", code: "SQLITE_BUSY" });
      expect(isStoreUnavailable(error)).toBe(true);
    } finally {
      other.exec("rollback");
      other.close();
      await store.close();
    }
  });

  it("is true for a read-only file and one that cannot be opened", async () => {
    const path = join(dir, "ro.db");
    await (await openStore(path)).close();
    const readOnly = new Database(path, { readonly: true });
    try {
      const error = await caught(() => readOnly.exec("delete from events"));
      expect(error).toMatchObject({ code: "SQLITE_READONLY" });
      expect(isStoreUnavailable(error)).toBe(true);
    } finally {
      readOnly.close();
    }
    // A directory where the file should be.
    const error = await caught(() => new Database(dir).exec("select 1"));
    expect(error).toMatchObject({ code: expect.stringMatching(/^SQLITE_CANTOPEN/) });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it("is false for a defect: bad SQL, a broken constraint", async () => {
    const db = new Database(join(dir, "bugs.db"));
    try {
      db.exec("create table t (id integer primary key)");
      db.exec("insert into t values (1)");
      const errors = [
        await caught(() => db.exec("selec 1")),
        await caught(() => db.exec("insert into t values (1)")),
      ];
      expect(errors.map((e) => (e as { code: string }).code)).toEqual([
        "SQLITE_ERROR",
        "SQLITE_CONSTRAINT_PRIMARYKEY",
      ]);
      for (const e of errors) expect(isStoreUnavailable(e)).toBe(false);
    } finally {
      db.close();
    }
  });
});

await describePostgres("isStoreUnavailable", ({ url }) => {
  const connect = async () => {
    // Like the store (and libpq): a URL without a user connects as the operating system's.
    const withUser = new URL(url);
    withUser.username ||= process.env.PGUSER || process.env.USER || userInfo().username;
    const client = new pg.Client({ connectionString: withUser.toString() });
    const dropped: unknown[] = [];
    // What pg emits once the server hangs up; without a listener it would crash the process.
    client.on("error", (error) => dropped.push(error));
    await client.connect();
    return { client, dropped };
  };

  it("is true for a connection the server terminates, mid-query and after", async () => {
    const { client, dropped } = await connect();
    const pid = (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]
      ?.pid;
    const running = caught(() => client.query("select pg_sleep(10)"));
    await pgAdmin(async (admin) => {
      // Until the sleep has started, a termination would only hit an idle connection.
      await expect
        .poll(async () => {
          const { rows } = await admin.query(
            "select 1 from pg_stat_activity where pid = $1 and state = 'active'",
            [pid],
          );
          return rows.length;
        })
        .toBe(1);
      await admin.query("select pg_terminate_backend($1)", [pid]);
    });
    const midQuery = await running;
    expect(midQuery).toMatchObject({ code: "57P01" });
    expect(isStoreUnavailable(midQuery)).toBe(true);
    const after = await caught(() => client.query("select 1"));
    expect(isStoreUnavailable(after)).toBe(true);
    await expect.poll(() => dropped.length).toBeGreaterThan(0);
    for (const error of dropped) expect(isStoreUnavailable(error), String(error)).toBe(true);
    await client.end().catch(() => {});
  });

  it("is false for a defect: bad SQL, a division by zero", async () => {
    const { client } = await connect();
    try {
      const errors = [
        await caught(() => client.query("selec 1")),
        await caught(() => client.query("select 1 / 0")),
      ];
      expect(errors.map((e) => (e as { code: string }).code)).toEqual(["42601", "22012"]);
      for (const e of errors) expect(isStoreUnavailable(e)).toBe(false);
    } finally {
      await client.end();
    }
  });
});
