#!/usr/bin/env node
// @ts-check
/**
 * The outbox crash harness: PRODUCT.md's "crash at any instant (kill -9) never duplicates a
 * remedy", proven for execution. Each round builds a real store with the real CLI (every
 * pack's sample events: 50 approved remedies), starts `goodfaith serve --no-outbox` on it for
 * the payment system's callbacks, and runs the real `goodfaith outbox run --executor webhook`
 * against a payment system in this process (scripts/payment-system.mjs: checks signatures,
 * de-duplicates by Idempotency-Key, pays at once or answers 202 and confirms by callback,
 * fails retryably now and then, refuses a few). Each run is killed with SIGKILL at a random
 * instant, or on one of its requests while it is in flight (after the payment, before or just
 * after the answer), and restarted; at the end of the round a last run goes to completion and
 * is stopped with SIGTERM. Then, per round (scripts/outbox-crash-checks.mjs):
 *   (a) every due remedy is executed, or dead; none is left executing (or anywhere else);
 *   (b) every request was signed and named its remedy as Idempotency-Key; each key was paid at
 *       most once, for the remedy's amount, and every repeat carried the same remedy (amount,
 *       tenders) as the first request;
 *   (c) every executed remedy was paid exactly once, with the reference the store recorded;
 *       no dead one was paid, and each was refused or ran out of attempts;
 *   (d) no remedy has two `executed` transitions, and none had more requests than attempts
 *       counted (an attempt started sends at most one request);
 *   (e) `goodfaith ledger verify` passes;
 *   (f) the last run stopped cleanly and the API accepted every callback.
 * Round 0 is the calibration: no kill, it measures how long the backlog takes, the upper bound
 * of a kill instant. Kills are spread over rounds of at most `--kills-per-round`; a round
 * ends early when everything is settled (kills then would find nothing to interrupt).
 *
 *   node scripts/outbox-crash-harness.mjs --kills 100 [--db sqlite|postgres://127.0.0.1:5432/test]
 *                                         [--seed 1] [--lease-ms 1000] [--kills-per-round 8]
 *
 * Needs a build (`npx tsc -b`): it runs packages/cli/dist/main.js. Exit code 1 on any failure.
 * The test (test/crash/outbox-crash.test.ts) calls `runOutboxCrashHarness` in-process.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "@goodfaith/store";
import { mulberry32 } from "../bench/engine/generate.mjs";
import { isMain, option, ROOT, runCli, scratchDatabases, startCli } from "./harness-support.mjs";
import { allRemedies, SETTLED, verifyRound } from "./outbox-crash-checks.mjs";
import { startPaymentSystem } from "./payment-system.mjs";

export { postgresProblem } from "./harness-support.mjs";

const PACKS = ["airline", "eu261", "retail", "streaming", "support", "us-dot"];
const EVENTS = PACKS.map((p) => join(ROOT, `packs/${p}/events.jsonl`));
const PROMISES = PACKS.map((p) => join(ROOT, `packs/${p}/promises.yaml`));

/**
 * @typedef {object} OutboxCrashHarnessOptions
 * @property {number} kills SIGKILLs to deliver in all.
 * @property {string} [db] "sqlite" (default) or a postgres:// URL (a fresh schema per round).
 * @property {number} [seed] Seeds the payment system and the kill instants. @default 1
 * @property {number} [leaseMs] `--lease-ms` of the worker. @default 1000
 * @property {number} [killsPerRound] At most this many kills before a round's last run. @default 8
 * @property {number} [childTimeoutMs] Longest a run to completion may take. @default 120000
 * @property {(line: string) => void} [log] Progress lines. @default console.log
 */

/**
 * @typedef {object} RoundFigures
 * @property {number} round
 * @property {number} kills
 * @property {number} remedies Due when the round started.
 * @property {number} executed
 * @property {number} dead
 * @property {number} requests
 * @property {number} repeats
 * @property {number} retryable
 * @property {number} payments
 * @property {number} callbacks
 * @property {number} attempts Counted by the store, over all remedies.
 */

/**
 * @typedef {object} OutboxCrashHarnessResult
 * @property {boolean} ok
 * @property {number} kills
 * @property {number} rounds Including the calibration round.
 * @property {number} fullRunMs
 * @property {import("./outbox-crash-checks.mjs").CheckResult[]} checks One per check per round.
 * @property {RoundFigures[]} figures
 * @property {{ round: number, run: number, mode: string, delayMs: number, requests: number }[]} killLog
 */

/** @param {RoundFigures[]} figures */
function totals(figures) {
  /** @type {Record<string, number>} */
  const sum = {};
  for (const f of figures) {
    for (const [k, v] of Object.entries(f)) if (k !== "round") sum[k] = (sum[k] ?? 0) + v;
  }
  return sum;
}

/**
 * Runs the harness; never throws on a failed check (see `ok` and `checks`).
 * @param {OutboxCrashHarnessOptions} options
 * @returns {Promise<OutboxCrashHarnessResult>}
 */
export async function runOutboxCrashHarness(options) {
  const kills = options.kills;
  const seed = options.seed ?? 1;
  const leaseMs = options.leaseMs ?? 1000;
  const killsPerRound = Math.max(1, options.killsPerRound ?? 8);
  const childTimeoutMs = options.childTimeoutMs ?? 120_000;
  const log = options.log ?? ((line) => console.log(line));
  const scratch = scratchDatabases(options.db ?? "sqlite", "gf_outbox_crash");
  const secret = randomBytes(16).toString("hex");
  const random = mulberry32((seed * 2654435761) ^ 0x0b0c);
  const payments = await startPaymentSystem({ secret, seed, random: mulberry32(seed ^ 0x9a11) });
  /** @type {import("./outbox-crash-checks.mjs").CheckResult[]} */
  const checks = [];
  /** @type {RoundFigures[]} */
  const figures = [];
  /** @type {OutboxCrashHarnessResult["killLog"]} */
  const killLog = [];
  let fullRunMs = 0;
  let done = 0;
  let round = 0;

  /** @type {{ file: string, key: string } | undefined} */
  let template;
  /**
   * A store at `db` holding the packs' remedies, built by the real CLI (`ingest`, then an
   * executor key for the callbacks); returns the key. On SQLite the first one is kept as a
   * template and copied for the next rounds: the same bytes, a second less per round.
   * @param {string} db
   */
  async function prepare(db) {
    if (template !== undefined) {
      copyFileSync(template.file, db);
      return template.key;
    }
    const ingest = await runCli(["ingest", ...EVENTS, "-p", ...PROMISES, "--db", db], {
      timeoutMs: childTimeoutMs,
    });
    if (ingest.code !== 0) throw new Error(`ingest exited ${ingest.code}: ${ingest.stderr}`);
    /** @type {string[]} */
    const lines = [];
    const keys = await runCli(
      ["keys", "create", "--scope", "executor", "--name", "payments", "--db", db, "--json"],
      { timeoutMs: childTimeoutMs, onLine: (l) => lines.push(l) },
    );
    if (keys.code !== 0) throw new Error(`keys create exited ${keys.code}: ${keys.stderr}`);
    const key = String(JSON.parse(lines.join("\n")).key);
    if (!scratch.postgres) {
      // Closed by the CLI, so the file holds everything (no -wal left to copy).
      template = { file: join(scratch.dir, "template.db"), key };
      copyFileSync(db, template.file);
    }
    return key;
  }

  /**
   * One round on a fresh store: `budget` kills (fewer if all is settled before), then a run
   * to completion; returns how long that last run took to settle everything.
   * @param {number} budget
   */
  async function playRound(budget) {
    const db = scratch.url(`r${round}`);
    payments.begin(await prepare(db));
    const store = await openStore(db, scratch.postgres ? { maxConnections: 2 } : {});
    let roundKills = 0;
    /** @type {import("./harness-support.mjs").CliProcess | undefined} */
    let serve;
    try {
      // Due: approved, and its time has come (a few sample events lie in the future).
      /** @type {Map<string, string>} */
      const due = new Map();
      /** @type {Set<string>} */
      const later = new Set();
      const now = Date.now();
      for (const r of await allRemedies(store)) {
        if (r.status !== "approved") continue;
        if ((r.nextAttemptAt ?? r.at) <= now) due.set(r.key, JSON.stringify(r.amount ?? null));
        else later.add(r.key);
      }
      const base = await new Promise((resolve, reject) => {
        serve = startCli(["serve", "--no-outbox", "--port", "0", "--json", "--db", db], {
          timeoutMs: 3_600_000,
          onLine: (line) => {
            try {
              resolve(JSON.parse(line).listening);
            } catch {
              // Not the listening line.
            }
          },
        });
        serve.done.then((r) => reject(new Error(`serve exited ${r.code}: ${r.stderr}`)));
      });
      const runArgs = [
        "outbox",
        "run",
        "--executor",
        "webhook",
        "--url",
        payments.url,
        "--secret",
        secret,
        "--callback-base",
        base,
        "--lease-ms",
        String(leaseMs),
        "--interval-ms",
        "100",
        "--db",
        db,
        "--json",
      ];
      const settled = async () =>
        payments.pendingCallbacks === 0 &&
        (await allRemedies(store)).every((r) => !due.has(r.key) || SETTLED.has(r.status));

      for (let run = 1; roundKills < budget; run++) {
        const r = random();
        const mode = r < 1 / 3 ? "timer" : r < 2 / 3 ? "before-answer" : "after-answer";
        // In flight: on the nth request of the run, or (none coming) once a backlog would be done.
        const nth = 1 + Math.floor(random() * 12);
        const delayMs =
          mode === "timer" ? 50 + Math.floor(random() * Math.max(1, fullRunMs - 50)) : fullRunMs;
        const child = startCli(runArgs, { killAfterMs: delayMs, timeoutMs: childTimeoutMs });
        payments.startRun(mode === "timer" ? undefined : { nth, phase: mode, kill: child.kill });
        const exit = await child.done;
        const seen = payments.endRun();
        if (!exit.killed) {
          throw new Error(
            `outbox run ended by itself (exit ${exit.code ?? exit.signal}${exit.timedOut ? ", timed out" : ""}): ${exit.stderr.slice(-2000)}`,
          );
        }
        done++;
        roundKills++;
        const how = seen.killedBy ?? "timer";
        killLog.push({ round, run, mode: how, delayMs, requests: seen.requests });
        log(
          `kill ${done}: round ${round} run ${run} ${how === "timer" ? `at ${Math.round(exit.ms)} ms` : `on request ${seen.requests}, ${how}`} (${seen.requests} requests in the run)`,
        );
        if (await settled()) break;
      }

      // The last run: until every due remedy is settled, no callback is on its way, and it has
      // reported a pass (so it is in its loop, listening for SIGTERM).
      const started = performance.now();
      let passes = 0;
      const last = startCli(runArgs, {
        timeoutMs: childTimeoutMs,
        onLine: (line) => {
          if (line.startsWith('{"remedies"')) passes++;
        },
      });
      payments.startRun(undefined);
      let exited = false;
      last.done.then(() => {
        exited = true;
      });
      let complete = false;
      while (!exited) {
        complete = await settled();
        if (complete && passes > 0) break;
        await sleep(50);
      }
      const ms = performance.now() - started;
      last.signal("SIGTERM");
      const exit = await last.done;
      payments.endRun();
      const stopped = {
        ok: complete && exit.code === 0 && !exit.timedOut,
        detail: `${complete ? `settled after ${Math.round(ms)} ms` : "not settled"}; exit ${exit.code ?? exit.signal}${exit.timedOut ? " (timed out)" : ""}${exit.code === 0 ? "" : `: ${exit.stderr.slice(-500)}`}`,
      };
      serve?.signal("SIGTERM");
      await serve?.done.catch(() => {});
      serve = undefined;

      const found = await verifyRound(db, store, { due, later }, payments.snapshot(), stopped);
      figures.push({ round, kills: roundKills, ...found.figures });
      for (const c of found.checks) {
        checks.push({ ...c, name: `round ${round}: ${c.name}` });
        log(`${c.ok ? "PASS" : "FAIL"} round ${round}: ${c.name} — ${c.detail}`);
      }
      return ms;
    } finally {
      if (serve !== undefined) {
        serve.kill();
        await serve.done.catch(() => {});
      }
      await store.close();
      await scratch.dispose(db);
    }
  }

  try {
    fullRunMs = Math.round(await playRound(0));
    log(`the backlog takes ${fullRunMs} ms uncut; kill instants drawn from [50, ${fullRunMs}] ms`);
    while (done < kills) {
      round++;
      await playRound(Math.min(killsPerRound, kills - done));
    }
    const ok = checks.every((c) => c.ok);
    const t = totals(figures);
    log(
      `${ok ? "PASS" : "FAIL"}: ${done} kills in ${round} rounds (+ calibration); ${t.remedies} remedies due, ` +
        `${t.executed} executed, ${t.dead} dead; ${t.requests} requests (${t.repeats} repeats, ` +
        `${t.retryable} retryable failures), ${t.payments} payments, ${t.callbacks} callbacks, ${t.attempts} attempts counted`,
    );
    return { ok, kills: done, rounds: round + 1, fullRunMs, checks, figures, killLog };
  } finally {
    await payments.close();
    await scratch.cleanup();
  }
}

/** The command line. */
async function main() {
  const result = await runOutboxCrashHarness({
    kills: Number(option("kills", "30")),
    db: option("db", "sqlite"),
    seed: Number(option("seed", "1")),
    leaseMs: Number(option("lease-ms", "1000")),
    killsPerRound: Number(option("kills-per-round", "8")),
  });
  process.exitCode = result.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
