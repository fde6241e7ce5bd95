// @ts-check
/**
 * Store benchmark: durable ingest (parse, validate, evaluate, persist events, remedies and
 * ledger) from a JSONL file, against baselines measured in the same run on the same file:
 * `JSON.parse` of every line, a bare better-sqlite3 batched insert of the same event rows, and
 * on PostgreSQL a bare `COPY … FROM STDIN` of those rows (plus a multi-row INSERT for scale).
 *
 *   npx tsc -b && node bench/store/run.mjs [--events N] [--quick] [--rounds N] [--batch N]
 *     [--seed N] [--pg URL | --no-pg] [--only NAME[,NAME]] [--jsonl PATH]
 *
 * Never part of the test suite, and asserts no timings.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import Database from "better-sqlite3";
import pg from "pg";
import { Ingestor, openStore } from "../../packages/store/dist/index.js";
import { generateEvents } from "../engine/generate.mjs";
import { documents } from "../engine/packs.mjs";
import { adminUrl } from "../pg-url.mjs";

const ALL = [
  "json-parse",
  "sqlite-bare",
  "sqlite-goodfaith",
  "pg-copy",
  "pg-insert",
  "pg-goodfaith",
];

function options(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const n = Number(String(argv[i + 1]).replace(/_/g, ""));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`);
    return n;
  };
  const text = (name, fallback) => {
    const i = argv.indexOf(name);
    return i < 0 ? fallback : String(argv[i + 1]);
  };
  const quick = argv.includes("--quick");
  const only = text("--only", undefined)?.split(",") ?? ALL;
  for (const o of only) if (!ALL.includes(o)) throw new Error(`--only ${ALL.join("|")}`);
  const pgUrl = argv.includes("--no-pg")
    ? undefined
    : text("--pg", process.env.GOODFAITH_TEST_PG || "postgres://127.0.0.1:5432/test");
  return {
    events: value("--events", quick ? 20_000 : 200_000),
    rounds: value("--rounds", 3),
    batch: value("--batch", 5_000),
    seed: value("--seed", 261),
    jsonl: text("--jsonl", undefined),
    pgUrl,
    only,
  };
}

v8.setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (vm.runInNewContext("gc"));

/**
 * The file's lines in batches of `size` strings; every implementation reads the file this way.
 * @param {string} file
 * @param {number} size
 * @returns {AsyncGenerator<string[]>}
 */
async function* lineBatches(file, size) {
  let rest = "";
  let batch = [];
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      if (nl > start) batch.push(text.slice(start, nl));
      start = nl + 1;
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) batch.push(rest);
  if (batch.length > 0) yield batch;
}

/**
 * The events table's row for a parsed line, as the store's log writes it (body: the event's JSON,
 * here the line itself, which is that JSON already).
 * @param {string} line
 */
function row(line) {
  const e = JSON.parse(line);
  return [
    e.id,
    e.type,
    Date.parse(e.time),
    typeof e.customer === "string" ? e.customer : null,
    line,
  ];
}

// The store's events table (packages/store/src/migrations.ts), with its unique id and time index.
const EVENTS_DDL = (seqType) => [
  `CREATE TABLE events (seq ${seqType} PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, time_ms BIGINT NOT NULL, customer TEXT, body TEXT NOT NULL)`,
  "CREATE INDEX events_time ON events (time_ms, seq)",
];

/** @param {string} dir */
function sqliteFile(dir) {
  const file = path.join(dir, `bench-${randomBytes(4).toString("hex")}.db`);
  return {
    file,
    remove: () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * `COPY … FROM STDIN` through pg's submittable interface (what pg-copy-streams does, without a
 * stream): sends the whole payload on CopyInResponse.
 */
class CopyIn {
  /** @param {string} text @param {string} payload */
  constructor(text, payload) {
    this.text = text;
    this.payload = payload;
    /** @type {unknown} */
    this.error = undefined;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  submit(connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection) {
    const buf = Buffer.from(this.payload, "utf8");
    for (let i = 0; i < buf.length; i += 1 << 16)
      connection.sendCopyFromChunk(buf.subarray(i, i + (1 << 16)));
    connection.endCopyFrom();
  }
  handleCommandComplete() {}
  handleError(error) {
    this.error = error;
  }
  handleReadyForQuery() {
    if (this.error) this.reject?.(this.error);
    else this.resolve?.(undefined);
  }
}

// COPY text format: backslash, tab, newline and carriage return must be escaped.
const copyText = (v) =>
  v === null
    ? "\\N"
    : String(v).replace(
        /[\\\t\n\r]/g,
        (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c,
      );

/**
 * Each implementation reads `file` and does its work; returns events done and remedies made.
 * @param {{ file: string, batch: number, dir: string, pgUrl?: string, docs: any[] }} ctx
 * @returns {Record<string, () => Promise<{ events: number, remedies?: number, cleanup?: () => Promise<void> | void }>>}
 */
function implementations(ctx) {
  const { file, batch: size, dir, docs } = ctx;
  return {
    "json-parse": async () => {
      let events = 0;
      let sink = 0;
      for await (const lines of lineBatches(file, size)) {
        for (const line of lines) sink += JSON.parse(line).id.length;
        events += lines.length;
      }
      if (sink < 0) throw new Error("unreachable");
      return { events };
    },
    "sqlite-bare": async () => {
      const db = sqliteFile(dir);
      const raw = new Database(db.file);
      raw.pragma("journal_mode = WAL");
      raw.pragma("synchronous = FULL"); // the store's default (sqlite-backend.ts)
      for (const ddl of EVENTS_DDL("INTEGER")) raw.exec(ddl);
      const insert = raw.prepare(
        "INSERT INTO events (seq, id, type, time_ms, customer, body) VALUES (?, ?, ?, ?, ?, ?)",
      );
      let seq = 0;
      const write = raw.transaction((rows) => {
        for (const r of rows) insert.run(++seq, ...r);
      });
      for await (const lines of lineBatches(file, size)) write(lines.map(row));
      raw.close();
      return { events: seq, cleanup: db.remove };
    },
    "sqlite-goodfaith": async () => {
      const db = sqliteFile(dir);
      const store = await openStore(db.file);
      const ingestor = await Ingestor.open(store, docs);
      let events = 0;
      let remedies = 0;
      for await (const lines of lineBatches(file, size)) {
        const result = await ingestor.ingest(lines.map((l) => JSON.parse(l)));
        if (result.rejected.length > 0)
          throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
        events += result.accepted;
        remedies += result.remedies.created;
      }
      await store.close();
      return { events, remedies, cleanup: db.remove };
    },
    ...(ctx.pgUrl && pgImplementations(ctx.pgUrl, ctx)),
  };
}

/** @param {string} url @param {{ file: string, batch: number, docs: any[] }} ctx */
function pgImplementations(url, { file, batch: size, docs }) {
  const admin = adminUrl(url);
  const freshSchema = async () => {
    const schema = `gf_bench_${randomBytes(4).toString("hex")}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    const drop = async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    };
    return { schema, drop };
  };
  const bare = async (write) => {
    const { schema, drop } = await freshSchema();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`SET search_path TO ${schema}`);
    for (const ddl of EVENTS_DDL("BIGINT")) await client.query(ddl);
    let seq = 0;
    for await (const lines of lineBatches(file, size)) {
      const rows = lines.map(row);
      await write(client, rows, seq);
      seq += rows.length;
    }
    await client.end();
    return { events: seq, cleanup: drop };
  };
  return {
    "pg-copy": () =>
      bare(async (client, rows, seq) => {
        let payload = "";
        for (const [i, r] of rows.entries())
          payload += `${seq + i + 1}\t${r.map(copyText).join("\t")}\n`;
        const copy = new CopyIn(
          "COPY events (seq, id, type, time_ms, customer, body) FROM STDIN",
          payload,
        );
        client.query(/** @type {any} */ (copy));
        await copy.done;
      }),
    // One INSERT … VALUES of up to 1,000 rows (6,000 parameters) per statement, a batch per transaction.
    "pg-insert": () =>
      bare(async (client, rows, seq) => {
        await client.query("BEGIN");
        for (let at = 0; at < rows.length; at += 1000) {
          const part = rows.slice(at, at + 1000);
          const params = [];
          const tuples = part.map((r, i) => {
            params.push(seq + at + i + 1, ...r);
            const b = i * 6;
            return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6})`;
          });
          await client.query(
            `INSERT INTO events (seq, id, type, time_ms, customer, body) VALUES ${tuples.join(",")}`,
            params,
          );
        }
        await client.query("COMMIT");
      }),
    "pg-goodfaith": async () => {
      const { schema, drop } = await freshSchema();
      const store = await openStore(url, { schema });
      const ingestor = await Ingestor.open(store, docs);
      let events = 0;
      let remedies = 0;
      for await (const lines of lineBatches(file, size)) {
        const result = await ingestor.ingest(lines.map((l) => JSON.parse(l)));
        if (result.rejected.length > 0)
          throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
        events += result.accepted;
        remedies += result.remedies.created;
      }
      await store.close();
      return { events, remedies, cleanup: drop };
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};
const int = (n) => Math.round(n).toLocaleString("en-US");

async function main() {
  const opts = options(process.argv.slice(2));
  const dir = mkdtempSync(path.join(os.tmpdir(), "gf-store-bench-"));
  const file = opts.jsonl ?? path.join(dir, "events.jsonl");
  if (!existsSync(file)) {
    const t = performance.now();
    const { events } = generateEvents(opts.events, opts.seed);
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join("\n")}\n`);
    console.log(
      `generated ${int(events.length)} events → ${file} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
  }
  const { docs } = documents();
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}; batch ${int(opts.batch)}; ${opts.rounds} rounds, median`,
  );

  let impls = implementations({ file, batch: opts.batch, dir, docs, pgUrl: opts.pgUrl });
  if (opts.pgUrl) {
    try {
      const c = new pg.Client({
        connectionString: adminUrl(opts.pgUrl),
        connectionTimeoutMillis: 5000,
      });
      await c.connect();
      await c.end();
    } catch (error) {
      console.log(`! PostgreSQL at ${opts.pgUrl} not reachable (${error}); SQLite only`);
      impls = implementations({ file, batch: opts.batch, dir, docs });
    }
  }
  const names = opts.only.filter((n) => n in impls);

  /** @type {Map<string, { secs: number[], events: number, remedies?: number }>} */
  const results = new Map();
  for await (const _ of lineBatches(file, opts.batch)); // the file into the page cache
  for (let round = 0; round < opts.rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] ?? "");
    for (const name of order) {
      gc();
      const t = performance.now();
      const out = await impls[name]();
      const secs = (performance.now() - t) / 1000;
      await out.cleanup?.();
      const r = results.get(name) ?? { secs: [], events: out.events, remedies: out.remedies };
      if (r.events !== out.events || r.remedies !== out.remedies)
        throw new Error(
          `${name}: round ${round} gave ${out.events}/${out.remedies}, not ${r.events}/${r.remedies}`,
        );
      r.secs.push(secs);
      results.set(name, r);
      console.log(`  round ${round + 1} ${name.padEnd(17)} ${secs.toFixed(3)} s`);
    }
  }
  rmSync(dir, { recursive: true, force: true });

  const rate = (name) => {
    const r = results.get(name);
    return r ? r.events / median(r.secs) : Number.NaN;
  };
  const ratio = (a, b) =>
    Number.isFinite(rate(a) / rate(b)) ? `${(rate(a) / rate(b)).toFixed(3)}×` : "—";
  const vs = {
    "json-parse": "json-parse",
    "sqlite-bare": "sqlite-bare",
    "sqlite-goodfaith": "sqlite-bare",
    "pg-copy": "pg-copy",
    "pg-insert": "pg-copy",
    "pg-goodfaith": "pg-copy",
  };
  console.log(
    "\n| implementation   |  events | remedies | median s (min–max)   | events/s | vs baseline          | vs JSON.parse |",
  );
  console.log(
    "|:-----------------|--------:|---------:|---------------------:|---------:|:---------------------|--------------:|",
  );
  for (const name of names) {
    const r = results.get(name);
    if (!r) continue;
    const m = median(r.secs);
    const spread = `${m.toFixed(3)} (${Math.min(...r.secs).toFixed(2)}–${Math.max(...r.secs).toFixed(2)})`;
    const base = vs[/** @type {keyof typeof vs} */ (name)];
    console.log(
      `| ${name.padEnd(16)} | ${int(r.events).padStart(7)} | ${(r.remedies === undefined ? "—" : int(r.remedies)).padStart(8)} | ${spread.padStart(20)} | ${int(rate(name)).padStart(8)} | ${`${ratio(name, base)} ${base}`.padEnd(20)} | ${ratio(name, "json-parse").padStart(13)} |`,
    );
  }
  const sqlite = rate("sqlite-goodfaith");
  if (Number.isFinite(sqlite))
    console.log(
      `\ntarget ≥ 150,000 events/s on SQLite: ${int(sqlite)} → ${sqlite >= 150_000 ? "met" : "NOT met"}`,
    );
  const pgShare = rate("pg-goodfaith") / rate("pg-copy");
  if (Number.isFinite(pgShare))
    console.log(
      `target ≥ 80 % of COPY on PostgreSQL: ${(100 * pgShare).toFixed(1)} % → ${pgShare >= 0.8 ? "met" : "NOT met"}`,
    );
}

await main();
