// @ts-check
/**
 * What-if, not a benchmark of shipped code: how fast would the engine be if it checked the
 * flight-level part of each `when` once per flight event, before fanning out to bookings and
 * passengers? Both promises here are entirely flight-level (controllable, delay ≥ 180, route),
 * so a flight that fails `controllable && delay >= 180` needs no targets at all.
 *
 * It simulates that by hiding the promise table for such events. It reaches into the engine's
 * private `byEvent` map, so it breaks when the engine's internals change; treat as disposable.
 *
 *   npx tsc -b && node bench/engine/hoist-bound.mjs [--events N]
 */
import v8 from "node:v8";
import vm from "node:vm";
import { Engine } from "../../packages/core/dist/index.js";
import { generateEvents } from "./generate.mjs";
import { HandWritten } from "./handwritten.mjs";
import { documents } from "./packs.mjs";
import { Tally } from "./tally.mjs";

v8.setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (vm.runInNewContext("gc"));
const i = process.argv.indexOf("--events");
const n = i < 0 ? 1_000_000 : Number(process.argv[i + 1]);
const setup = documents();
const { events } = generateEvents(n, 261);

class Hoisted extends Engine {
  /** @param {import("../../packages/core/dist/index.js").EngineEvent} e */
  process(e) {
    const d = /** @type {any} */ (e.data);
    if (e.type !== "flight.arrived") return super.process(e);
    const delay = Math.round(
      (Date.parse(d.actualArrival) - Date.parse(d.scheduledArrival)) / 60_000,
    );
    if (d.controllable && delay >= 180) return super.process(e);
    const table = Reflect.get(this, "byEvent");
    Reflect.set(this, "byEvent", new Map());
    try {
      return super.process(e); // still deduplicated and folded into state, just no fan-out
    } finally {
      Reflect.set(this, "byEvent", table);
    }
  }
}

const runs = {
  "Goodfaith engine": () => {
    const tally = new Tally();
    const engine = new Engine(setup.docs);
    for (const e of events)
      for (const o of engine.process(e)) o.type === "remedy" ? tally.remedy(o) : tally.failure(o);
    return tally;
  },
  "engine, flight-level when hoisted": () => {
    const tally = new Tally();
    const engine = new Hoisted(setup.docs);
    for (const e of events)
      for (const o of engine.process(e)) o.type === "remedy" ? tally.remedy(o) : tally.failure(o);
    return tally;
  },
  "hand-written": () => {
    const tally = new Tally();
    const hand = new HandWritten(tally, setup);
    for (const e of events) hand.process(e);
    return tally;
  },
};

/** @type {Record<string, number[]>} */
const times = {};
let reference;
for (let round = 0; round < 3; round++) {
  for (const [name, run] of Object.entries(runs)) {
    gc();
    const start = performance.now();
    const text = run().toString();
    const secs = (performance.now() - start) / 1000;
    times[name] = [...(times[name] ?? []), secs];
    reference ??= text;
    if (text !== reference) throw new Error(`${name} decided different remedies`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const hand = median(times["hand-written"] ?? []);
for (const [name, secs] of Object.entries(times)) {
  const m = median(secs);
  console.log(
    `${name.padEnd(36)} ${m.toFixed(2).padStart(7)} s  ${Math.round(n / m)
      .toLocaleString("en-US")
      .padStart(9)} events/s  ${((100 * hand) / m).toFixed(1).padStart(5)} % of hand-written`,
  );
}
