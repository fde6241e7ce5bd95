import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import { openSqliteBackend } from "./sqlite-backend.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "goodfaith-migrate-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () =>
  openSqliteBackend({ path: join(dir, "db"), synchronous: "full", busyTimeoutMs: 1000 });

describe("migrations", () => {
  it("have unique names in the order they were shipped", () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe("0001-initial");
    expect(Object.isFrozen(MIGRATIONS)).toBe(true);
  });

  it("run once: a second run applies nothing, a new entry applies only itself", async () => {
    const backend = open();
    try {
      expect(await migrate(backend)).toEqual({ applied: MIGRATIONS.map((m) => m.name) });
      expect(await migrate(backend)).toEqual({ applied: [] });
      const next = { name: "0002-test", up: async () => {} };
      expect(await migrate(backend, [...MIGRATIONS, next])).toEqual({ applied: ["0002-test"] });
    } finally {
      await backend.close();
    }
  });

  it("refuse a database migrated by a newer version, changing nothing", async () => {
    const backend = open();
    try {
      await migrate(backend, [...MIGRATIONS, { name: "9999-future", up: async () => {} }]);
      await expect(migrate(backend)).rejects.toThrow(/newer Goodfaith.*|9999-future/);
    } finally {
      await backend.close();
    }
  });

  it("roll back a migration that fails half way", async () => {
    const backend = open();
    try {
      await migrate(backend);
      const broken = {
        name: "0002-broken",
        up: async (db: Parameters<(typeof MIGRATIONS)[number]["up"]>[0]) => {
          await db.schema.createTable("half").addColumn("x", "text").execute();
          throw new Error("disk on fire");
        },
      };
      await expect(migrate(backend, [...MIGRATIONS, broken])).rejects.toThrow("disk on fire");
      const tables = await backend.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain("half");
      expect(await migrate(backend)).toEqual({ applied: [] });
    } finally {
      await backend.close();
    }
  });
});
