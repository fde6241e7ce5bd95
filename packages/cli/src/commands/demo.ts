/**
 * `goodfaith demo`: Goodfaith on a realistic day's work in one command. It builds a fresh
 * SQLite store, loads every pack, generates a scenario from a seed (the airline part on real
 * US flight records), ingests it through the real `Ingestor` while the outbox executes each
 * approved remedy in the scenario's time (see `replay`), prints what the store recorded, and
 * serves the HTTP API over it with a fresh API key and three calls to paste.
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname, isAbsolute, relative } from "node:path";
import { hasApiKeys, type Store } from "@goodfaith/core";
import { createApiKey } from "@goodfaith/server";
import { adoptPromises, isPostgresUrl, openStore } from "@goodfaith/store";
import type { Command } from "commander";
import type { FlightRow } from "../demo/flights.js";
import { packPromiseFiles, remedyPromiseIds } from "../demo/packs.js";
import { curlExamples, type DemoRun, renderSummary } from "../demo/render.js";
import { replay } from "../demo/replay.js";
import { DEFAULT_SEED, DEMO_SIZE, generateScenario, type ScenarioSize } from "../demo/scenario.js";
import { summarize } from "../demo/summary.js";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { loadDocuments } from "../io/documents.js";
import { helpOf } from "../io/localized-command.js";
import { demoLogLevel } from "../io/log.js";
import { t } from "../messages.js";
import { serveCommand } from "./serve.js";

/** Where the demo's store goes unless `--db` says otherwise; replaced on every run. */
export const DEMO_DB = ".goodfaith/demo.db";

/** Options of `goodfaith demo`. */
export interface DemoOptions {
  /** @default DEFAULT_SEED (261) */
  readonly seed?: number;
  /** A SQLite file, replaced. @default DEMO_DB */
  readonly db?: string;
  /** @default 8787 */
  readonly port?: number;
  /** Serve the API after the summary. @default true */
  readonly serve?: boolean;
  /** Run the outbox worker beside the API, as `serve` does. @default true */
  readonly outbox?: boolean;
  readonly json?: boolean;
  /** How big the scenario is. @default DEMO_SIZE */
  readonly size?: ScenarioSize;
  /** The flights to fly (tests take a few). @default every row of flights-10k */
  readonly flights?: readonly FlightRow[];
  /** Called after each ingested batch; the CLI draws it on a terminal. */
  readonly progress?: (done: number, total: number) => void;
  /** Resolves when the server should stop. @default SIGINT or SIGTERM */
  readonly until?: Promise<unknown>;
}

// The key the examples use: what an agent console and a checkout would each be given.
const KEY_SCOPES = ["agent", "guard"] as const;

// A fresh store: the file and SQLite's companions (write-ahead log, shared memory) go first.
function freshSqlite(db: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${db}${suffix}`, { force: true });
  mkdirSync(dirname(db), { recursive: true });
}

// A pack's file as a user in the repository would name it (`packs/retail/promises.yaml`), not
// by this machine's absolute path.
function asGiven(file: string): string {
  const fromHere = relative(process.cwd(), file);
  return fromHere.startsWith("..") || isAbsolute(fromHere) ? file : fromHere;
}

/** `goodfaith demo`: resolves to the exit code once it is done (after serving, when it serves). */
export async function demoCommand(opts: DemoOptions, ctx: CliContext): Promise<number> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const db = opts.db ?? DEMO_DB;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    ctx.err(t(ctx.lang, "badWholeRange", { option: "--seed", min: 0, max: 0xffffffff }));
    return EXIT.failure;
  }
  const port = opts.port ?? 8787;
  // Checked now rather than by the server, after the whole ingest.
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.err(t(ctx.lang, "badWholeRange", { option: "--port", min: 0, max: 65535 }));
    return EXIT.failure;
  }
  if (isPostgresUrl(db)) {
    ctx.err(t(ctx.lang, "demoSqliteOnly", { db: "postgres://…" }));
    return EXIT.failure;
  }
  const files = packPromiseFiles();
  const loaded = await loadDocuments(files, ctx.lang);
  if (!loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  const started = performance.now();
  const scenario = generateScenario(seed, opts.size ?? DEMO_SIZE, opts.flights);
  const generated = performance.now();
  let store: Store;
  try {
    freshSqlite(db);
    // A store rebuilt on every run needs no protection against power loss, and on a busy
    // disk not waiting for each commit to reach the platter halves the ingest time.
    store = await openStore(db, { synchronous: "normal" });
  } catch (error) {
    ctx.err(`${db}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
  let key: string | undefined;
  try {
    // The store keeps the packs as its Bill of Rights, so `serve`, `ingest` and `backtest
    // --against` over the demo's store decide with them, and its ledger records the adoption.
    const sources = loaded.sources.map((s) => ({ ...s, file: asGiven(s.file) }));
    await adoptPromises(store, sources, { actor: "cli:demo" });
    // Each approved remedy is executed as the stream reaches it, as a live deployment would.
    const { rejected } = await replay(store, loaded.documents, scenario.events, {
      ...(opts.progress && { progress: opts.progress }),
    });
    // Generated events always fit the contract (a test holds it to that); if one does not, say so.
    if (rejected > 0) ctx.err(`${rejected} generated events were rejected`);
    const ingested = performance.now();
    const summary = await summarize(store, remedyPromiseIds(loaded.documents));
    const run: DemoRun = {
      seed,
      db,
      flights: scenario.flights,
      customers: (opts.size ?? DEMO_SIZE).customers,
      generateSeconds: (generated - started) / 1000,
      ingestSeconds: (ingested - generated) / 1000,
    };
    if (opts.json) ctx.out(JSON.stringify({ ...run, ...summary }));
    else for (const line of renderSummary(summary, run, ctx.lang)) ctx.out(line);
    if (rejected > 0) return EXIT.rejected;
    if (opts.serve === false) return EXIT.ok;
    if (!hasApiKeys(store)) throw new Error("this store cannot keep API keys");
    key = (await createApiKey(store, "demo", KEY_SCOPES)).key;
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  } finally {
    await store.close();
  }
  // Read inside the callback, where `key` is no longer narrowed.
  const secret = key;
  const examples = {
    customer: scenario.delayedCustomer ?? scenario.owned.customer,
    owned: scenario.owned,
  };
  if (!opts.json) ctx.out("");
  return serveCommand(
    {
      // The set the store keeps: the packs, adopted above.
      promises: [],
      db,
      port,
      logLevel: demoLogLevel(),
      ...(opts.outbox !== undefined && { outbox: opts.outbox }),
      ...(opts.json !== undefined && { json: opts.json }),
      ...(opts.until !== undefined && { until: opts.until }),
      onListening: (url) => {
        const calls = curlExamples(url, examples);
        if (opts.json) {
          ctx.out(JSON.stringify({ key: secret, scopes: KEY_SCOPES, curl: calls }));
          return;
        }
        ctx.out("");
        ctx.out(t(ctx.lang, "demoKey"));
        ctx.out(`  export GOODFAITH_KEY=${secret}`);
        ctx.out(t(ctx.lang, "demoTry"));
        for (const call of calls) ctx.out(`  ${call}`);
        ctx.out(t(ctx.lang, "demoStop"));
      },
    },
    ctx,
  );
}

/** A progress line on stderr, redrawn in place; only for a terminal. */
function ttyProgress(done: number, total: number): void {
  process.stderr.write(`\r  ${done} / ${total} events ingested   `);
}

/** Adds `goodfaith demo` to `program`. */
export function registerDemoCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  program
    .command("demo")
    .description(h("demo"))
    .option("--seed <n>", h("demoSeed"), String(DEFAULT_SEED))
    .option("--db <file>", h("demoDb", { path: DEMO_DB }))
    .option("--port <port>", h("demoPort"), "8787")
    .option("--no-serve", h("demoNoServe"))
    .option("--no-outbox", h("serveNoOutbox"))
    .option("--json", h("demoJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("demoNotes"),
        examples(h("examples"), ["goodfaith demo", "goodfaith demo --seed 7 --no-serve --json"]),
      ),
    )
    .action(
      async (opts: {
        seed: string;
        db?: string;
        port: string;
        serve: boolean;
        outbox: boolean;
        json?: boolean;
      }) => {
        const tty = process.stderr.isTTY === true && opts.json !== true;
        const code = await demoCommand(
          {
            seed: Number(opts.seed),
            port: Number(opts.port),
            serve: opts.serve,
            outbox: opts.outbox,
            ...(opts.db !== undefined && { db: opts.db }),
            ...(opts.json !== undefined && { json: opts.json }),
            ...(tty && {
              progress: (done: number, total: number) => {
                ttyProgress(done, total);
                if (done === total) process.stderr.write("\n");
              },
            }),
          },
          ctx(),
        );
        setExit(code);
      },
    );
}
