// @ts-check
/**
 * Stored backtest benchmark: `goodfaith backtest --db` (airline + EU 261 packs) over a SQLite
 * store of the generated airline stream, with 1 worker thread (today's single-threaded replay)
 * and with 2 (sharded by customer), in the same run, each as its own `goodfaith` process.
 *
 *   npx tsc -b && node bench/backtest/stored.mjs [--db FILE] [--events N] [--seed N]
 *     [--rounds N] [--workers 1,2]
 *
 * Without --db it builds a store of N generated events (default 200,000) in a temporary
 * directory first. Never part of the test suite, and asserts no timings: it exits with status 1
 * if the outputs of the worker counts are not byte-identical.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../packages/store/dist/index.js";
import { generateEvents } from "../engine/generate.mjs";
import { fmt, median, numberOption } from "../engine/harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const argv = process.argv.slice(2);
const textOption = (/** @type {string} */ name) => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
};
const opt = {
  db: textOption("--db"),
  events: numberOption(argv, "--events", 200_000),
  seed: numberOption(argv, "--seed", 261),
  rounds: numberOption(argv, "--rounds", 3),
  workers: (textOption("--workers") ?? "1,2").split(",").map(Number),
};

let db = opt.db;
let temp;
if (db === undefined) {
  temp = mkdtempSync(join(os.tmpdir(), "goodfaith-bench-stored-"));
  db = join(temp, "store.db");
  const t = performance.now();
  const { events } = generateEvents(opt.events, opt.seed);
  const store = await openStore(db, { synchronous: "normal" });
  for (let i = 0; i < events.length; i += 10_000)
    await store.appendEvents(events.slice(i, i + 10_000));
  await store.close();
  console.log(
    `stored ${fmt(events.length)} airline events (seed ${opt.seed}) in ${fmt((performance.now() - t) / 1000, 1)} s`,
  );
}
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? "?"}, ${os.availableParallelism()} cores, load ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(" ")}`,
);

/** One `goodfaith backtest` process: wall and CPU seconds, and its output. @param {number} workers */
function once(workers) {
  const args = [
    ...["--import", join(ROOT, "bench/backtest/cpu-at-exit.mjs")],
    join(ROOT, "packages/cli/bin/goodfaith.js"),
    ...["backtest", "-p", join(ROOT, "packs/airline/promises.yaml")],
    ...[join(ROOT, "packs/eu261/promises.yaml"), "--db", String(db), "--json"],
    ...["--workers", String(workers)],
  ];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`workers ${workers}: exit ${r.status}\n${r.stderr}`);
  const cpu = Number(/cpu-seconds=([\d.]+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { wall, cpu, out: r.stdout };
}

/** @type {Map<number, { wall: number[], cpu: number[], out: string }>} */
const results = new Map(opt.workers.map((w) => [w, { wall: [], cpu: [], out: "" }]));
for (let round = 0; round < opt.rounds; round++) {
  // The order rotates per round, so a slower stretch of a shared machine hits each in turn.
  const order = opt.workers.map((_, i) => opt.workers[(i + round) % opt.workers.length] ?? 1);
  for (const w of order) {
    const r = once(w);
    const entry = results.get(w);
    if (!entry) continue;
    entry.wall.push(r.wall);
    entry.cpu.push(r.cpu);
    if (entry.out === "") entry.out = r.out;
    else if (entry.out !== r.out)
      throw new Error(`workers ${w}: two runs printed different reports`);
    console.log(
      `round ${round + 1}: ${w} worker(s) ${fmt(r.wall, 2)} s wall, ${fmt(r.cpu, 2)} s CPU`,
    );
  }
}

const base = results.get(opt.workers[0] ?? 1);
const baseWall = median(base?.wall ?? []);
console.log(`\n| workers | median wall s (min–max) | median CPU s | wall vs ${opt.workers[0]} |`);
console.log("|--------:|------------------------:|-------------:|--------:|");
for (const [w, r] of results) {
  const wall = median(r.wall);
  const range = `${fmt(wall, 2)} (${fmt(Math.min(...r.wall), 2)}–${fmt(Math.max(...r.wall), 2)})`;
  console.log(
    `| ${String(w).padStart(7)} | ${range.padStart(23)} | ${fmt(median(r.cpu), 2).padStart(12)} | ${`${fmt(baseWall / wall, 2)}×`.padStart(7)} |`,
  );
}
const outputs = new Set([...results.values()].map((r) => r.out));
const report = JSON.parse(base?.out ?? "{}").proposed ?? {};
console.log(
  `\n${fmt(report.events?.replayed ?? 0)} events, ${fmt(report.totals?.remedies ?? 0)} remedies; outputs ${outputs.size === 1 ? "byte-identical" : "DIFFER"} across worker counts`,
);
if (temp) rmSync(temp, { recursive: true, force: true });
if (outputs.size !== 1) process.exit(1);
