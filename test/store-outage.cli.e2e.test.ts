/**
 * End to end: the built `goodfaith serve` and `goodfaith outbox run`, over a real PostgreSQL
 * schema reached through a TCP relay that the test cuts (the database gone: a restart, a
 * failover, a cut network) and then restores: once while a payment is under way, and once while
 * the worker is idle. The process lives on, says once that the store is unavailable and once
 * that it is back, and every remedy — the one paid during the first cut, one another worker had
 * claimed before it, those recorded during the second — is paid exactly once and its webhook
 * event delivered exactly once.
 * Needs `npx tsc -b` first; where PostgreSQL does not answer, skips (and under CI fails).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import type { Store, WebhookStore } from "@goodfaith/core";
import { openStore } from "@goodfaith/store";
import { afterEach, expect, it } from "vitest";
import { approvedRemedy } from "./support/outbox.js";
import { ROOT } from "./support/packs.js";
import { describePostgres, dropSchema } from "./support/postgres.js";
import { type Receiver, startReceiver } from "./support/receiver.js";
import { type Relay, relayTo, throughRelay } from "./support/relay.js";

const BIN = join(ROOT, "packages/cli/dist/main.js");
// Longer than the cut, so the payment made during it is recorded by its own worker once the
// store is back; short, so a claim left by another worker is taken over within seconds.
const LEASE_MS = 4000;
const CUT_MS = 1500;

/** A running `goodfaith` process and what it said so far. */
interface Running {
  readonly child: ChildProcess;
  readonly out: string[];
  readonly err: string[];
  readonly exit: Promise<number | null>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const err: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (l) => out.push(l));
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (l) => err.push(l));
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, out, err, exit };
}

const withSchema = (url: string, schema: string) => {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
};

/** The command under test, its worker fast and its lease short (both real options). */
const COMMANDS: Record<string, (db: string, pay: string) => string[]> = {
  "goodfaith outbox run": (db, pay) => [
    "outbox",
    "run",
    "--db",
    db,
    ...["--executor", "webhook", "--url", pay, "--secret", "s3cret"],
    ...["--lease-ms", String(LEASE_MS), "--interval-ms", "100"],
  ],
  "goodfaith serve": (db, pay) => [
    "serve",
    ...["-p", join(ROOT, "packs/retail/promises.yaml"), "--port", "0", "--db", db],
    ...["--executor", "webhook", "--url", pay, "--secret", "s3cret"],
    ...["--lease-ms", String(LEASE_MS), "--outbox-interval-ms", "100"],
  ],
};

await describePostgres("long-running commands through a store outage", ({ url, freshSchema }) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
  });

  for (const [name, argsOf] of Object.entries(COMMANDS)) {
    it(`${name} survives the database going away and pays each remedy exactly once`, async () => {
      if (!existsSync(BIN)) throw new Error("build first: npx tsc -b (runs the built command)");
      const schema = freshSchema();
      const direct = (await openStore(withSchema(url, schema))) as Store & WebhookStore;
      cleanup.push(() => dropSchema(schema));
      cleanup.push(() => direct.close());
      const at = Date.now() - 1000;
      await direct.recordRemedies([approvedRemedy("gate:paid-in-the-cut", at)], 1);
      const hooks = await startReceiver(() => ({ status: 204 }));
      cleanup.push(() => hooks.close());
      await direct.createWebhookEndpoint({
        id: "hooks",
        url: hooks.url,
        secret: "w",
        events: ["remedy.executed"],
        createdAt: at,
      });

      // The payment system: pays at once, except the first payment, answered only once the
      // database is cut, so its outcome cannot be recorded until the database is back.
      let paying = () => {};
      const firstPayment = new Promise<void>((resolve) => {
        paying = resolve;
      });
      let cutDone = () => {};
      const cut = new Promise<void>((resolve) => {
        cutDone = resolve;
      });
      const pay: Receiver = await startReceiver(async (_, index) => {
        if (index === 0) {
          paying();
          await cut;
        }
        return { status: 200, body: '{"status":"executed"}' };
      });
      cleanup.push(() => pay.close());
      const link: Relay = await relayTo(url);
      cleanup.push(() => link.cut());
      const running = start(argsOf(withSchema(throughRelay(url, link), schema), pay.url));
      cleanup.push(async () => {
        if (running.child.exitCode === null) running.child.kill("SIGKILL");
        await running.exit;
      });

      await firstPayment;
      // Another worker claimed one just before the cut, and died with the database away.
      await direct.recordRemedies([approvedRemedy("gate:claimed-elsewhere", Date.now())], 1);
      const elsewhere = await direct.claimDue({
        now: Date.now(),
        limit: 1,
        worker: "elsewhere",
        leaseMs: LEASE_MS,
      });
      expect(elsewhere.map((r) => r.key)).toEqual(["gate:claimed-elsewhere"]);
      await link.cut();
      cutDone();
      // The pass waits, holding its payment's outcome, for the store to come back.
      await sleep(CUT_MS);
      expect(running.child.exitCode, running.err.join("\n")).toBeNull();
      await link.restore();
      await expect
        .poll(async () => (await direct.getRemedy("gate:paid-in-the-cut"))?.remedy.status, {
          timeout: 10_000,
          interval: 100,
        })
        .toBe("executed");

      // Cut again while the worker is idle: its passes fail until the database is back.
      await link.cut();
      // Remedies keep coming while it is cut (another writer still reaches the database).
      await direct.recordRemedies(
        [approvedRemedy("gate:during-1", Date.now()), approvedRemedy("gate:during-2", Date.now())],
        1,
      );
      await sleep(CUT_MS);
      expect(running.child.exitCode, running.err.join("\n")).toBeNull();
      await link.restore();

      const keys = [
        "gate:paid-in-the-cut",
        "gate:claimed-elsewhere",
        "gate:during-1",
        "gate:during-2",
      ];
      const statuses = async () =>
        Promise.all(keys.map(async (k) => (await direct.getRemedy(k))?.remedy.status));
      await expect
        .poll(statuses, { timeout: 20_000, interval: 200 })
        .toEqual(keys.map(() => "executed"));
      await expect
        .poll(() => hooks.received.length, { timeout: 10_000, interval: 200 })
        .toBe(keys.length);
      // Long enough for a second payment or delivery of anything, were one coming.
      await sleep(LEASE_MS + 500);

      const paid = pay.received.map(
        (r) => (JSON.parse(r.body) as { idempotencyKey: string }).idempotencyKey,
      );
      expect(paid.sort()).toEqual([...keys].sort());
      expect(hooks.received.length).toBe(keys.length);
      for (const key of keys) {
        const history = await direct.getRemedy(key);
        expect(history?.transitions.filter((t) => t.to === "executed")).toHaveLength(1);
      }
      // stderr is the log, JSON lines: the start, then one line when the store went away, with
      // why, and one when it came back; nothing else (no stack trace, no line per pass).
      expect(running.child.exitCode, running.err.join("\n")).toBeNull();
      const lines = running.err.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((l) => [l.level, l.msg])).toEqual([
        ["info", expect.stringMatching(/^(listening|outbox worker started)$/)],
        [
          "warn",
          expect.stringMatching(
            /^outbox: store unavailable \(.+\); trying again until it is back$/,
          ),
        ],
        ["info", "outbox: store available again; resuming"],
      ]);
      expect(lines.slice(1)).toMatchObject([
        { who: "outbox", event: "store_unavailable" },
        { who: "outbox", event: "store_back" },
      ]);

      running.child.kill("SIGTERM");
      expect(await running.exit).toBe(0);
    }, 60_000);
  }
});
