/**
 * `goodfaith metrics --watch` through a store outage: the reads fail for a while with the error
 * better-sqlite3 throws for a database locked past the busy timeout; the watch goes on, says so
 * once each way in the reader's language, and prints again once the store answers. A bug still
 * ends it with exit code 1.
 */
import Database from "better-sqlite3";
import { afterEach, expect, it, vi } from "vitest";
import {
  airlineEvents as events,
  storeWithTwoEvents,
  until,
} from "../../../../test/support/metrics-watch.js";
import { metricsCommand } from "./metrics.js";

// What the event log's reads fail with while set; every store this file opens shares it.
const outage: { failure?: Error } = {};

vi.mock("@goodfaith/store", async (importOriginal) => {
  const real = await importOriginal<typeof import("@goodfaith/store")>();
  const openFlaky: typeof real.openStore = async (...args) => {
    const store = await real.openStore(...args);
    return new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== "readEvents" || typeof value !== "function") return value;
        return (...read: unknown[]) => {
          const { failure } = outage;
          if (failure === undefined) return value.apply(target, read);
          return (async function* () {
            yield* [];
            throw failure;
          })();
        };
      },
    });
  };
  return { ...real, openStore: openFlaky };
});

afterEach(() => {
  delete outage.failure;
});

const busy = () => new Database.SqliteError("database is locked", "SQLITE_BUSY");

// A store with the first two events, and a watch over it in Swedish, one read a second.
async function watching() {
  const { db, store, ingestor } = await storeWithTwoEvents();
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  const code = metricsCommand(
    { db, watch: 1, json: true, signal: controller.signal },
    { out: (l) => out.push(l), err: (l) => err.push(l), lang: "sv" },
  );
  await until(() => out.length === 1);
  return { store, ingestor, out, err, controller, code };
}

it("--watch rides out an outage: said once when it starts, once when it ends, then prints again", async () => {
  const { store, ingestor, out, err, controller, code } = await watching();
  outage.failure = busy();
  await until(() => err.length > 0);
  await ingestor.ingest(events.slice(2));
  // Two more reads fail meanwhile: nothing more is said, nothing printed.
  await new Promise((resolve) => setTimeout(resolve, 2200));
  expect(err).toEqual([
    "metrics: lagret går inte att nå (database is locked (SQLITE_BUSY)); försöker igen tills det är tillbaka",
  ]);
  expect(out).toHaveLength(1);
  delete outage.failure;
  await until(() => out.length === 2);
  expect(err.slice(1)).toEqual(["metrics: lagret går att nå igen; fortsätter"]);
  controller.abort();
  expect(await code).toBe(0);
  await store.close();
  // The events logged during the outage are counted once, when the store is back.
  expect(out.map((l) => JSON.parse(l).purchases.all.count as number)).toEqual([2, 5]);
}, 15_000);

it("--watch still ends with exit code 1 on an error that is not an outage", async () => {
  const { store, err, code } = await watching();
  outage.failure = new TypeError("a bug");
  expect(await code).toBe(1);
  expect(err.some((l) => l.includes("a bug"))).toBe(true);
  expect(err.some((l) => l.includes("lagret"))).toBe(false);
  await store.close();
});
