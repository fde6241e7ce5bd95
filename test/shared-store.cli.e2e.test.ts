/**
 * End to end: two processes writing one store decide as one. The retail sample stream goes in
 * over two writers of one SQLite file: its first half by `goodfaith ingest`, then, while a
 * `goodfaith serve` runs over the store, its second half by another `goodfaith ingest`, and
 * its last events over the server's HTTP API. Within a few of the server's looks its guard
 * knows a purchase only the other process ingested, and the store holds exactly the remedies
 * one `goodfaith ingest` of the whole stream records, its ledger sound.
 * Needs `npx tsc -b` first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "../packages/core/src/engine/event-data.js";
import { newKey } from "./support/cli.js";
import { ROOT, sampleEvents } from "./support/packs.js";

const BIN = join(ROOT, "packages/cli/bin/goodfaith.js");
const RETAIL = join(ROOT, "packs/retail/promises.yaml");
const POLL_MS = 200;
// The events held back from the second half, for the server to take over HTTP.
const OVER_HTTP = 2;

interface Item {
  readonly sku: string;
  readonly kind: string;
}

/** Runs `goodfaith <args>` as a process of its own; resolves once it has exited. */
async function goodfaith(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { code, out, err };
}

/** Starts `goodfaith serve` over `db`; resolves once it listens, to its address. */
async function serve(db: string): Promise<{ base: string; child: ChildProcess }> {
  const args = ["serve", "--db", db, "--port", "0", "--json", "--no-outbox"];
  const child = spawn(process.execPath, [BIN, ...args, "--promises-poll-ms", String(POLL_MS)], {
    cwd: ROOT,
    env: { ...process.env, LANG: "C", GOODFAITH_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      const { listening } = JSON.parse(line) as { listening?: string };
      if (listening !== undefined) resolve(listening);
    });
  });
  return { base, child };
}

/** A store's remedies as `goodfaith remedies list --json` prints them, without times. */
async function remediesIn(db: string) {
  const listed = await goodfaith(["remedies", "list", "--json", "--limit", "1000", "--db", db]);
  expect(listed.code, listed.err).toBe(0);
  const { remedies } = JSON.parse(listed.out) as { remedies: Record<string, unknown>[] };
  return remedies
    .map(({ key, promise, customer, amount, status }) => ({
      key,
      promise,
      customer,
      amount,
      status,
    }))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

describe("two processes writing one store", () => {
  let dir: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "packages/cli/dist/main.js"))) {
      throw new Error("build first: npx tsc -b (runs the built command)");
    }
    dir = await mkdtemp(join(tmpdir(), "goodfaith-two-writers-"));
  });

  afterAll(async () => {
    if (server?.exitCode === null) server.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("decide as one: the guard sees the other's purchase, and the remedies are one ingest's", async () => {
    // Array.prototype.sort is stable: equal times keep the file's order.
    const stream = sampleEvents("retail").sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const half = Math.ceil(stream.length / 2);
    const first = stream.slice(0, half);
    const second = stream.slice(half, -OVER_HTTP);
    const overHttp = stream.slice(-OVER_HTTP);
    const files = { first: join(dir, "first.jsonl"), second: join(dir, "second.jsonl") };
    const jsonl = (events: readonly EngineEvent[]) =>
      events.map((e) => `${JSON.stringify(e)}\n`).join("");
    await writeFile(files.first, jsonl(first));
    await writeFile(files.second, jsonl(second));

    // A digital item bought in the second half: only the second writer knows of it.
    const purchase = second.flatMap((e) => {
      const { items } = e.data as { items?: Item[] };
      const item = e.type === "order.placed" ? items?.find((i) => i.kind === "digital") : undefined;
      return item && e.customer ? [{ customer: e.customer, item }] : [];
    })[0];
    if (!purchase) throw new Error("the retail pack's second half buys no digital item");
    const check = {
      customer: purchase.customer,
      items: [{ sku: purchase.item.sku, kind: "digital" }],
    };

    const db = join(dir, "s.db");
    const firstRun = await goodfaith(["ingest", files.first, "--promises", RETAIL, "--db", db]);
    expect(firstRun.code, firstRun.err).toBe(0);
    const keys = { guard: await newKey(db, "guard"), ingest: await newKey(db, "ingest") };
    const running = await serve(db);
    server = running.child;
    const exited = new Promise<number | null>((resolve) => running.child.once("exit", resolve));
    const call = async (path: string, key: string, body: unknown) => {
      const res = await fetch(`${running.base}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const warnings = async () =>
      ((await call("/v1/guard/check", keys.guard, check)).warnings as { code: string }[]).map(
        (w) => w.code,
      );
    expect(await warnings()).toEqual([]);

    // The second writer: no -p, so the set the store keeps decides.
    const secondRun = await goodfaith(["ingest", files.second, "--db", db]);
    expect(secondRun.code, secondRun.err).toBe(0);
    // The server takes it up at its next look (a few looks' time, for a loaded machine).
    await expect
      .poll(warnings, { timeout: 25 * POLL_MS, interval: POLL_MS / 4 })
      .toEqual(["already_owned"]);

    // The last events through the server: decided with what the other writer ingested (an
    // order of the second half goes unshipped past its deadline), each remedy recorded once.
    // Its look has caught it up already; were it not, the batch would catch up first.
    const posted = await call("/v1/events", keys.ingest, overHttp);
    expect(posted).toMatchObject({ accepted: OVER_HTTP, rejected: [] });
    expect((posted.remedies as { created: number }).created).toBeGreaterThan(0);

    const whole = join(dir, "whole.jsonl");
    await writeFile(whole, jsonl(stream));
    const alone = join(dir, "alone.db");
    const oneRun = await goodfaith(["ingest", whole, "--promises", RETAIL, "--db", alone]);
    expect(oneRun.code, oneRun.err).toBe(0);
    const expected = await remediesIn(alone);
    expect(expected.length).toBeGreaterThan(0);
    expect(await remediesIn(db)).toEqual(expected);
    const verified = await goodfaith(["ledger", "verify", "--db", db]);
    expect(verified.code, verified.out + verified.err).toBe(0);

    running.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);
});
