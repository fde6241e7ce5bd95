import { describe, expect, it } from "vitest";
import { loadPromises } from "../promises/load.js";
import { Engine } from "./engine.js";
import type { EngineEvent } from "./event-data.js";
import type { Remedy } from "./outcome.js";

// Two promises on the same delay: one tells the event's cause, one words its own.
const YAML = `
goodfaith: 1
company: Northwind Air
version: "1"
currency: EUR
promises:
  - id: per-passenger
    title: { en: Late, zh-CN: 晚到, sv: Sen }
    text: { en: We pay each passenger, zh-CN: 每位乘客, sv: Varje passagerare }
    on: flight.arrived
    reach: passengers
    when: flight.arrivalDelayMinutes >= 180
    remedy: { kind: refund, amount: { fixed: "10.00" }, compensation: true }
  - id: own-words
    title: { en: Late, zh-CN: 晚到, sv: Sen }
    text: { en: We refund the booking, zh-CN: 退款, sv: Återbetalning }
    on: flight.arrived
    when: flight.arrivalDelayMinutes >= 180
    cause: '"our planning"'
    remedy: { kind: refund, amount: { fixed: "5.00" } }
`;

const booking: EngineEvent = {
  id: "b1",
  type: "booking.created",
  time: "2026-10-01T10:00:00Z",
  customer: "c1",
  data: {
    booking: "B1",
    flight: "NW1@2026-11-20",
    carrier: { code: "NW", euLicensed: true },
    origin: "ARN",
    destination: "CDG",
    passengers: [{ id: "p1", name: "Lena Berg" }, { id: "p2" }, { id: "p3", name: "" }],
    fare: "300.00",
    currency: "EUR",
    payments: [{ method: "card", amount: "300.00" }],
  },
};
const arrived: EngineEvent = {
  id: "a1",
  type: "flight.arrived",
  time: "2026-11-20T15:00:00Z",
  data: {
    flight: "NW1@2026-11-20",
    carrier: { code: "NW", euLicensed: true },
    origin: "ARN",
    destination: "CDG",
    scheduledArrival: "2026-11-20T10:00:00Z",
    actualArrival: "2026-11-20T14:00:00Z",
    cause: "a bird strike",
    causeText: { sv: "en fågelkollision" },
    causeCategory: "technical",
    controllable: true,
  },
};

function remedies(): Remedy[] {
  const doc = loadPromises(YAML);
  if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
  return new Engine([doc.value])
    .processAll([booking, arrived])
    .filter((o): o is Remedy => o.type === "remedy");
}

describe("a remedy carries its cause and passenger to the notice", () => {
  const all = remedies();
  const perPassenger = all.filter((r) => r.promise === "per-passenger");
  const own = all.find((r) => r.promise === "own-words");

  it("the event's cause, with its texts per language and category", () => {
    expect(perPassenger[0]).toMatchObject({
      cause: "a bird strike",
      causeText: { sv: "en fågelkollision" },
      causeCategory: "technical",
    });
  });

  it("a promise's own words for the cause leave the event's translations behind", () => {
    expect(own?.cause).toBe("our planning");
    expect(own?.causeText).toBeUndefined();
    expect(own?.causeCategory).toBeUndefined();
  });

  it("which passenger of the booking each per-passenger remedy is for", () => {
    expect(perPassenger.map((r) => r.passenger)).toEqual([
      { id: "p1", name: "Lena Berg", number: 1, of: 3 },
      { id: "p2", number: 2, of: 3 },
      { id: "p3", number: 3, of: 3 },
    ]);
    // A promise that reaches the booking is about no one passenger.
    expect(own?.passenger).toBeUndefined();
  });
});
