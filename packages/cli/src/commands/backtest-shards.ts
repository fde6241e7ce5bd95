/**
 * A stored backtest sharded by customer over worker threads. Each shard opens the store
 * itself (read-only use: SQLite in WAL and PostgreSQL both allow concurrent readers), reads
 * every row in stream order, parses and replays its own customers' events and the shared
 * ones, lets only the time of the others pass, and returns its reports; the reports add up
 * to the whole stream's (see `mergeBacktests` in @goodfaith/core).
 */

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  type BacktestReport,
  BacktestRun,
  type EngineEvent,
  type Lang,
  mergeBacktests,
  type PromiseSource,
  shardOf,
} from "@goodfaith/core";
import { openEventRows } from "@goodfaith/store";
import { compileSources } from "../io/documents.js";

/** What one shard replays: every promise set (proposed first) over the store at `db`. */
export interface ShardInput {
  readonly db: string;
  readonly shard: number;
  readonly shards: number;
  /**
   * The promise documents of each set, as read (the files once, by the main thread, or the set
   * the store keeps); each set gets its own report, in this order.
   */
  readonly sets: readonly (readonly PromiseSource[])[];
  readonly lang: Lang;
  readonly from?: number;
  readonly to?: number;
}

/** Runs one shard somewhere (a worker thread by default) and resolves to its reports. */
export type ShardRunner = (input: ShardInput) => Promise<BacktestReport[]>;

/** 2 workers where there are 2 cores or more, else 1 (the single-threaded replay). */
export const defaultWorkers = (): number => (availableParallelism() >= 2 ? 2 : 1);

/** Replays one shard in this thread: what each worker runs. */
export async function runShard(input: ShardInput): Promise<BacktestReport[]> {
  const { shard, shards, from, to } = input;
  const sets = [];
  for (const sources of input.sets) {
    const loaded = compileSources(sources, input.lang);
    if (!loaded.ok) throw new Error(loaded.messages.join("\n"));
    sets.push(loaded.documents);
  }
  const options = {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    // The store keeps each event id once: its replay needs no memory of ids.
    engine: { uniqueIds: true },
  };
  // Every set replays the same rows, so the store is read and each event parsed once for all
  // of them (with `--against`, two): an engine never changes the events it is given.
  const runs = sets.map((documents) => new BacktestRun(documents, options));
  const reader = await openEventRows(input.db);
  try {
    // Earlier events build state, so the store is read from the start up to `to`.
    for await (const page of reader.pages(to === undefined ? {} : { to }))
      for (const { customer, body, timeMs } of page) {
        // A shared event is replayed by every shard (each reaches its own bookings) and
        // counted by shard 0; another shard's event only moves time on.
        if (customer === null || shardOf(customer, shards) === shard) {
          const event = JSON.parse(body) as EngineEvent;
          const counted = customer !== null || shard === 0;
          for (const run of runs) run.event(event, counted);
        } else for (const run of runs) run.passTime(timeMs);
      }
    return runs.map((run) => run.report());
  } finally {
    await reader.close();
  }
}

/**
 * A replay makes short-lived garbage (parsed events, CEL contexts) at a high rate; a young
 * generation of this size (semi-spaces of 64 MB; V8's default is 16 MB) makes a shard of the
 * 1M-event airline store collect it 50 times instead of 104 at 96 MB, in some 40 % less time
 * (bench/backtest/README.md).
 */
const YOUNG_GENERATION_MB = 192;

type WorkerReply =
  | { readonly ok: true; readonly reports: BacktestReport[] }
  | { readonly ok: false; readonly message: string };

/**
 * The compiled worker beside this module; when this module runs from source (vitest), the one
 * `tsc -b` wrote to dist/, since a worker thread cannot load TypeScript.
 */
function workerScript(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/commands/backtest-worker.js", here)
    : new URL("./backtest-worker.js", here);
}

/** A shard runner on worker threads, running the compiled `backtest-worker.js` at `script`. */
export function workerShards(script: URL = workerScript()): ShardRunner & { terminate(): void } {
  const running = new Set<Worker>();
  const runner = (input: ShardInput) =>
    new Promise<BacktestReport[]>((resolve, reject) => {
      const worker = new Worker(script, {
        workerData: input,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      running.add(worker);
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        running.delete(worker);
        f();
      };
      worker.once("message", (reply: WorkerReply) =>
        settle(() => (reply.ok ? resolve(reply.reports) : reject(new Error(reply.message)))),
      );
      worker.once("error", (err) => settle(() => reject(err)));
      worker.once("exit", (code) =>
        settle(() => reject(new Error(`backtest shard ${input.shard} exited with ${code}`))),
      );
    });
  return Object.assign(runner, {
    terminate: () => {
      for (const w of running) void w.terminate();
    },
  });
}

/**
 * Replays every set over the store in `shards` shards at once and merges each set's reports.
 * When one shard fails the others are stopped (if the runner can stop them).
 */
export async function shardedBacktest(
  input: Omit<ShardInput, "shard">,
  runner: ShardRunner & { terminate?(): void },
): Promise<BacktestReport[]> {
  // Opened (so created and migrated if need be) once here, not by every shard at once.
  await (await openEventRows(input.db)).close();
  const shards = Array.from({ length: input.shards }, (_, shard) => runner({ ...input, shard }));
  let results: BacktestReport[][];
  try {
    results = await Promise.all(shards);
  } catch (err) {
    runner.terminate?.();
    await Promise.allSettled(shards);
    throw err;
  }
  return input.sets.map((_, set) => mergeBacktests(results.map((r) => r[set] as BacktestReport)));
}
