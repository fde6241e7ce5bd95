// @ts-check
/**
 * Measure benchmark: keeping the trust scorecard up to date fact by fact (incremental) against
 * recomputing it from every fact (a fresh scorecard fed all facts in one batch), over the
 * engine benchmark's generated airline stream plus the remedies a delay promise produces; then
 * the CLV fit (BG/NBD + Gamma-Gamma) on the CDNOW sample and on it replicated ×10 (23,570
 * customers). Ratios come from the same run. Checks that both ways end in the same figures.
 *
 *   npx tsc -b && node bench/measure/run.mjs [--events N] [--chunk N] [--seed N] [--rounds N] [--no-clv]
 *
 * Both ways are timed on the first `--chunk` events (default 200,000: a full recompute holds
 * every case of the stream at once). Beyond that, the chunk's facts are fed again as later
 * copies (new ids, times moved on), incrementally only, so 10M events need no 10M-event heap:
 * `--events 10000000` measures incremental maintenance over 10M events.
 *
 * Never part of the test suite, and asserts no timings.
 */
import os from "node:os";
import { fitClv, parseCdnow, Scorecard } from "../../packages/measure/dist/index.js";
import { generateEvents } from "../engine/generate.mjs";
import { fmt, gc, median, numberOption } from "../engine/harness.mjs";
import { cdnowSample, replicate } from "./cdnow.mjs";
import { scorecardFacts, shiftFact } from "./facts.mjs";

const argv = process.argv.slice(2);
const opts = {
  events: numberOption(argv, "--events", 200_000),
  chunk: numberOption(argv, "--chunk", 200_000),
  seed: numberOption(argv, "--seed", 261),
  rounds: numberOption(argv, "--rounds", 3),
  clv: !argv.includes("--no-clv"),
};

/**
 * Wall seconds, process CPU seconds (less disturbed by other work on a shared machine) and the
 * result of `work`, from a clean heap. @template T @param {() => T} work
 */
function time(work) {
  gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    result,
  };
}

// Every row of every period and breakdown: what "the same figures" means.
const everything = (/** @type {Scorecard} */ s) =>
  JSON.stringify(
    ["day", "week", "month", "all"].flatMap((by) =>
      ["all", "segment", "channel", "promise"].map((dimension) => s.report({ by, dimension })),
    ),
  );

function scorecardBench() {
  const n = Math.min(opts.events, opts.chunk);
  const generated = time(() => generateEvents(n, opts.seed));
  const facts = scorecardFacts(generated.result.events, opts.seed);
  const remedies = facts.filter((f) => f.type === "remedy.planned").length;
  console.log(
    `${fmt(n)} events + ${fmt(facts.length - n)} remedy facts (${fmt(remedies)} refunds planned) = ${fmt(facts.length)} facts; generated in ${fmt(generated.seconds, 1)} s`,
  );
  const incremental = [];
  const full = [];
  let check = { incremental: "", full: "", held: {} };
  for (let round = 0; round < opts.rounds; round++) {
    const inc = time(() => {
      const s = new Scorecard();
      for (const fact of facts) s.add(fact);
      return s;
    });
    incremental.push(inc.seconds);
    const all = time(() => {
      const s = new Scorecard();
      s.addAll(facts);
      return s;
    });
    full.push(all.seconds);
    if (round === 0) {
      check = {
        incremental: everything(inc.result),
        full: everything(all.result),
        held: all.result.held(),
      };
    }
    console.log(
      `  round ${round + 1}: incremental ${fmt(inc.seconds, 2)} s (CPU ${fmt(inc.cpuSeconds, 2)} s), full recompute ${fmt(all.seconds, 2)} s (CPU ${fmt(all.cpuSeconds, 2)} s)`,
    );
  }
  if (check.incremental !== check.full) throw new Error("incremental and full recompute differ");
  const inc = median(incremental);
  const rec = median(full);
  const perFact = (s) => fmt((s / facts.length) * 1e6, 2);
  console.log(`\nScorecard, median of ${opts.rounds} (same figures both ways: checked)`);
  console.log(`  incremental, one fact at a time:  ${perFact(inc)} µs/fact  (${fmt(inc, 2)} s)`);
  console.log(`  full recompute of all facts:      ${perFact(rec)} µs/fact  (${fmt(rec, 2)} s)`);
  console.log(
    `  one full recompute costs as much as ${fmt(rec / (inc / facts.length))} incremental updates`,
  );
  console.log(`  incremental / recompute per fact: ${fmt(inc / rec, 2)}×`);
  console.log(`  held in detail at the end: ${JSON.stringify(check.held)}`);
  console.log(`  heap used: ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
  if (opts.events > n) streamed(facts);
}

/** Incremental maintenance over `opts.events` events: the chunk's facts, copy after copy. */
function streamed(/** @type {any[]} */ facts) {
  let [first, last] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const f of facts) {
    const at = f.type === "event" ? Date.parse(f.event.time) : f.at;
    [first, last] = [Math.min(first, at), Math.max(last, at)];
  }
  const WEEK = 7 * 86_400_000;
  // Whole weeks, so every copy's days fall on the same weekdays.
  const span = Math.ceil((last - first + 1) / WEEK) * WEEK;
  gc();
  const s = new Scorecard();
  let events = 0;
  let fed = 0;
  let seconds = 0;
  let maxHeld = 0;
  const started = performance.now();
  for (let k = 0; events < opts.events; k++) {
    for (const fact of facts) {
      if (fact.type === "event" && events++ >= opts.events) break;
      const copy = shiftFact(fact, k, span);
      const t = performance.now();
      s.add(copy);
      seconds += (performance.now() - t) / 1000;
      fed++;
    }
    const held = s.held().cases;
    maxHeld = Math.max(maxHeld, held);
    gc(); // outside the timed calls: the heap printed is what the scorecard keeps, not garbage
    console.log(
      `  copy ${k + 1}: ${fmt(Math.min(events, opts.events))} events fed, ${fmt((seconds / fed) * 1e6, 2)} µs/fact so far, ${fmt(held)} cases held, heap ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    );
  }
  const wall = (performance.now() - started) / 1000;
  console.log(`\nIncremental over ${fmt(opts.events)} events (${fmt(fed)} facts), one at a time`);
  console.log(
    `  ${fmt((seconds / fed) * 1e6, 2)} µs/fact in Scorecard.add: ${fmt(seconds)} s (${fmt(wall)} s with copying the facts)`,
  );
  console.log(`  at most ${fmt(maxHeld)} cases held in detail (retained 90 days, then retired)`);
}

function clvBench() {
  const text = cdnowSample();
  const tenfold = replicate(text);
  const fitOnce = (input) => {
    const parsed = parseCdnow(input);
    if (!parsed.ok) throw new Error("CDNOW sample did not parse");
    const result = fitClv(parsed.value);
    if (!result.ok) throw new Error("CLV fit failed");
    return result.value;
  };
  fitOnce(text); // warm-up: the first fit also compiles the code
  const one = [];
  const ten = [];
  let customers = 0;
  for (let round = 0; round < opts.rounds; round++) {
    one.push(time(() => fitOnce(text)).seconds);
    const t = time(() => fitOnce(tenfold));
    ten.push(t.seconds);
    customers = t.result.customers.length;
  }
  const [a, b] = [median(one), median(ten)];
  console.log(
    `\nCLV fit (parse + BG/NBD + Gamma-Gamma + per-customer CLV), median of ${opts.rounds}`,
  );
  console.log(`  CDNOW sample, 2,357 customers:          ${fmt(a * 1000)} ms`);
  console.log(
    `  replicated ×10, ${fmt(customers)} customers:  ${fmt(b * 1000)} ms  (${fmt(b / a, 2)}× the sample)`,
  );
}

console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, seed ${opts.seed}\n`,
);
scorecardBench();
if (opts.clv) clvBench();
