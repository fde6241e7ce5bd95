// @ts-check
/**
 * What the engine and backtest benchmarks share: a clean heap before each timing, medians,
 * number formatting, and the Goodfaith and hand-written runs over the same events.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { Engine } from "../../packages/core/dist/index.js";
import { HandWritten } from "./handwritten.mjs";
import { Tally } from "./tally.mjs";

// A clean heap before each measurement keeps one run's garbage out of the next one's time.
v8.setFlagsFromString("--expose-gc");
/** Collects garbage now. */
export const gc = /** @type {() => void} */ (vm.runInNewContext("gc"));

/** The median of `xs` (0 when empty). @param {readonly number[]} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** `n` with thousands separators and `digits` decimals. @param {number} n */
export const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Reads `--name N` (a positive whole number, `_` allowed) from `argv`.
 * @param {string[]} argv @param {string} name @param {number} fallback
 */
export function numberOption(argv, name, fallback) {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(String(argv[i + 1]).replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`);
  return n;
}

/**
 * Times one run from a clean heap: wall seconds, and CPU seconds of the whole process (GC
 * threads included), which other work on a shared machine disturbs far less.
 * @template T @param {{ run(events: any[]): T | Promise<T> }} impl
 */
export async function timed(impl, events) {
  gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const tally = await impl.run(events);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, tally };
}

/**
 * The Goodfaith engine and the hand-written baseline; each processes `events` from a fresh
 * state into a tally.
 * @param {{ docs: import("../../packages/core/dist/index.js").PromiseDocument[], eu261: boolean }} setup
 */
export function engineAndHand(setup) {
  return {
    goodfaith: {
      label: "Goodfaith engine",
      run(events) {
        const tally = new Tally();
        const engine = new Engine(setup.docs);
        for (const e of events) {
          for (const o of engine.process(e)) {
            if (o.type === "remedy") tally.remedy(o);
            else tally.failure(o);
          }
        }
        return tally;
      },
    },
    hand: {
      label: "hand-written",
      run(events) {
        const tally = new Tally();
        const hand = new HandWritten(tally, setup);
        for (const e of events) hand.process(e);
        return tally;
      },
    },
  };
}
