// @ts-check
/**
 * The decision step alone: with every booking already stored, how fast does each
 * implementation decide the remedies of each flight arrival for every booking on it? This is
 * the work a rules engine is for (storing bookings is plain code in all three), so it is where
 * Goodfaith is compared with json-rules-engine rule for rule.
 */
import { Engine } from "../../packages/core/dist/index.js";
import { HandWritten } from "./handwritten.mjs";
import { gc } from "./harness.mjs";
import { RulesEngineRun } from "./rules-engine.mjs";
import { Tally } from "./tally.mjs";

/** @typedef {import("../../packages/core/dist/index.js").EngineEvent} EngineEvent */

/**
 * Each implementation: `load` stores the bookings (not timed), `decide` processes the arrivals.
 * @param {{ docs: import("../../packages/core/dist/index.js").PromiseDocument[], eu261: boolean }} setup
 */
function deciders(setup) {
  return {
    goodfaith: {
      label: "Goodfaith engine",
      load(/** @type {EngineEvent[]} */ bookings) {
        const tally = new Tally();
        const engine = new Engine(setup.docs);
        for (const e of bookings) engine.process(e);
        return {
          tally,
          decide(/** @type {EngineEvent[]} */ arrivals) {
            for (const e of arrivals)
              for (const o of engine.process(e)) {
                if (o.type === "remedy") tally.remedy(o);
                else tally.failure(o);
              }
          },
        };
      },
    },
    hand: {
      label: "hand-written",
      load(/** @type {EngineEvent[]} */ bookings) {
        const tally = new Tally();
        const hand = new HandWritten(tally, setup);
        for (const e of bookings) hand.process(e);
        return {
          tally,
          decide(/** @type {EngineEvent[]} */ arrivals) {
            for (const e of arrivals) hand.process(e);
          },
        };
      },
    },
    jre: {
      label: "json-rules-engine",
      load(/** @type {EngineEvent[]} */ bookings) {
        const tally = new Tally();
        const rules = new RulesEngineRun(tally, setup);
        for (const e of bookings) rules.book(e);
        return {
          tally,
          async decide(/** @type {EngineEvent[]} */ arrivals) {
            for (const e of arrivals) await rules.arriveByRules(e);
          },
        };
      },
    },
  };
}

/**
 * Times the decision step `rounds` times per implementation (fresh state each time) and
 * returns the median seconds, the number of (arrival, booking) decisions, and the tallies.
 * @param {ReturnType<typeof import("./packs.mjs").documents>} setup
 * @param {EngineEvent[]} events
 * @param {number} rounds
 */
export async function measureDecisions(setup, events, rounds) {
  const bookings = events.filter((e) => e.type === "booking.created");
  const arrivals = events.filter((e) => e.type === "flight.arrived");
  const perFlight = new Map();
  for (const b of bookings) {
    const flight = /** @type {{ flight: string }} */ (b.data).flight;
    perFlight.set(flight, (perFlight.get(flight) ?? 0) + 1);
  }
  const decisions = arrivals.reduce(
    (n, a) => n + (perFlight.get(/** @type {{ flight: string }} */ (a.data).flight) ?? 0),
    0,
  );
  const impls = deciders(setup);
  /** @type {Record<string, number[]>} */
  const seconds = { goodfaith: [], hand: [], jre: [] };
  /** @type {Record<string, Tally>} */
  const tallies = {};
  for (let round = 0; round <= rounds; round++) {
    for (const name of Object.keys(impls)) {
      const run = impls[/** @type {"goodfaith" | "hand" | "jre"} */ (name)].load(bookings);
      gc();
      const start = performance.now();
      await run.decide(arrivals);
      const s = (performance.now() - start) / 1000;
      if (round > 0) seconds[name]?.push(s); // round 0 warms up
      tallies[name] = run.tally;
    }
  }
  return {
    arrivals: arrivals.length,
    decisions,
    seconds,
    tallies,
    labels: Object.fromEntries(Object.entries(impls).map(([k, v]) => [k, v.label])),
  };
}
