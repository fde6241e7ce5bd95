import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import {
  amountText,
  remediesOf,
  run,
  sampleEventChecks,
  sampleEvents,
  valid,
} from "../../test/support/packs.js";

const FLIGHT = "NW101@2026-11-20";
const carrier = { code: "NW", euLicensed: true };

function booking(
  id: string,
  passengers: object[],
  payments: object[],
  fare = "300.00",
  currency = "EUR",
): EngineEvent {
  return valid({
    id: `bk-${id}`,
    type: "booking.created",
    time: "2026-10-01T10:00:00Z",
    customer: `c-${id}`,
    data: {
      booking: id,
      flight: FLIGHT,
      carrier,
      origin: "ARN",
      destination: "CDG",
      passengers,
      fare,
      currency,
      payments,
    },
  });
}

function arrived(minutesLate: number, controllable = true, id = "arr"): EngineEvent {
  const scheduled = Date.parse("2026-11-20T11:10:00Z");
  return valid({
    id,
    type: "flight.arrived",
    time: new Date(scheduled + (minutesLate + 5) * 60_000).toISOString(),
    data: {
      flight: FLIGHT,
      carrier,
      origin: "ARN",
      destination: "CDG",
      scheduledArrival: "2026-11-20T11:10:00Z",
      actualArrival: new Date(scheduled + minutesLate * 60_000).toISOString(),
      controllable,
      cause: controllable ? "hydraulic fault" : "snow closed the runway",
    },
  });
}

const adult = { id: "p1", age: 40, seat: "14A" };
const card = (amount: string) => ({ method: "card", amount });
const refunds = (events: EngineEvent[]) =>
  remediesOf(run(["airline"], events)).filter((r) => r.promise === "delay-refund");

describe("delay-refund: three hours late for a reason within our control", () => {
  it("refunds the whole fare at exactly 180 minutes, not at 179", () => {
    expect(
      refunds([booking("a", [adult], [card("300.00")]), arrived(180)]).map(amountText),
    ).toEqual(["300.00 EUR"]);
    expect(refunds([booking("a", [adult], [card("300.00")]), arrived(179)])).toEqual([]);
  });

  it("gives nothing for extraordinary circumstances", () => {
    expect(refunds([booking("a", [adult], [card("300.00")]), arrived(300, false)])).toEqual([]);
  });

  it("goes back the way it was paid: cash to card, points to points, exactly", () => {
    const [r] = refunds([
      booking(
        "a",
        [adult],
        [card("200.00"), { method: "points", amount: "10000", currency: "PTS" }],
      ),
      arrived(200),
    ]);
    expect(r?.split.map((p) => [p.method, p.amount.minor, p.amount.currency])).toEqual([
      ["card", 20000n, "EUR"],
      ["points", 10000n, "PTS"],
    ]);
    expect(r?.cause).toBe("hydraulic fault");
    expect(r?.dueBy).toBe("2026-11-27T14:35:00.000Z");
  });

  it("one refund per booking, whatever the number of passengers, and never twice", () => {
    const family = booking(
      "f",
      [adult, { id: "p2", age: 9, seat: "14B", guardian: "p1" }],
      [card("600.00")],
      "600.00",
    );
    const rs = refunds([
      family,
      booking("s", [adult], [card("300.00")]),
      arrived(200),
      arrived(200),
      arrived(200, true, "again"),
    ]);
    expect(rs.map((r) => [r.key, amountText(r)])).toEqual([
      [`delay-refund:flight:${FLIGHT}:booking:f`, "600.00 EUR"],
      [`delay-refund:flight:${FLIGHT}:booking:s`, "300.00 EUR"],
    ]);
  });

  it("needs a person's approval above the limit in the fare's currency", () => {
    const [big] = refunds([booking("b", [adult], [card("2500.00")], "2500.00"), arrived(200)]);
    expect(big?.approval).toEqual({ required: true, reasons: ["over_threshold"] });
    const [sek] = refunds([
      booking("k", [adult], [card("3000.00")], "3000.00", "SEK"),
      arrived(200),
    ]);
    expect(sek?.approval.required).toBe(false);
  });
});

describe("child-seated-apart: a moment of care", () => {
  const gestures = (passengers: object[]) =>
    remediesOf(run(["airline"], [booking("g", passengers, [card("300.00")])])).filter(
      (r) => r.promise === "child-seated-apart",
    );

  it("flags a child under 12 seated away from their guardian, for the gate team", () => {
    const [g, ...rest] = gestures([adult, { id: "p2", age: 7, seat: "22C", guardian: "p1" }]);
    expect(rest).toEqual([]);
    expect(g?.key).toBe("child-seated-apart:booking:g:pax:p2");
    expect(g?.kind).toBe("gesture");
    expect(g?.gesture?.en).toBe("Seat this child next to their guardian before boarding.");
  });

  it("leaves alone a child seated next to their guardian, across no aisle", () => {
    expect(gestures([adult, { id: "p2", age: 7, seat: "14B", guardian: "p1" }])).toEqual([]);
  });

  it("flags seats side by side but across the aisle, and ignores twelve-year-olds", () => {
    expect(
      gestures([
        { id: "p1", age: 40, seat: "14C" },
        { id: "p2", age: 7, seat: "14D", guardian: "p1" },
      ]),
    ).toHaveLength(1);
    expect(gestures([adult, { id: "p2", age: 12, seat: "30F", guardian: "p1" }])).toEqual([]);
  });
});

describe("packs/airline/events.jsonl", () => {
  sampleEventChecks("airline");

  it("produces exactly the expected remedies, with EU 261 on top", () => {
    const rs = remediesOf(run(["airline", "eu261"], sampleEvents("airline")));
    expect(
      rs.map((r) => [
        r.promise,
        r.customer,
        amountText(r),
        r.split.map((p) => `${p.method} ${p.amount.minor} ${p.amount.currency}`).join(" + "),
      ]),
    ).toEqual([
      ["child-seated-apart", "c-sam", "", ""],
      ["child-seated-apart", "c-lena", "", ""],
      ["delay-refund", "c-lena", "418.00 EUR", "card 31800 EUR + points 10000 PTS"],
      ["delay-refund", "c-omar", "229.00 EUR", "card 22900 EUR"],
      ["delay-refund", "c-mei", "3890.00 SEK", "points 38900 PTS"],
      ["eu261-delay-compensation", "c-lena", "400.00 EUR", "cash 40000 EUR"],
      ["eu261-delay-compensation", "c-lena", "400.00 EUR", "cash 40000 EUR"],
      ["eu261-delay-compensation", "c-omar", "400.00 EUR", "cash 40000 EUR"],
      ["eu261-delay-compensation", "c-mei", "400.00 EUR", "cash 40000 EUR"],
      ["eu261-delay-compensation", "c-mei", "400.00 EUR", "cash 40000 EUR"],
    ]);
  });
});
