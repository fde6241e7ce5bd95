// @ts-check
/**
 * The HTTP benchmark: Goodfaith's `POST /v1/guard/check` (a real `goodfaith serve` process
 * over a SQLite store of customer histories, with API-key auth, validation and metrics) against
 * a bare Hono endpoint doing a Map lookup, in the same run, each in its own process, loaded by
 * autocannon from this one on 127.0.0.1; then ingest over HTTP (`POST /v1/events`, NDJSON
 * batches posted one after another, then one event a request from `--connections` clients at
 * once) against a bare endpoint that only parses the lines.
 *
 *   npx tsc -b && node bench/http/run.mjs [--customers 10000] [--seconds 10] [--rounds 3]
 *     [--connections 10] [--events 50000] [--batch 1000] [--pg [postgres://…]]
 *
 * With `--pg` the store is PostgreSQL (a fresh schema, dropped afterwards; default
 * `$GOODFAITH_TEST_PG` or postgres://127.0.0.1:5432/test) instead of a SQLite file.
 *
 * Targets (issue 4): ≥ 85 % of the bare endpoint's requests/s, p99 within 1.5× of it. On a
 * shared machine requests/s are noisy, so the table also gives each server's CPU time per
 * request (from /proc, Linux only). The remedies the history's ingest created are carried out
 * by `serve`'s outbox worker before anything is measured: a backlog would otherwise compete
 * with the first rounds. Never part of the test suite; asserts no timings.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { adminUrl } from "../pg-url.mjs";
import { guardBodies, historyEvents, ingestBatches } from "./history.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = path.join(ROOT, "packages/cli/bin/goodfaith.js");
const RETAIL = path.join(ROOT, "packs/retail/promises.yaml");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const opts = {
  customers: arg("--customers", 10_000),
  seconds: arg("--seconds", 10),
  rounds: arg("--rounds", 3),
  connections: arg("--connections", 10),
  events: arg("--events", 50_000),
  batch: arg("--batch", 1000),
};

/** Runs the CLI to completion; its stdout. */
function cli(args) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`goodfaith ${args[0]}: ${run.stderr}`);
  return run.stdout;
}

// Node flags for the two server processes only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to
// profile them under load (NODE_OPTIONS refuses --cpu-prof).
const SERVER_FLAGS = (process.env.GF_BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);

/** Starts a server process that prints `{"listening": url}`; resolves to its url and a stop. */
function start(args) {
  const child = spawn(process.execPath, [...SERVER_FLAGS, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const { listening } = JSON.parse(line);
      resolve({ url: listening, pid: child.pid, stop: () => child.kill("SIGTERM") });
    });
  });
}

const TICK_S = 1 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout || 100);

/** CPU seconds a process has used (user + system), or NaN where /proc is not there. */
function cpuSeconds(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return Number.NaN;
  const fields = readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_S;
}

/** The `q` quantile (0–1) of ascending `sorted`. @param {Float64Array} sorted @param {number} q */
const quantile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/**
 * One autocannon run against `server` cycling through `bodies`; requests/s, latency
 * percentiles (ms) and the server's CPU µs per request. The latencies are autocannon's own
 * per-response times, kept here at full precision: its summary rounds them to whole
 * milliseconds, which on a fast machine makes every p99 0 or 1.
 */
async function load(server, url, headers, bodies, seconds) {
  let i = 0;
  /** @type {number[]} */
  const latencies = [];
  const cpu = cpuSeconds(server.pid);
  const body = typeof bodies === "function" ? bodies : (n) => bodies[n % bodies.length];
  const tracker = autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    connections: opts.connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: body(i++) }) }],
  });
  tracker.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await tracker;
  const sorted = Float64Array.from(latencies).sort();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    cpu: ((cpuSeconds(server.pid) - cpu) / result.requests.total) * 1e6,
  };
}

/** Posts the NDJSON batches one after another; events/s. */
async function ingest(url, headers, batches) {
  const t = performance.now();
  let events = 0;
  for (const body of batches) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", ...headers },
      body,
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    events += (await res.json()).accepted;
  }
  return events / ((performance.now() - t) / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d });

const dir = mkdtempSync(path.join(os.tmpdir(), "gf-http-bench-"));
const pgAt = process.argv.indexOf("--pg");
const pgUrl =
  pgAt < 0
    ? undefined
    : process.argv[pgAt + 1]?.startsWith("postgres")
      ? process.argv[pgAt + 1]
      : (process.env.GOODFAITH_TEST_PG ?? "postgres://127.0.0.1:5432/test");
const schema = `gf_http_bench_${process.pid}`;
const db =
  pgUrl === undefined
    ? path.join(dir, "store.db")
    : `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}schema=${schema}`;
const history = path.join(dir, "history.jsonl");
writeFileSync(
  history,
  `${historyEvents(opts.customers)
    .map((e) => JSON.stringify(e))
    .join("\n")}\n`,
);
cli(["ingest", history, "-p", RETAIL, "--db", db, "--batch", "5000"]);
const key = JSON.parse(cli(["keys", "create", "-s", "guard", "ingest", "--db", db, "--json"])).key;
const auth = { authorization: `Bearer ${key}` };
const agent = JSON.parse(cli(["keys", "create", "-s", "agent", "--db", db, "--json"])).key;

/** Resolves once no remedy awaits `serve`'s outbox worker. */
async function drained(url) {
  const headers = { authorization: `Bearer ${agent}` };
  for (;;) {
    const res = await fetch(`${url}/v1/remedies?status=approved&limit=1`, { headers });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    if ((await res.json()).remedies.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const goodfaith = await start([
  CLI,
  "serve",
  "--db",
  db,
  "-p",
  RETAIL,
  "--port",
  "0",
  "--rate-limit",
  "0",
  "--json",
]);
const bare = await start([path.join(ROOT, "bench/http/bare-server.mjs"), String(opts.customers)]);
try {
  const bodies = guardBodies(opts.customers);
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}; ${pgUrl === undefined ? "SQLite" : "PostgreSQL"}; ${fmt(opts.customers)} customers; ${opts.connections} connections, ${opts.seconds} s × ${opts.rounds} rounds each, alternating`,
  );
  await drained(goodfaith.url);
  // Warm both up (JIT, page cache) before measuring.
  await load(goodfaith, `${goodfaith.url}/v1/guard/check`, auth, bodies, 2);
  await load(bare, `${bare.url}/check`, {}, bodies, 2);
  const runs = { goodfaith: [], bare: [] };
  for (let r = 0; r < opts.rounds; r++) {
    runs.goodfaith.push(
      await load(goodfaith, `${goodfaith.url}/v1/guard/check`, auth, bodies, opts.seconds),
    );
    runs.bare.push(await load(bare, `${bare.url}/check`, {}, bodies, opts.seconds));
  }
  const summary = (name) => {
    const rs = runs[name];
    return {
      rps: median(rs.map((x) => x.rps)),
      p50: median(rs.map((x) => x.p50)),
      p99: median(rs.map((x) => x.p99)),
      cpu: median(rs.map((x) => x.cpu)),
    };
  };
  const g = summary("goodfaith");
  const b = summary("bare");
  console.log("\n| guard check over HTTP | requests/s | p50 ms | p99 ms | server CPU µs/request |");
  console.log("|:--|--:|--:|--:|--:|");
  console.log(
    `| Goodfaith \`POST /v1/guard/check\` | ${fmt(g.rps)} | ${fmt(g.p50, 3)} | ${fmt(g.p99, 3)} | ${fmt(g.cpu)} |`,
  );
  console.log(
    `| bare Hono + Map lookup | ${fmt(b.rps)} | ${fmt(b.p50, 3)} | ${fmt(b.p99, 3)} | ${fmt(b.cpu)} |`,
  );
  const ratio = g.rps / b.rps;
  const p99 = g.p99 / b.p99;
  console.log(
    `\nrequests/s: ${(ratio * 100).toFixed(1)} % of bare (target ≥ 85 %) → ${ratio >= 0.85 ? "met" : "NOT met"}`,
  );
  console.log(`p99: ${p99.toFixed(2)}× bare (target ≤ 1.5×) → ${p99 <= 1.5 ? "met" : "NOT met"}`);
  console.log(
    `CPU per request: ${((b.cpu / g.cpu) * 100).toFixed(1)} % of bare's throughput if CPU-bound`,
  );

  const batches = ingestBatches(opts.events, opts.batch);
  const gi = await ingest(`${goodfaith.url}/v1/events`, auth, batches);
  const bi = await ingest(`${bare.url}/events`, {}, batches);
  console.log(`\n| ingest over HTTP (NDJSON, ${fmt(opts.batch)} a request) | events/s |`);
  console.log("|:--|--:|");
  console.log(`| Goodfaith \`POST /v1/events\` (validated, durable, evaluated) | ${fmt(gi)} |`);
  console.log(`| bare Hono, lines parsed only | ${fmt(bi)} |`);
  console.log(`\nratio: ${(gi / bi).toFixed(3)}×`);

  // Shops post an event as it happens, from several processes at once: one event a request.
  const one = (n) => ingestBatches(1, 1, 5_000_000 + n)[0];
  const gs = await load(goodfaith, `${goodfaith.url}/v1/events`, auth, one, opts.seconds);
  const bs = await load(bare, `${bare.url}/events`, {}, one, opts.seconds);
  console.log(
    `\n| ingest over HTTP (one event a request, ${opts.connections} connections) | events/s | p50 ms | p99 ms | server CPU µs/event |`,
  );
  console.log("|:--|--:|--:|--:|--:|");
  console.log(
    `| Goodfaith \`POST /v1/events\` | ${fmt(gs.rps)} | ${fmt(gs.p50, 3)} | ${fmt(gs.p99, 3)} | ${fmt(gs.cpu)} |`,
  );
  console.log(
    `| bare Hono, line parsed only | ${fmt(bs.rps)} | ${fmt(bs.p50, 3)} | ${fmt(bs.p99, 3)} | ${fmt(bs.cpu)} |`,
  );
} finally {
  goodfaith.stop();
  bare.stop();
  rmSync(dir, { recursive: true, force: true });
  if (pgUrl !== undefined) {
    const client = new pg.Client({ connectionString: adminUrl(pgUrl) });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}
