// @ts-check
/**
 * Backtest benchmark: `backtest` (airline `delay-refund` + EU 261 pack) over the generated
 * airline stream of bench/engine, against the hand-written evaluator in the same run, with the
 * plain engine loop beside them to show what the backtest adds on top of the engine.
 *
 *   npx tsc -b && node bench/backtest/run.mjs [--events N] [--rounds N] [--seed N] [--no-engine]
 *
 * Never part of the test suite, and asserts no timings: only that the results agree.
 */
import os from "node:os";
import { backtest, money, toDecimalString } from "../../packages/core/dist/index.js";
import { generateEvents } from "../engine/generate.mjs";
import { engineAndHand, fmt, median, numberOption, timed } from "../engine/harness.mjs";
import { documents } from "../engine/packs.mjs";

/** @typedef {import("../../packages/core/dist/index.js").BacktestReport} BacktestReport */
/** @typedef {import("../engine/tally.mjs").Tally} Tally */

const argv = process.argv.slice(2);
const opt = {
  events: numberOption(argv, "--events", 1_000_000),
  rounds: numberOption(argv, "--rounds", 3),
  seed: numberOption(argv, "--seed", 261),
  engine: !argv.includes("--no-engine"),
};

/**
 * What a backtest report and a tally both know, as text: remedies, remedies per promise,
 * approvals, and what goes back per currency (the report sums the tender splits too).
 * @param {number} remedies @param {[string, number][]} byPromise @param {number} approvals
 * @param {[string, string][]} cost
 */
const summary = (remedies, byPromise, approvals, cost) =>
  [
    `remedies=${remedies}`,
    ...byPromise
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k}=${n}`),
    `approvals=${approvals}`,
    ...cost.sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, v]) => `cost ${c}=${v}`),
  ].join("\n");

/** @param {BacktestReport} r */
const ofReport = (r) =>
  summary(
    r.totals.remedies,
    Object.entries(r.promises).map(([id, p]) => [id, p.remedies]),
    r.totals.awaitingApproval,
    [...r.cost.money.map((m) => [m.currency, m.amount]), ["PTS", r.cost.points]],
  );

/** @param {Tally} t */
function ofTally(t) {
  const perCurrency = new Map([["PTS", 0n]]);
  for (const [key, minor] of t.tenders) {
    const currency = key.split(" ")[1] ?? "";
    perCurrency.set(currency, (perCurrency.get(currency) ?? 0n) + minor);
  }
  return summary(
    t.remedies,
    [...t.byPromise],
    t.approvals,
    [...perCurrency].map(([c, minor]) => [c, toDecimalString(money(minor, c))]),
  );
}

const setup = documents();
const { goodfaith, hand } = engineAndHand(setup);
const impls = {
  backtest: {
    label: "Goodfaith backtest",
    run: (events) => backtest(setup.docs, events),
    text: ofReport,
  },
  ...(opt.engine && { engine: { ...goodfaith, text: ofTally } }),
  hand: { ...hand, text: ofTally },
};
const names = Object.keys(impls);

console.log(`Goodfaith backtest benchmark — ${new Date().toISOString()}`);
console.log(
  `node ${process.version} · ${os.cpus()[0]?.model ?? "unknown CPU"} · ${os.cpus().length} cores`,
);
const t = performance.now();
const { events } = generateEvents(opt.events, opt.seed);
console.log(
  `generated ${fmt(events.length)} airline events (seed ${opt.seed}) in ${fmt((performance.now() - t) / 1000, 1)} s`,
);

process.stderr.write("warming up on the first 50,000 events…\n");
const warm = events.slice(0, 50_000);
for (const name of names) await timed(impls[name], warm);

/** @type {Record<string, number[]>} */
const seconds = Object.fromEntries(names.map((n) => [n, []]));
/** @type {Record<string, number[]>} */
const cpuSeconds = Object.fromEntries(names.map((n) => [n, []]));
/** @type {Record<string, string>} */
const texts = {};
// Interleaved, the order rotating every round, so no one always runs after another's garbage.
for (let r = 0; r < opt.rounds; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + k) % names.length] ?? "";
    const impl = impls[name];
    const { seconds: s, cpuSeconds: cpu, tally } = await timed(impl, events);
    seconds[name]?.push(s);
    cpuSeconds[name]?.push(cpu);
    texts[name] = impl.text(tally);
    process.stderr.write(
      `  round ${r + 1}/${opt.rounds}: ${impl.label} ${s.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)\n`,
    );
  }
}

const handRate = events.length / median(seconds.hand ?? []);
const handCpu = median(cpuSeconds.hand ?? []);
console.log(
  `\n| implementation     | median s (min–max)   |   events/s | vs hand-written | median CPU s | CPU vs hand |`,
);
console.log(
  `|:-------------------|---------------------:|-----------:|----------------:|-------------:|------------:|`,
);
for (const name of names) {
  const secs = seconds[name] ?? [];
  const rate = events.length / median(secs);
  const range = `${fmt(median(secs), 3)} (${fmt(Math.min(...secs), 2)}–${fmt(Math.max(...secs), 2)})`;
  const cpu = median(cpuSeconds[name] ?? []);
  console.log(
    `| ${impls[name].label.padEnd(18)} | ${range.padStart(20)} | ${fmt(rate).padStart(10)} | ${`${fmt(rate / handRate, 3)}×`.padStart(15)} | ${fmt(cpu, 3).padStart(12)} | ${`${fmt(handCpu / cpu, 3)}×`.padStart(11)} |`,
  );
}
const bt = median(seconds.backtest ?? []);
console.log(
  `\nbacktest of ${fmt(events.length)} events: ${fmt(bt, 2)} s median, ${fmt(events.length / bt)} events/s, ${fmt((100 * events.length) / bt / handRate, 1)} % of hand-written (target < 10 s)`,
);

const reference = texts.hand ?? "";
for (const name of names) {
  if (texts[name] === reference) continue;
  console.error(`\nERROR: ${impls[name].label} disagrees with the hand-written evaluator:`);
  const a = reference.split("\n");
  const b = (texts[name] ?? "").split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) console.error(`  ${(a[i] ?? "").padEnd(40)} | ${b[i] ?? ""}`);
  process.exitCode = 1;
}
if (!process.exitCode) console.log(`OK: ${names.join(", ")} agree:\n${reference}`);
