// @ts-check
/**
 * The same two promises in json-rules-engine, used the way that library is meant to be used:
 * JSON rules over facts, one `run` per booking on each flight event, with the derived facts
 * (delay, route geography) as dynamic facts. Bookings are kept by hand as in the baseline;
 * only the decisions go through the rules engine.
 */
import { Engine as RulesEngine } from "json-rules-engine";
import { eu261Band, eu261Scope } from "../../packages/core/dist/index.js";
import { HandWritten } from "./handwritten.mjs";

/** @typedef {import("../../packages/core/dist/index.js").EngineEvent} EngineEvent */

const controllable = { fact: "flight", path: "$.controllable", operator: "equal", value: true };
const late = { fact: "delayMinutes", operator: "greaterThanInclusive", value: 180 };
const covered = [
  { fact: "route", path: "$.known", operator: "equal", value: true },
  { fact: "route", path: "$.covered", operator: "equal", value: true },
  controllable,
  late,
];

/** The rules: the airline's delay refund, and EU 261 compensation in full or halved. */
export function rules(eu261) {
  const list = [
    {
      name: "delay-refund",
      conditions: { all: [controllable, late] },
      event: { type: "delay-refund" },
    },
  ];
  if (!eu261) return list;
  return [
    ...list,
    {
      name: "eu261-full",
      conditions: {
        all: [
          ...covered,
          {
            any: [
              { fact: "route", path: "$.band", operator: "notEqual", value: "long" },
              { fact: "delayMinutes", operator: "greaterThanInclusive", value: 240 },
            ],
          },
        ],
      },
      event: { type: "eu261-delay-compensation", params: { numerator: 1, denominator: 1 } },
    },
    {
      name: "eu261-half",
      conditions: {
        all: [
          ...covered,
          { fact: "route", path: "$.band", operator: "equal", value: "long" },
          { fact: "delayMinutes", operator: "lessThan", value: 240 },
        ],
      },
      event: { type: "eu261-delay-compensation", params: { numerator: 1, denominator: 2 } },
    },
  ];
}

/** A json-rules-engine with the rules and the dynamic facts derived from the `flight` fact. */
export function rulesEngine(eu261) {
  const engine = new RulesEngine(rules(eu261));
  engine.addFact("delayMinutes", async (_params, almanac) => {
    const f = await almanac.factValue("flight");
    return Math.round((Date.parse(f.actualArrival) - Date.parse(f.scheduledArrival)) / 60_000);
  });
  engine.addFact("route", async (_params, almanac) => {
    const f = await almanac.factValue("flight");
    const band = eu261Band(f.origin, f.destination);
    return {
      known: band !== undefined,
      covered: eu261Scope(f.origin, f.destination, f.carrier.euLicensed ?? false).covered,
      band: band?.band ?? "",
      amountEur: band?.amountEur ?? 0,
    };
  });
  return engine;
}

/** Bookings by hand, decisions by json-rules-engine. */
export class RulesEngineRun extends HandWritten {
  /** @param {import("./tally.mjs").Tally} tally @param {{ eu261: boolean }} options */
  constructor(tally, options) {
    super(tally, options);
    this.engine = rulesEngine(options.eu261);
  }

  /** @param {EngineEvent} e */
  async process(e) {
    if (e.type === "booking.created") this.book(e);
    else if (e.type === "flight.arrived") await this.arriveByRules(e);
  }

  /** One rules run per booking on the flight; each rule event becomes remedies. @param {EngineEvent} e */
  async arriveByRules(e) {
    const d = /** @type {any} */ (e.data);
    const list = this.flights.get(d.flight);
    if (!list) return;
    const at = Date.parse(e.time);
    for (const booking of list) {
      const { events, almanac } = await this.engine.run({ flight: d, booking });
      for (const event of events) {
        const atText = new Date(at).toISOString();
        const dueBy = new Date(at + 7 * 86_400_000).toISOString();
        if (event.type === "delay-refund") {
          this.refund(booking, d, atText, dueBy);
        } else {
          const route = await almanac.factValue("route");
          const { numerator, denominator } =
            /** @type {{ numerator: number, denominator: number }} */ (event.params);
          const minor = (BigInt(route.amountEur) * 100n * BigInt(numerator)) / BigInt(denominator);
          this.compensate(booking, d, minor, atText, dueBy);
        }
      }
    }
  }
}
