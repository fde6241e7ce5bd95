// @ts-check
/**
 * How long a checkpoint of a large engine state takes, in how many parts, and the longest the
 * event loop stops meanwhile (what a server's guard waits at most while one is written).
 *
 *   npx tsc -b && node bench/state/checkpoint.mjs [--customers 10000] [--rounds 3] [--part-chars N]
 *
 * The store holds `bench/http/history.mjs`'s order history (four book orders a customer),
 * ingested with the retail pack by `goodfaith ingest`; each round ingests one more order and
 * checkpoints. Asserts no timings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPromises } from "../../packages/core/dist/index.js";
import { Ingestor, openStore } from "../../packages/store/dist/index.js";
import { historyEvents } from "../http/history.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RETAIL = path.join(ROOT, "packs/retail/promises.yaml");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const customers = arg("--customers", 10_000);
const rounds = arg("--rounds", 3);
const partChars = arg("--part-chars", undefined);

const dir = mkdtempSync(path.join(os.tmpdir(), "gf-checkpoint-bench-"));
try {
  const db = path.join(dir, "store.db");
  const history = path.join(dir, "history.jsonl");
  writeFileSync(
    history,
    `${historyEvents(customers)
      .map((e) => JSON.stringify(e))
      .join("\n")}\n`,
  );
  const cli = path.join(ROOT, "packages/cli/bin/goodfaith.js");
  const run = spawnSync(process.execPath, [cli, "ingest", history, "-p", RETAIL, "--db", db], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`goodfaith ingest: ${run.stderr}`);
  const loaded = loadPromises(readFileSync(RETAIL, "utf8"), RETAIL);
  if (!loaded.ok) throw new Error("the retail pack does not load");
  const store = await openStore(db);
  const ingestor = await Ingestor.open(store, [loaded.value], {
    ...(partChars !== undefined && { checkpointPartChars: partChars }),
  });
  console.log(
    `node ${process.version}; ${customers.toLocaleString("en-US")} customers; parts of ${partChars ?? "the default"} characters`,
  );
  console.log(
    "\n| round | checkpoint ms | parts | characters | longest stop of the event loop ms |",
  );
  console.log("|--:|--:|--:|--:|--:|");
  for (let round = 1; round <= rounds; round++) {
    await ingestor.ingest([
      {
        id: `checkpoint-bench-${round}`,
        type: "order.placed",
        time: "2026-12-01T10:00:00Z",
        customer: "c1",
        data: {
          order: `CB${round}`,
          currency: "EUR",
          items: [{ sku: "isbn-1", kind: "book", price: "1.00" }],
          payments: [{ method: "card", amount: "1.00" }],
        },
      },
    ]);
    const started = performance.now();
    let last = started;
    let longest = 0;
    // A timer every millisecond: the gaps between its runs are the event loop's stops.
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    await ingestor.checkpoint();
    const took = performance.now() - started;
    longest = Math.max(longest, performance.now() - last);
    clearInterval(timer);
    const saved = await store.loadCheckpoint();
    const parts = Array.isArray(saved?.state) ? saved.state : [saved?.state ?? ""];
    const chars = parts.reduce((n, p) => n + p.length, 0);
    console.log(
      `| ${round} | ${took.toFixed(0)} | ${parts.length} | ${chars.toLocaleString("en-US")} | ${longest.toFixed(0)} |`,
    );
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
