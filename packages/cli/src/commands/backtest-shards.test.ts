import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GoodfaithEvent, type Lang, shardOf } from "@goodfaith/core";
import { adoptPromises, openStore } from "@goodfaith/store";
import { Command } from "commander";
import { describe, expect, test } from "vitest";
import { generateEvents } from "../../../../bench/engine/generate.mjs";
import { describePostgres, dropSchema } from "../../../../test/support/postgres.js";
import { registerBacktestCommands } from "./backtest.js";
import { runShard, type ShardRunner, workerShards } from "./backtest-shards.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const pack = (name: string, file: string) => join(ROOT, "packs", name, file);
const AIRLINE = [pack("airline", "promises.yaml"), pack("eu261", "promises.yaml")];
const dir = mkdtempSync(join(tmpdir(), "goodfaith-backtest-shards-"));

/** The airline pack with `from` replaced by `to`, written to `name`.yaml; its path. */
function airlineVariant(name: string, from: string, to: string): string {
  const file = join(dir, `${name}.yaml`);
  const text = readFileSync(AIRLINE[0] as string, "utf8");
  if (!text.includes(from)) throw new Error(`the airline pack no longer says ${from}`);
  writeFileSync(file, text.replace(from, to));
  return file;
}

const lines = (file: string): GoodfaithEvent[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as GoodfaithEvent);

let stores = 0;
/** A real store (SQLite, or `file` a postgres:// URL) holding `events` in order (a repeated id once). */
async function storeOf(
  events: readonly GoodfaithEvent[],
  file = join(dir, `store-${stores++}.db`),
): Promise<string> {
  const store = await openStore(file);
  const appended = await store.appendEvents(events);
  await store.close();
  // Some sample files re-deliver an event on purpose: the log keeps it once.
  expect(appended.accepted + appended.duplicates.length).toBe(events.length);
  return file;
}

/** Makes `files` the set the store at `db` keeps, as `ingest --promises` would. */
async function adopt(db: string, files: readonly string[]): Promise<void> {
  const store = await openStore(db);
  const sources = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
  await adoptPromises(store, sources, { actor: "test" });
  await store.close();
}

/** The shards this test ran in-process (the same code a worker thread runs). */
function inProcess(): ShardRunner & { shards: number[] } {
  const shards: number[] = [];
  return Object.assign(
    (input: Parameters<ShardRunner>[0]) => {
      shards.push(input.shard);
      return runShard(input);
    },
    { shards },
  );
}

async function cli(args: string[], runner?: ShardRunner, lang: Lang = "en") {
  const out: string[] = [];
  const err: string[] = [];
  let code = -1;
  const program = new Command("goodfaith").exitOverride();
  const ctx = () => ({ out: (l: string) => out.push(l), err: (l: string) => err.push(l), lang });
  const setExit = (c: number) => {
    code = c;
  };
  registerBacktestCommands(program, ctx, setExit, undefined, runner);
  await program.parseAsync(["node", "goodfaith", "backtest", ...args]);
  return { out: out.join("\n"), err: err.join("\n"), code };
}

/** The single-threaded output and the sharded ones (2 and 3 shards), which must be equal. */
async function expectShardedSame(args: string[]): Promise<unknown> {
  const single = await cli([...args, "--workers", "1"]);
  expect(single.err).toBe("");
  for (const workers of [2, 3]) {
    const runner = inProcess();
    const sharded = await cli([...args, "--workers", String(workers)], runner);
    expect(sharded.err).toBe("");
    expect(sharded.code).toBe(single.code);
    expect(runner.shards.sort()).toEqual([...Array(workers).keys()]);
    expect(JSON.parse(sharded.out)).toEqual(JSON.parse(single.out));
    expect(sharded.out).toBe(single.out);
  }
  return JSON.parse(single.out);
}

const generated = (n: number) => generateEvents(n, 261).events as GoodfaithEvent[];

describe("goodfaith backtest --workers (sharded by customer)", () => {
  test.each([
    ["airline", AIRLINE],
    ["eu261", [pack("eu261", "promises.yaml")]],
    ["retail", [pack("retail", "promises.yaml")]],
    ["streaming", [pack("streaming", "promises.yaml")]],
    ["support", [pack("support", "promises.yaml")]],
    ["us-dot", [pack("us-dot", "promises.yaml")]],
  ])("the %s pack's sample events give the single-threaded report", async (name, promises) => {
    const db = await storeOf(lines(pack(name, "events.jsonl")));
    const { proposed: report } = (await expectShardedSame([
      ...["-p", ...promises, "--db", db, "--json"],
    ])) as { proposed: { totals: { remedies: number } } };
    expect(report.totals.remedies).toBeGreaterThan(0);
  });

  const stream = generated(3000);
  const streamDb = storeOf(stream);
  const proposed = airlineVariant(
    "proposed",
    "arrivalDelayMinutes >= 180",
    "arrivalDelayMinutes >= 120",
  );

  test("a generated airline stream, whole, with --against and in a window", async () => {
    const db = await streamDb;
    const { proposed: whole } = (await expectShardedSame([
      ...["-p", ...AIRLINE, "--db", db, "--json"],
    ])) as { proposed: { totals: { remedies: number; customers: number } } };
    expect(whole.totals.remedies).toBeGreaterThan(50);
    const against = (await expectShardedSame([
      ...["-p", proposed, AIRLINE[1] as string, "--against", ...AIRLINE, "--db", db, "--json"],
    ])) as { comparison: { totals: { remedies: { delta: number } } } };
    expect(against.comparison.totals.remedies.delta).toBeGreaterThan(0);
    const times = stream.map((e) => e.time).sort();
    const [from, to] = [times[1000], times[2000]] as [string, string];
    const { proposed: window } = (await expectShardedSame([
      ...["-p", ...AIRLINE, "--db", db, "--from", from, "--to", to, "--json"],
    ])) as {
      proposed: { events: { replayed: number; inWindow: number }; totals: { remedies: number } };
    };
    expect(window.events.inWindow).toBeLessThan(window.events.replayed);
    expect(window.totals.remedies).toBeLessThan(whole.totals.remedies);
  });

  test("--against without files compares with the kept set, as with its files, in any shards", async () => {
    const db = await storeOf(stream);
    await adopt(db, AIRLINE);
    const args = ["-p", proposed, AIRLINE[1] as string, "--db", db];
    const { againstSet, ...kept } = (await expectShardedSame([
      ...[...args, "--against", "--json"],
    ])) as { againstSet: { version: number; digest: string } };
    const files = await expectShardedSame([...args, "--against", ...AIRLINE, "--json"]);
    expect(kept).toEqual(files);
    expect((files as { comparison: object }).comparison).toBeDefined();
    expect(againstSet).toMatchObject({
      version: 1,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The human report too: byte for byte across workers, naming the kept version.
    const human = await cli([...args, "--against", "--workers", "1"]);
    expect((await cli([...args, "--against", "--workers", "2"], inProcess())).out).toBe(human.out);
    expect(human.out).toMatch(
      /^Proposed against the store's promises, version 1 \(adopted \d{4}-\d{2}-\d{2}T[\d:.]+Z; \w.* 2026\.\d+, .+\)$/m,
    );
    const named = await cli([...args, "--against", ...AIRLINE, "--workers", "1"]);
    const heading = /^Proposed against .*$/m;
    expect(human.out.replace(heading, "")).toBe(named.out.replace(heading, ""));
  });

  test("a deadline fires when another shard's event passes it, as in the whole stream", async () => {
    // Anna's order arms deadlines before the 7th; Bo's event of the 7th is stored before her
    // delivery of the 4th, so the whole stream pays her before it sees the delivery. A shard
    // that skipped Bo's event instead of letting its time pass would see the delivery first.
    const ids = Array.from({ length: 20 }, (_, i) => `c-${i}`);
    const anna = ids.find((c) => shardOf(c, 2) === 0) as string;
    const bo = ids.find((c) => shardOf(c, 2) === 1) as string;
    const events = [
      ...["placed", "2026-11-02T09:00:00Z", "order.placed", anna],
      ...["later", "2026-11-07T09:00:00Z", "customer.updated", bo],
      ...["delivered", "2026-11-04T09:00:00Z", "order.delivered", anna],
    ];
    const data: Record<string, unknown> = {
      "order.placed": {
        order: "o-1",
        currency: "EUR",
        items: [{ sku: "kettle", kind: "physical", title: "Kettle", price: "49.00" }],
        shipping: "4.99",
        total: "53.99",
        payments: [{ method: "card", amount: "53.99" }],
        promisedDeliveryBy: "2026-11-05T18:00:00Z",
      },
      "customer.updated": { name: "Bo" },
      "order.delivered": { order: "o-1", deliveredAt: "2026-11-04T09:00:00Z" },
    };
    const stored: GoodfaithEvent[] = [];
    for (let i = 0; i < events.length; i += 4) {
      const [id, time, type, customer] = events.slice(i, i + 4) as [string, string, string, string];
      stored.push({ id, time, type, customer, data: data[type] } as unknown as GoodfaithEvent);
    }
    const db = await storeOf(stored);
    const { proposed: report } = (await expectShardedSame([
      ...["-p", pack("retail", "promises.yaml"), "--db", db, "--json"],
    ])) as { proposed: { totals: { remedies: number } } };
    expect(report.totals.remedies).toBe(1);
  });

  test("a daily budget joins customers: one thread, and the output says why", async () => {
    const budget = airlineVariant(
      "budget",
      "    governance:\n",
      '    governance:\n      dailyBudget: { EUR: "900.00", USD: "900.00", SEK: "9000.00" }\n',
    );
    const db = await streamDb;
    const args = ["-p", budget, AIRLINE[1] as string, "--db", db];
    const runner = inProcess();
    const json = JSON.parse((await cli([...args, "--json", "--workers", "2"], runner)).out);
    expect(runner.shards).toEqual([]);
    const { workers, why, ...report } = json;
    expect(workers).toBe(1);
    expect(why).toMatchObject({ promise: "delay-refund", reason: "daily_budget" });
    expect(report).toEqual(JSON.parse((await cli([...args, "--json", "--workers", "1"])).out));
    expect(report.proposed.totals.awaitingApproval).toBeGreaterThan(0);
    expect((await cli(args, runner)).out).toContain(
      "Replayed in one thread: promise delay-refund has a daily budget",
    );
    expect((await cli(args, runner, "sv")).out).toContain(
      "Uppspelat i en tråd: löftet delay-refund",
    );
    expect((await cli(args, runner, "zh-CN")).out).toContain("在单个线程中重放：承诺 delay-refund");
  });

  test("real worker threads (the compiled worker) give the single-threaded report", async () => {
    const db = await streamDb;
    const args = ["-p", ...AIRLINE, "--against", proposed, AIRLINE[1] as string, "--db", db];
    // The default runner: from source, it runs the worker `tsc -b` compiled to dist/.
    const threads = workerShards();
    const shards: number[] = [];
    const runner = (input: Parameters<ShardRunner>[0]) => {
      shards.push(input.shard);
      return threads(input);
    };
    const threaded = await cli([...args, "--json", "--workers", "2"], runner);
    expect(shards.sort()).toEqual([0, 1]);
    expect(threaded.err).toBe("");
    expect(threaded.out).toBe((await cli([...args, "--json", "--workers", "1"])).out);
    // The set the store keeps reaches the workers as its texts.
    const keeps = await storeOf(stream);
    await adopt(keeps, [proposed, AIRLINE[1] as string]);
    const kept = ["-p", ...AIRLINE, "--against", "--db", keeps];
    const keptThreaded = await cli([...kept, "--workers", "2"], runner);
    expect(shards.sort()).toEqual([0, 0, 1, 1]);
    expect(keptThreaded.err).toBe("");
    expect(keptThreaded.out).toBe((await cli([...kept, "--workers", "1"])).out);
    expect(keptThreaded.out).toContain("Proposed against the store's promises, version 1");
  });

  test("--workers must be a whole number of at least 1", async () => {
    const db = await streamDb;
    for (const bad of ["0", "two", "1.5"]) {
      const r = await cli(["-p", ...AIRLINE, "--db", db, "--workers", bad]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`--workers: ${bad}`);
    }
  });
});

await describePostgres("sharded backtest", ({ url, freshSchema }) => {
  test("shards read a PostgreSQL store concurrently and give the single-threaded report", async () => {
    const schema = freshSchema();
    try {
      const db = await storeOf(generated(1500), `${url}?schema=${schema}`);
      const { proposed: report } = (await expectShardedSame([
        ...["-p", ...AIRLINE, "--db", db, "--json"],
      ])) as { proposed: { totals: { remedies: number } } };
      expect(report.totals.remedies).toBeGreaterThan(0);
    } finally {
      await dropSchema(schema);
    }
  });
});
