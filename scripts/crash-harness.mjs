#!/usr/bin/env node
// @ts-check
/**
 * The crash harness (issue 3, §5 "Crash safety, proven"): starts the real CLI ingesting a
 * generated airline event file into a real database, kills it with SIGKILL at a random instant,
 * restarts it, and repeats; afterwards it checks that
 *   (a) every event the CLI had acknowledged is in the event log,
 *   (b) no remedy exists twice,
 *   (c) the stored remedies (keys and amounts) equal those of a clean in-memory engine run,
 *   (d) `goodfaith ledger verify` passes and the ledger has one `remedy.planned` per remedy.
 *
 * Kills are spread over rounds: each round ingests into a fresh database, killing every run at
 * a random instant between 50 ms and the time a full run takes, until a run finishes on its own
 * (or the kill budget is spent, then one last run goes to completion); then the round is checked.
 * So kills land during migration, appends, remedy recording, ledger appends and checkpoints, not
 * only on an already complete log.
 *
 *   node scripts/crash-harness.mjs --kills 30 [--db sqlite|postgres://127.0.0.1:5432/test]
 *                                  [--events 20000] [--seed 1] [--batch 200]
 *
 * Needs a build (`npx tsc -b`): it runs packages/cli/dist/main.js. Exit code 1 on any failure.
 * The test (test/crash/crash.test.ts) calls `runCrashHarness` in-process.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Engine, loadPromises, toDecimalString, validateEvent } from "@goodfaith/core";
import { openStore, REMEDIES_CHAIN } from "@goodfaith/store";
import { generateEvents, mulberry32 } from "../bench/engine/generate.mjs";
import {
  captureVerify,
  isMain,
  option,
  pgAdmin,
  ROOT,
  runCli,
  scratchDatabases,
} from "./harness-support.mjs";

export { postgresProblem } from "./harness-support.mjs";

const PROMISES = ["packs/airline/promises.yaml", "packs/eu261/promises.yaml"].map((p) =>
  join(ROOT, p),
);

/**
 * @typedef {object} CrashHarnessOptions
 * @property {number} kills SIGKILLs to deliver in all.
 * @property {string} [db] "sqlite" (default) or a postgres:// URL (a fresh schema per round).
 * @property {number} [events] Events in the file. @default 20000
 * @property {number} [seed] Seeds the event stream and the kill instants. @default 1
 * @property {number} [batch] `--batch` of the CLI. @default 200
 * @property {number} [childTimeoutMs] Longest a run to completion may take. @default 120000
 * @property {(line: string) => void} [log] Progress lines. @default console.log
 */

/**
 * @typedef {object} CheckResult
 * @property {string} name
 * @property {boolean} ok
 * @property {string} detail
 */

/**
 * @typedef {object} CrashHarnessResult
 * @property {boolean} ok
 * @property {number} kills
 * @property {number} rounds
 * @property {number} fullRunMs
 * @property {CheckResult[]} checks One per check per round.
 * @property {{ round: number, run: number, delayMs: number, ackedSeq: number }[]} killLog
 */

/**
 * Runs the harness; never throws on a failed check (see `ok` and `checks`).
 * @param {CrashHarnessOptions} options
 * @returns {Promise<CrashHarnessResult>}
 */
export async function runCrashHarness(options) {
  const kills = options.kills;
  const n = options.events ?? 20_000;
  const seed = options.seed ?? 1;
  const batch = options.batch ?? 200;
  const childTimeoutMs = options.childTimeoutMs ?? 120_000;
  const log = options.log ?? ((line) => console.log(line));
  const target = options.db ?? "sqlite";
  const scratch = scratchDatabases(target, "gf_crash");
  const { postgres, dir } = scratch;
  const databaseUrl = scratch.url;
  const dispose = scratch.dispose;

  try {
    // The event file, and the reference: a clean in-memory run over the same lines.
    const file = join(dir, "events.jsonl");
    const lines = generateEvents(n, seed).events.map((e) => JSON.stringify(e));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const ids = lines.map((l) => /** @type {{ id: string }} */ (JSON.parse(l)).id);
    const reference = cleanRun(lines);
    log(`${n} events (seed ${seed}) → ${reference.size} remedies in a clean run; ${dir}`);

    /** @param {string} db */
    const ingestArgs = (db) => [
      "ingest",
      file,
      "-p",
      ...PROMISES,
      "--db",
      db,
      "--batch",
      String(batch),
      "--json",
    ];

    // Calibration: how long one full run takes (the upper bound of a kill instant).
    const calibration = databaseUrl("calibration");
    const full = await runCli(ingestArgs(calibration), { timeoutMs: childTimeoutMs });
    if (full.code !== 0) {
      throw new Error(`calibration run failed (exit ${full.code}): ${full.stderr.slice(-2000)}`);
    }
    const fullRunMs = Math.round(full.ms);
    await dispose(calibration);
    log(`a full run takes ${fullRunMs} ms; kill instants drawn from [50, ${fullRunMs}] ms`);

    const random = mulberry32((seed * 2654435761) ^ 0x5eed);
    /** @type {CheckResult[]} */
    const checks = [];
    /** @type {CrashHarnessResult["killLog"]} */
    const killLog = [];
    let done = 0;
    let round = 0;
    while (done < kills) {
      round++;
      const db = databaseUrl(`r${round}`);
      let ackedSeq = 0;
      let ackedLine = 0;
      /** @param {string} line */
      const onLine = (line) => {
        /** @type {any} */
        let msg;
        try {
          msg = JSON.parse(line);
        } catch {
          return;
        }
        if (typeof msg.committed === "number") {
          if (typeof msg.lastSeq === "number") ackedSeq = Math.max(ackedSeq, msg.lastSeq);
          if (typeof msg.line === "number") ackedLine = Math.max(ackedLine, msg.line);
        }
      };
      let finished = false;
      for (let attempt = 1; !finished; attempt++) {
        const last = done >= kills;
        const delayMs = last ? undefined : 50 + Math.floor(random() * Math.max(1, fullRunMs - 50));
        const r = await runCli(ingestArgs(db), {
          ...(delayMs !== undefined && { killAfterMs: delayMs }),
          timeoutMs: childTimeoutMs,
          onLine,
        });
        if (r.timedOut) throw new Error(`ingest ran longer than ${childTimeoutMs} ms; ${r.stderr}`);
        if (r.killed) {
          done++;
          killLog.push({ round, run: attempt, delayMs: delayMs ?? 0, ackedSeq });
          log(
            `kill ${done}: round ${round} run ${attempt} at ${delayMs} ms, acknowledged seq ${ackedSeq}`,
          );
          continue;
        }
        if (r.code !== 0) {
          throw new Error(
            `ingest exited ${r.code ?? r.signal} (round ${round}, run ${attempt}): ${r.stderr.slice(-2000)}`,
          );
        }
        finished = true;
      }
      const found = await verifyRound(db, { ids, ackedSeq, ackedLine, reference, postgres });
      for (const c of found) {
        checks.push({ ...c, name: `round ${round}: ${c.name}` });
        log(`${c.ok ? "PASS" : "FAIL"} round ${round}: ${c.name} — ${c.detail}`);
      }
      await dispose(db);
    }
    const ok = checks.every((c) => c.ok);
    log(`${ok ? "PASS" : "FAIL"}: ${done} kills in ${round} rounds`);
    return { ok, kills: done, rounds: round, fullRunMs, checks, killLog };
  } finally {
    await scratch.cleanup();
  }
}

/**
 * Remedies of a clean in-memory engine run over `lines`: key → "amount currency" (or "-").
 * @param {string[]} lines
 */
function cleanRun(lines) {
  const documents = PROMISES.map((p) => {
    const r = loadPromises(readFileSync(p, "utf8"), p);
    if (!r.ok) throw new Error(`${p}: ${JSON.stringify(r.issues)}`);
    return r.value;
  });
  const engine = new Engine(documents);
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const line of lines) {
    const checked = validateEvent(JSON.parse(line));
    if (!checked.ok) throw new Error(`generated an invalid event: ${line}`);
    for (const o of engine.process(/** @type {any} */ (checked.value))) {
      if (o.type === "remedy") {
        out.set(o.key, o.amount ? `${toDecimalString(o.amount)} ${o.amount.currency}` : "-");
      }
    }
  }
  return out;
}

/**
 * The checks of one round, on the database at `db`.
 * @param {string} db
 * @param {{ ids: string[], ackedSeq: number, ackedLine: number, reference: Map<string, string>, postgres: boolean }} ctx
 * @returns {Promise<{ name: string, ok: boolean, detail: string }[]>}
 */
async function verifyRound(db, { ids, ackedSeq, ackedLine, reference, postgres }) {
  const results = [];
  const store = await openStore(db, postgres ? { maxConnections: 2 } : {});
  /** @type {Map<string, string>} */
  const stored = new Map();
  let remedyRows = 0;
  let planned = 0;
  /** @type {Set<string>} */
  const plannedKeys = new Set();
  try {
    // (a) every acknowledged event is present.
    /** @type {Set<string>} */
    const logged = new Set();
    let maxSeq = 0;
    for await (const { seq, event } of store.readEvents({ afterSeq: 0 })) {
      logged.add(event.id);
      maxSeq = Math.max(maxSeq, seq);
    }
    const missing = ids.slice(0, ackedLine).filter((id) => !logged.has(id));
    results.push({
      name: "(a) acknowledged events present",
      ok: maxSeq >= ackedSeq && missing.length === 0 && logged.size === ids.length,
      detail:
        `highest acknowledged seq ${ackedSeq}, log at seq ${maxSeq}; acknowledged lines 1–${ackedLine}, ` +
        `${missing.length} missing${missing.length ? ` (first ${missing.slice(0, 5).join(", ")})` : ""}; ` +
        `${logged.size}/${ids.length} events logged after the final run`,
    });

    // (b) no remedy twice; (c) the remedies of a clean run.
    /** @type {any} */
    let after;
    for (;;) {
      const page = await store.listRemedies({}, { limit: 5000, ...(after && { after }) });
      for (const r of page.remedies) {
        remedyRows++;
        stored.set(r.key, r.amount ? `${r.amount.amount} ${r.amount.currency}` : "-");
      }
      if (!page.next || page.remedies.length === 0) break;
      after = page.next;
    }
    for await (const e of store.readLedger(REMEDIES_CHAIN)) {
      if (e.kind === "remedy.planned") {
        planned++;
        if (e.remedyKey) plannedKeys.add(e.remedyKey);
      }
    }
  } finally {
    await store.close();
  }
  const rows = await rawRemedyCounts(db, postgres);
  results.push({
    name: "(b) no remedy twice",
    ok: rows.rows === rows.distinct && remedyRows === stored.size,
    detail: `${rows.rows} remedy rows, ${rows.distinct} distinct keys`,
  });
  const absent = [...reference.keys()].filter((k) => !stored.has(k));
  const extra = [...stored.keys()].filter((k) => !reference.has(k));
  const differ = [...reference].filter(([k, v]) => stored.has(k) && stored.get(k) !== v);
  results.push({
    name: "(c) remedies equal a clean run",
    ok: absent.length === 0 && extra.length === 0 && differ.length === 0,
    detail:
      `${stored.size} stored, ${reference.size} expected; ${absent.length} missing, ` +
      `${extra.length} extra, ${differ.length} with another amount` +
      (absent.length + extra.length + differ.length > 0
        ? ` (e.g. ${[...absent, ...extra, ...differ.map(([k]) => k)].slice(0, 3).join(", ")})`
        : ""),
  });

  // (d) the ledger verifies and plans each remedy exactly once.
  const verdict = await captureVerify(db);
  results.push({
    name: "(d) ledger verifies, one remedy.planned per remedy",
    ok:
      verdict.exit === 0 &&
      verdict.ok === true &&
      planned === reference.size &&
      plannedKeys.size === planned,
    detail: `ledger verify exit ${verdict.exit}, ok=${verdict.ok}; ${planned} remedy.planned entries (${plannedKeys.size} distinct), ${reference.size} expected`,
  });
  return results;
}

/** Rows vs distinct keys in the remedies table, read directly. @param {string} db @param {boolean} postgres */
async function rawRemedyCounts(db, postgres) {
  const sql = "select count(*) as n, count(distinct key) as d from remedies";
  if (postgres) {
    const schema = new URL(db).searchParams.get("schema");
    /** @type {{ rows: number, distinct: number }} */
    let out = { rows: -1, distinct: -2 };
    await pgAdmin(db, async (c) => {
      const { rows } = await c.query(sql.replace("remedies", `"${schema}".remedies`));
      out = { rows: Number(rows[0].n), distinct: Number(rows[0].d) };
    });
    return out;
  }
  const { default: Database } = await import("better-sqlite3");
  const conn = new Database(db, { readonly: true });
  try {
    const row = /** @type {{ n: number, d: number }} */ (conn.prepare(sql).get());
    return { rows: row.n, distinct: row.d };
  } finally {
    conn.close();
  }
}

/** The command line. */
async function main() {
  const result = await runCrashHarness({
    kills: Number(option("kills", "30")),
    db: option("db", "sqlite"),
    events: Number(option("events", "20000")),
    seed: Number(option("seed", "1")),
    batch: Number(option("batch", "200")),
  });
  process.exitCode = result.ok ? 0 : 1;
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
