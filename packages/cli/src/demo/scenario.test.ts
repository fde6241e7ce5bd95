import {
  type EventOfType,
  isEventOfType,
  type KnownType,
  parseMoney,
  validateEvent,
} from "@goodfaith/core";
import { beforeAll, describe, expect, it } from "vitest";
import { blockMinutes } from "./airline.js";
import type { DemoEvent } from "./event.js";
import { type FlightRow, loadFlightRows } from "./flights.js";
import { generateScenario, type Scenario } from "./scenario.js";

let rows: FlightRow[];
let scenario: Scenario;

beforeAll(() => {
  rows = loadFlightRows();
  scenario = generateScenario(261, undefined, rows);
});

function ofType<T extends KnownType>(events: readonly DemoEvent[], type: T): EventOfType<T>[] {
  return events.flatMap((e) => {
    const checked = validateEvent(e);
    return checked.ok && isEventOfType(checked.value, type) ? [checked.value] : [];
  });
}

// Cash parts in the price's currency, plus points at one minor unit each (100 to the unit).
function mixMinor(
  payments: readonly { amount: string; currency: string }[],
  currency: string,
): bigint {
  let minor = 0n;
  for (const p of payments) {
    const parsed = parseMoney(p.amount, p.currency);
    if (!parsed.ok) throw new Error(`bad amount ${p.amount} ${p.currency}`);
    expect(p.currency === "PTS" || p.currency === currency).toBe(true);
    minor += parsed.value.minor;
  }
  return minor;
}

const minor = (amount: string, currency: string) => {
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) throw new Error(`bad amount ${amount}`);
  return parsed.value.minor;
};

describe("the demo scenario", () => {
  it("is the same for the same seed and different for another", () => {
    const again = generateScenario(261, undefined, rows);
    expect(JSON.stringify(again.events)).toBe(JSON.stringify(scenario.events));
    const other = generateScenario(262, undefined, rows);
    expect(other.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(other.events)).not.toBe(JSON.stringify(scenario.events));
  });

  it("fits the event contract, every event of it, with unique ids, in event-time order", () => {
    const failures = scenario.events
      .map((e) => ({ e, checked: validateEvent(e) }))
      .filter(({ checked }) => !checked.ok)
      .slice(0, 3);
    expect(failures).toEqual([]);
    expect(new Set(scenario.events.map((e) => e.id)).size).toBe(scenario.events.length);
    const times = scenario.events.map((e) => Date.parse(e.time));
    expect(times.every((t, i) => i === 0 || (times[i - 1] ?? t) <= t)).toBe(true);
  });

  it("pays every fare and order total exactly, whatever the mix of card, points and vouchers", () => {
    const bookings = ofType(scenario.events, "booking.created");
    const orders = ofType(scenario.events, "order.placed");
    expect(bookings.length).toBeGreaterThan(10_000);
    for (const b of bookings) {
      expect(mixMinor(b.data.payments, b.data.currency)).toBe(minor(b.data.fare, b.data.currency));
    }
    for (const o of orders) {
      const total = o.data.total ?? "";
      expect(mixMinor(o.data.payments, o.data.currency)).toBe(minor(total, o.data.currency));
    }
    // Every kind of mix is there.
    const methods = new Set(bookings.map((b) => b.data.payments.map((p) => p.method).join("+")));
    expect([...methods].sort()).toEqual(["card", "card+points", "card+voucher", "points"]);
  });

  it("flies the dataset's own flights at their own delays, moved 25 years", () => {
    const arrivals = ofType(scenario.events, "flight.arrived");
    expect(arrivals).toHaveLength(rows.length);
    expect(scenario.flights).toEqual({ count: 10_000, yearShift: 25 });
    // Rows picked across the file, and the longest delays, which the refund promises act on.
    const late = rows.filter((r) => r.delay >= 180);
    expect(late).toHaveLength(43);
    for (const row of [rows[0], rows[4321], rows[9999], late[0], late[42]]) {
      if (!row) throw new Error("missing row");
      const [date, time] = row.date.split(" ");
      const departure = `2026-${date?.slice(5).replace("/", "-")}T${time}:00Z`;
      const flight = arrivals.find(
        (a) =>
          a.data.scheduledDeparture === departure &&
          a.data.origin === row.origin &&
          a.data.destination === row.destination,
      );
      if (!flight) throw new Error(`no flight for ${JSON.stringify(row)}`);
      const scheduled = Date.parse(flight.data.scheduledArrival);
      expect(scheduled - Date.parse(departure)).toBe(blockMinutes(row.distance) * 60_000);
      expect(Date.parse(flight.data.actualArrival) - scheduled).toBe(row.delay * 60_000);
    }
    expect(rows[0]).toEqual({
      date: "2001/01/01 00:47",
      delay: 66,
      distance: 1750,
      origin: "DTW",
      destination: "LAS",
    });
  });

  it("seats some children apart from their guardian, and gives every customer a profile and a consent", () => {
    const apart = ofType(scenario.events, "booking.created").filter((b) =>
      b.data.passengers.some((p) => {
        const guardian = b.data.passengers.find((g) => g.id === p.guardian);
        return (
          guardian !== undefined && p.seat?.replace(/\D/g, "") !== guardian.seat?.replace(/\D/g, "")
        );
      }),
    );
    expect(apart.length).toBeGreaterThan(10);
    const profiles = ofType(scenario.events, "customer.updated");
    expect(new Set(profiles.map((p) => p.data.language))).toEqual(new Set(["en", "sv", "zh-CN"]));
    const customers = new Set(scenario.events.flatMap((e) => (e.customer ? [e.customer] : [])));
    expect(new Set(profiles.map((p) => p.customer))).toEqual(
      new Set([...customers, ...profiles.map((p) => p.customer)]),
    );
    expect(ofType(scenario.events, "consent.changed")).toHaveLength(profiles.length);
  });
});
