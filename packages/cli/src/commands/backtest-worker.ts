/** The entry of a backtest shard's worker thread: replays its shard and posts the reports. */
import { parentPort, workerData } from "node:worker_threads";
import { runShard, type ShardInput } from "./backtest-shards.js";

runShard(workerData as ShardInput).then(
  (reports) => parentPort?.postMessage({ ok: true, reports }),
  (err: unknown) =>
    parentPort?.postMessage({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
    }),
);
