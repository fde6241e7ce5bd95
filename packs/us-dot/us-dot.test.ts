/**
 * The US DOT automatic refund rule (14 CFR Part 260), case by case: the 3-hour domestic and
 * 6-hour international lines, cancellations decided at the scheduled departure, accepting
 * another flight before or after it, refunds split exactly over card, wallet and points, one
 * refund per booking, exactly-once delivery, and never refunding a fare twice.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Remedy } from "../../packages/core/src/engine/outcome.js";
import { parseEventLine } from "../../packages/core/src/events/index.js";
import { money, toDecimalString } from "../../packages/core/src/money/index.js";
import {
  amountText,
  ROOT,
  remediesOf,
  run,
  sampleEvents,
  valid,
} from "../../test/support/packs.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Every test flight is scheduled to leave at this instant (08:00 in New York). */
const DEPARTURE = Date.parse("2026-12-01T13:00:00Z");
/** Far enough past every test flight that every deadline has passed. */
const LATER = "2027-01-01T00:00:00Z";
const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/** A scheduled flight: operator, airports, and block time. */
interface Route {
  readonly flight: string;
  readonly carrier: string;
  readonly origin: string;
  readonly destination: string;
  readonly minutes: number;
}

function route(number: string, origin: string, destination: string, minutes: number): Route {
  return {
    flight: `${number}@2026-12-01`,
    carrier: number.slice(0, 2),
    origin,
    destination,
    minutes,
  };
}

const JFK_LAX = route("AA1", "JFK", "LAX", 390); // domestic
const ATL_SJU = route("DL1123", "ATL", "SJU", 240); // Puerto Rico is US territory: domestic
const JFK_LHR = route("AA100", "JFK", "LHR", 420); // international
const MIA_GRU = route("AA905", "MIA", "GRU", 500); // international

interface BookingOptions {
  readonly id?: string;
  readonly customer?: string;
  readonly passengers?: number;
  readonly fare?: string;
  readonly payments?: readonly { method: string; amount: string; currency?: string }[];
}

/** A booking in USD on `r`'s flight, made 60 days before departure. */
function booking(r: Route, o: BookingOptions = {}): EngineEvent {
  const id = o.id ?? "B1";
  const fare = o.fare ?? "389.00";
  return valid({
    id: `created-${id}`,
    type: "booking.created",
    time: iso(DEPARTURE - 60 * DAY),
    customer: o.customer ?? "c1",
    data: {
      booking: id,
      flight: r.flight,
      carrier: { code: r.carrier },
      origin: r.origin,
      destination: r.destination,
      passengers: Array.from({ length: o.passengers ?? 1 }, (_, i) => ({ id: `p${i + 1}` })),
      fare,
      currency: "USD",
      payments: o.payments ?? [{ method: "card", amount: fare }],
    },
  });
}

interface Delays {
  /** Minutes late at arrival. */
  readonly arrival: number;
  /** Minutes late at departure; without it the event carries no departure times. */
  readonly departure?: number;
}

interface Circumstances {
  readonly id?: string;
  readonly controllable?: boolean;
  readonly cause?: string;
}

/** `r`'s flight arrived late as given. */
function arrived(r: Route, d: Delays, c: Circumstances = {}): EngineEvent {
  const scheduledArrival = DEPARTURE + r.minutes * MINUTE;
  const actualArrival = scheduledArrival + d.arrival * MINUTE;
  return valid({
    id: c.id ?? `arrived-${r.flight}-${d.arrival}-${d.departure}`,
    type: "flight.arrived",
    time: iso(actualArrival + 5 * MINUTE),
    data: {
      flight: r.flight,
      carrier: { code: r.carrier },
      origin: r.origin,
      destination: r.destination,
      ...(d.departure !== undefined && {
        scheduledDeparture: iso(DEPARTURE),
        actualDeparture: iso(DEPARTURE + d.departure * MINUTE),
      }),
      scheduledArrival: iso(scheduledArrival),
      actualArrival: iso(actualArrival),
      controllable: c.controllable ?? true,
      cause: c.cause ?? "aircraft technical fault",
    },
  });
}

/** `r`'s flight was cancelled at `DEPARTURE - notice` (negative: after the scheduled departure). */
function cancelled(r: Route, notice: number, c: Circumstances = {}): EngineEvent {
  const scheduledArrival = DEPARTURE + r.minutes * MINUTE;
  return valid({
    id: c.id ?? `cancelled-${r.flight}`,
    type: "flight.cancelled",
    time: iso(DEPARTURE - notice),
    data: {
      flight: r.flight,
      carrier: { code: r.carrier },
      origin: r.origin,
      destination: r.destination,
      scheduledDeparture: iso(DEPARTURE),
      scheduledArrival: iso(scheduledArrival),
      noticeGivenAt: iso(DEPARTURE - notice),
      controllable: c.controllable ?? true,
      cause: c.cause ?? "crew shortage",
      reroute: { departure: iso(DEPARTURE + DAY), arrival: iso(scheduledArrival + DAY) },
    },
  });
}

/** The customer answered an offer of `to` instead of `r`'s flight at `at` (epoch ms). */
function rebooked(r: Route, at: number, accepted: boolean, to = "AA3@2026-12-02", id = "B1") {
  return valid({
    id: `rebooked-${id}-${at}`,
    type: "booking.rebooked",
    time: iso(at),
    customer: "c1",
    data: { booking: id, fromFlight: r.flight, toFlight: to, accepted },
  });
}

/** The refunds of running `events` through the named packs, as [key, amount, customer]. */
function refunds(
  events: readonly EngineEvent[],
  packs = ["us-dot"],
  until: string | undefined = LATER,
) {
  return remediesOf(run(packs, events, until)).map((r) => [r.key, amountText(r), r.customer]);
}

const delayKey = (r: Route, booking = "B1") =>
  `dot-significant-delay-refund:flight:${r.flight}:booking:${booking}`;
const cancelKey = (r: Route, booking = "B1") =>
  `dot-cancellation-refund:flight:${r.flight}:booking:${booking}`;

/** The refund for a one-passenger booking of $389 on `r` arriving late as given ("" when none). */
function forDelay(r: Route, d: Delays, c: Circumstances = {}): string {
  const rs = refunds([booking(r), arrived(r, d, c)]);
  expect(rs.length).toBeLessThanOrEqual(1);
  if (rs[0]) expect(rs[0]).toEqual([delayKey(r), rs[0][1], "c1"]);
  return rs[0]?.[1] ?? "";
}

describe("significant delay: 3 h domestic, 6 h international (§ 260.2)", () => {
  it("domestic: arriving exactly 3 h late refunds the fare, 2 h 59 does not", () => {
    expect(forDelay(JFK_LAX, { arrival: 180, departure: 180 })).toBe("389.00 USD");
    expect(forDelay(JFK_LAX, { arrival: 179, departure: 179 })).toBe("");
  });

  it("domestic: departing 3 h late counts even if the flight makes up time", () => {
    expect(forDelay(JFK_LAX, { arrival: 165, departure: 180 })).toBe("389.00 USD");
    expect(forDelay(JFK_LAX, { arrival: 165, departure: 179 })).toBe("");
  });

  it("without departure times only the arrival delay counts", () => {
    expect(forDelay(JFK_LAX, { arrival: 179 })).toBe("");
    expect(forDelay(JFK_LAX, { arrival: 180 })).toBe("389.00 USD");
  });

  it("Puerto Rico is domestic: 3 h is enough", () => {
    expect(forDelay(ATL_SJU, { arrival: 180, departure: 175 })).toBe("389.00 USD");
  });

  it("international: 6 h refunds, 5 h 59 does not", () => {
    expect(forDelay(JFK_LHR, { arrival: 360, departure: 350 })).toBe("389.00 USD");
    expect(forDelay(JFK_LHR, { arrival: 359, departure: 359 })).toBe("");
    expect(forDelay(JFK_LHR, { arrival: 340, departure: 360 })).toBe("389.00 USD");
    expect(forDelay(MIA_GRU, { arrival: 300, departure: 300 })).toBe("");
  });

  it("the cause does not matter: weather delays are refunded too", () => {
    const snow = { controllable: false, cause: "snowstorm" };
    expect(forDelay(JFK_LAX, { arrival: 200, departure: 190 }, snow)).toBe("389.00 USD");
  });

  it("refunds the booking once, whatever the number of passengers, to the original tender", () => {
    const events = [
      booking(JFK_LAX, { passengers: 3, fare: "897.00" }),
      arrived(JFK_LAX, { arrival: 200 }),
    ];
    const rs = remediesOf(run(["us-dot"], events));
    expect(rs.map((r) => [r.key, amountText(r), r.customer])).toEqual([
      [delayKey(JFK_LAX), "897.00 USD", "c1"],
    ]);
    const r = rs[0] as Remedy;
    expect(r.tender).toBe("original");
    expect(r.split).toEqual([{ method: "card", amount: money(89_700n, "USD") }]);
    expect(r.incident).toBe(`flight:${JFK_LAX.flight}:booking:B1`);
    expect(r.subject).toEqual({ type: "booking", id: "B1" });
    expect(r.cause).toBe("aircraft technical fault");
    expect(r.notice).toBe("us-dot.significant-delay-refund");
    expect(r.approval).toEqual({ required: false, reasons: [] });
    expect(Date.parse(r.dueBy ?? "") - Date.parse(r.at)).toBe(7 * DAY);
  });

  it("refunds every booking on the flight, each to its own customer", () => {
    const events = [
      booking(JFK_LAX, { id: "B1", customer: "c1" }),
      booking(JFK_LAX, { id: "B2", customer: "c2", fare: "129.90" }),
      arrived(JFK_LAX, { arrival: 200 }),
    ];
    expect(refunds(events)).toEqual([
      [delayKey(JFK_LAX, "B1"), "389.00 USD", "c1"],
      [delayKey(JFK_LAX, "B2"), "129.90 USD", "c2"],
    ]);
  });

  it("a customer who accepted another flight before departure gets no refund for this one", () => {
    const events = [
      booking(JFK_LAX),
      rebooked(JFK_LAX, DEPARTURE - HOUR, true),
      arrived(JFK_LAX, { arrival: 300 }),
    ];
    expect(refunds(events)).toEqual([]);
  });

  it("a customer who declined another flight is refunded", () => {
    const events = [
      booking(JFK_LAX),
      rebooked(JFK_LAX, DEPARTURE - HOUR, false),
      arrived(JFK_LAX, { arrival: 300 }),
    ];
    expect(refunds(events)).toEqual([[delayKey(JFK_LAX), "389.00 USD", "c1"]]);
  });
});

describe("cancellation (§ 260.6): decided at the scheduled departure", () => {
  it("with no answer to the offer, refunds at the scheduled departure, due 7 days later", () => {
    const events = [booking(JFK_LAX), cancelled(JFK_LAX, 2 * DAY)];
    expect(remediesOf(run(["us-dot"], events))).toEqual([]);
    expect(remediesOf(run(["us-dot"], events, iso(DEPARTURE)))).toEqual([]);
    const rs = remediesOf(run(["us-dot"], events, iso(DEPARTURE + MINUTE)));
    expect(rs.map((r) => [r.key, amountText(r), r.customer, r.at, r.dueBy])).toEqual([
      [
        cancelKey(JFK_LAX),
        "389.00 USD",
        "c1",
        "2026-12-01T13:00:00.000Z",
        "2026-12-08T13:00:00.000Z",
      ],
    ]);
    expect(rs[0]?.cause).toBe("crew shortage");
    expect(rs[0]?.notice).toBe("us-dot.cancellation-refund");
  });

  it("a later event in the stream is enough to pass the deadline", () => {
    const events = [
      booking(JFK_LAX),
      cancelled(JFK_LAX, 2 * DAY),
      arrived(JFK_LHR, { arrival: 0 }),
    ];
    expect(refunds(events, ["us-dot"], undefined)).toEqual([
      [cancelKey(JFK_LAX), "389.00 USD", "c1"],
    ]);
  });

  it("accepting another flight before the scheduled departure means no refund", () => {
    const events = [
      booking(JFK_LAX),
      cancelled(JFK_LAX, 2 * DAY),
      rebooked(JFK_LAX, DEPARTURE - MINUTE, true),
    ];
    expect(refunds(events)).toEqual([]);
  });

  it("accepting another flight before the cancellation was even announced means no refund", () => {
    const events = [
      booking(JFK_LAX),
      rebooked(JFK_LAX, DEPARTURE - 3 * DAY, true),
      cancelled(JFK_LAX, 2 * DAY),
    ];
    expect(refunds(events)).toEqual([]);
  });

  it("accepting at or after the scheduled departure comes too late: refunded", () => {
    for (const at of [DEPARTURE, DEPARTURE + MINUTE, DEPARTURE + 2 * HOUR]) {
      const events = [booking(JFK_LAX), cancelled(JFK_LAX, 2 * DAY), rebooked(JFK_LAX, at, true)];
      expect(refunds(events)).toEqual([[cancelKey(JFK_LAX), "389.00 USD", "c1"]]);
    }
  });

  it("declining the offer is refunded", () => {
    const events = [
      booking(JFK_LAX),
      cancelled(JFK_LAX, 2 * DAY),
      rebooked(JFK_LAX, DEPARTURE - DAY, false),
    ];
    expect(refunds(events)).toEqual([[cancelKey(JFK_LAX), "389.00 USD", "c1"]]);
  });

  it("the cause does not matter: a weather cancellation is refunded", () => {
    const events = [
      booking(MIA_GRU),
      cancelled(MIA_GRU, 6 * HOUR, { controllable: false, cause: "hurricane" }),
    ];
    const rs = remediesOf(run(["us-dot"], events, LATER));
    expect(rs.map((r) => [r.key, amountText(r), r.cause])).toEqual([
      [cancelKey(MIA_GRU), "389.00 USD", "hurricane"],
    ]);
  });

  it("a cancellation reported after the scheduled departure is refunded from that moment", () => {
    const events = [booking(JFK_LAX), cancelled(JFK_LAX, -2 * HOUR)];
    const rs = remediesOf(run(["us-dot"], events, LATER));
    expect(rs.map((r) => [r.key, amountText(r), r.at])).toEqual([
      [cancelKey(JFK_LAX), "389.00 USD", "2026-12-01T15:00:00.000Z"],
    ]);
  });

  it("refunds every booking that did not accept, once each, whatever the passengers", () => {
    const events = [
      booking(JFK_LAX, { id: "B1", customer: "c1", passengers: 2 }),
      booking(JFK_LAX, { id: "B2", customer: "c2", fare: "129.90" }),
      booking(JFK_LAX, { id: "B3", customer: "c3", fare: "250.00" }),
      cancelled(JFK_LAX, 2 * DAY),
      rebooked(JFK_LAX, DEPARTURE - DAY, true, "AA3@2026-12-02", "B2"),
    ];
    expect(refunds(events)).toEqual([
      [cancelKey(JFK_LAX, "B1"), "389.00 USD", "c1"],
      [cancelKey(JFK_LAX, "B3"), "250.00 USD", "c3"],
    ]);
  });

  it("a customer moved onto a flight that is then cancelled too is refunded for that one", () => {
    const second = { ...JFK_LAX, flight: "AA3@2026-12-01" };
    const events = [
      booking(JFK_LAX),
      cancelled(JFK_LAX, 2 * DAY),
      rebooked(JFK_LAX, DEPARTURE - DAY, true, second.flight),
      cancelled(second, 2 * HOUR, { id: "cancelled-second" }),
    ];
    expect(refunds(events)).toEqual([[cancelKey(second), "389.00 USD", "c1"]]);
  });
});

describe("back to the original form of payment, split exactly (§ 260.10)", () => {
  const splitOf = (fare: string, payments: NonNullable<BookingOptions["payments"]>) => {
    const rs = remediesOf(
      run(["us-dot"], [booking(JFK_LAX, { fare, payments }), arrived(JFK_LAX, { arrival: 200 })]),
    );
    expect(rs.map(amountText)).toEqual([`${fare} USD`]);
    return rs[0]?.split;
  };

  it("card and points: each gets back exactly what it paid", () => {
    expect(
      splitOf("412.50", [
        { method: "card", amount: "212.50" },
        { method: "points", amount: "20000" },
      ]),
    ).toEqual([
      { method: "card", amount: money(21_250n, "USD") },
      { method: "points", amount: money(20_000n, "PTS") },
    ]);
  });

  it("card, wallet and points with odd cents: nothing lost, nothing added", () => {
    expect(
      splitOf("200.00", [
        { method: "card", amount: "100.01" },
        { method: "wallet", amount: "50.00" },
        { method: "points", amount: "12345", currency: "PTS" },
      ]),
    ).toEqual([
      { method: "card", amount: money(10_001n, "USD") },
      { method: "wallet", amount: money(5_000n, "USD") },
      { method: "points", amount: money(12_345n, "PTS") },
    ]);
  });

  it("points only: the points come back", () => {
    expect(splitOf("250.00", [{ method: "points", amount: "25000" }])).toEqual([
      { method: "points", amount: money(25_000n, "PTS") },
    ]);
  });
});

describe("scope: flights to, from or within the United States", () => {
  it("a cancellation between two European airports is not this rule's business", () => {
    const AMS_CPH = route("KL1275", "AMS", "CPH", 90);
    const events = [booking(AMS_CPH), cancelled(AMS_CPH, 3 * 86_400_000)];
    expect(remediesOf(run(["us-dot"], events, "2026-12-31T00:00:00Z"))).toEqual([]);
    const JFK_AMS = route("KL642", "JFK", "AMS", 420);
    const owed = remediesOf(
      run(
        ["us-dot"],
        [booking(JFK_AMS), cancelled(JFK_AMS, 3 * 86_400_000)],
        "2026-12-31T00:00:00Z",
      ),
    );
    expect(owed.map((r) => r.promise)).toEqual(["dot-cancellation-refund"]);
  });
});

describe("exactly once", () => {
  it("an arrival delivered twice refunds once", () => {
    const events = [
      booking(JFK_LAX),
      arrived(JFK_LAX, { arrival: 200 }),
      arrived(JFK_LAX, { arrival: 200 }),
    ];
    expect(refunds(events)).toEqual([[delayKey(JFK_LAX), "389.00 USD", "c1"]]);
  });

  it("a cancellation delivered twice, or re-sent under a new id, refunds once", () => {
    const first = cancelled(JFK_LAX, 2 * DAY);
    const resent = cancelled(JFK_LAX, DAY, { id: "cancelled-again" });
    expect(refunds([booking(JFK_LAX), first, first, resent])).toEqual([
      [cancelKey(JFK_LAX), "389.00 USD", "c1"],
    ]);
  });

  it("a fare the airline's own promise already refunded is not refunded again", () => {
    const events = [booking(JFK_LAX), arrived(JFK_LAX, { arrival: 200 })];
    expect(refunds(events, ["airline", "us-dot"])).toEqual([
      [`delay-refund:flight:${JFK_LAX.flight}:booking:B1`, "389.00 USD", "c1"],
    ]);
    expect(refunds(events, ["us-dot", "airline"])).toEqual([
      [delayKey(JFK_LAX), "389.00 USD", "c1"],
    ]);
  });
});

describe("packs/us-dot/events.jsonl", () => {
  it("every line is a valid event with a unique id and a UTC RFC 3339 time", () => {
    const lines = readFileSync(`${ROOT}packs/us-dot/events.jsonl`, "utf8").split("\n");
    const ids = new Set<string>();
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const result = parseEventLine(line, i + 1);
      expect(result.ok ? [] : result.issues).toEqual([]);
      const e = JSON.parse(line) as EngineEvent;
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      ids.add(e.id);
    });
    // One line re-delivers an earlier event on purpose: the engine must ignore it.
    expect(ids.size).toBe(sampleEvents("us-dot").length - 1);
  });

  it("refunds exactly these, and the stream itself passes every deadline", () => {
    const rs = remediesOf(run(["us-dot"], sampleEvents("us-dot")));
    expect(rs.map((r) => [r.key, amountText(r), r.customer, r.split.map(amountOf)])).toEqual([
      [
        "dot-significant-delay-refund:flight:AA1@2026-12-01:booking:usdot-bk-1001",
        "612.40 USD",
        "cust-a100",
        ["card 412.40 USD", "points 20000 PTS"],
      ],
      [
        "dot-significant-delay-refund:flight:AA1@2026-12-01:booking:usdot-bk-1002",
        "897.00 USD",
        "cust-a101",
        ["card 897.00 USD"],
      ],
      [
        "dot-significant-delay-refund:flight:AA100@2026-12-04:booking:usdot-bk-4001",
        "1290.00 USD",
        "cust-d400",
        ["wallet 1290.00 USD"],
      ],
      [
        "dot-cancellation-refund:flight:B6615@2026-12-06:booking:usdot-bk-5002",
        "204.00 USD",
        "cust-e501",
        ["card 204.00 USD"],
      ],
      [
        "dot-cancellation-refund:flight:B6615@2026-12-06:booking:usdot-bk-5003",
        "378.00 USD",
        "cust-e502",
        ["points 37800 PTS"],
      ],
      [
        "dot-cancellation-refund:flight:WN2211@2026-12-08:booking:usdot-bk-6001",
        "129.00 USD",
        "cust-f600",
        ["card 129.00 USD"],
      ],
      [
        "dot-cancellation-refund:flight:UA1520@2026-12-09:booking:usdot-bk-7001",
        "276.30 USD",
        "cust-g700",
        ["card 276.30 USD"],
      ],
    ]);
    expect(remediesOf(run(["us-dot"], sampleEvents("us-dot"), LATER)).length).toBe(rs.length);
  });
});

/** One part of a split as "card 412.40 USD". */
function amountOf(part: Remedy["split"][number]): string {
  return `${part.method} ${toDecimalString(part.amount)} ${part.amount.currency}`;
}
