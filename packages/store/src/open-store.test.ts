import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events } from "./conformance/fixtures.js";
import { isPostgresUrl, openStore } from "./open-store.js";
import { openSqliteBackend } from "./sqlite-backend.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "goodfaith-open-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("openStore", () => {
  it("tells PostgreSQL URLs from SQLite paths", () => {
    expect(isPostgresUrl("postgres://127.0.0.1:5432/test")).toBe(true);
    expect(isPostgresUrl("postgresql://u@db/goodfaith?schema=x")).toBe(true);
    expect(isPostgresUrl(".goodfaith/goodfaith.db")).toBe(false);
    expect(isPostgresUrl("/var/lib/postgres/goodfaith.db")).toBe(false);
  });

  it("creates the SQLite file's folder and keeps what was written", async () => {
    const path = join(dir, "a", "b", "goodfaith.db");
    const store = await openStore(path);
    await store.appendEvents(events("e", 3));
    await store.close();
    expect(existsSync(path)).toBe(true);
    const again = await openStore(path);
    expect(await again.countEvents()).toBe(3);
    await again.close();
  });

  it("opens SQLite in WAL mode with synchronous=FULL (NORMAL on request) and foreign keys", async () => {
    const pragmas = async (synchronous: "full" | "normal") => {
      const backend = openSqliteBackend({
        path: join(dir, `${synchronous}.db`),
        synchronous,
        busyTimeoutMs: 1000,
      });
      try {
        const read = async (name: string) =>
          Object.values((await sql.raw(`pragma ${name}`).execute(backend.db)).rows[0] ?? {})[0];
        return [await read("journal_mode"), await read("synchronous"), await read("foreign_keys")];
      } finally {
        await backend.close();
      }
    };
    // synchronous: 2 is FULL, 1 is NORMAL.
    expect(await pragmas("full")).toEqual(["wal", 2, 1]);
    expect(await pragmas("normal")).toEqual(["wal", 1, 1]);
  });

  it("refuses a PostgreSQL schema name it would have to quote", async () => {
    await expect(
      openStore("postgres://127.0.0.1:5432/test", { schema: "x; drop table y" }),
    ).rejects.toThrow(/invalid PostgreSQL schema name/);
  });
});
