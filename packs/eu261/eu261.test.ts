/**
 * EU Regulation 261/2004 as the Court of Justice reads it, case by case: every distance band,
 * the three-hour line (Sturgeon), the long-haul reduction, extraordinary circumstances, scope,
 * payment per passenger, each cancellation notice rule with its re-routing windows on both
 * sides of each boundary, the Art. 7(2) reduction, exactly-once delivery, and compensation on
 * top of the airline's own refund.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Remedy } from "../../packages/core/src/engine/outcome.js";
import { parseEventLine } from "../../packages/core/src/events/index.js";
import { money } from "../../packages/core/src/money/index.js";
import {
  amountText,
  engineFor,
  ROOT,
  remediesOf,
  run,
  sampleEvents,
  valid,
} from "../../test/support/packs.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Every test flight is scheduled to leave at this instant. */
const DEPARTURE = Date.parse("2026-11-20T08:00:00Z");
const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/** A scheduled flight: who operates it, between which airports, when, and its block time. */
interface Route {
  readonly flight: string;
  readonly carrier: string;
  readonly euLicensed: boolean;
  readonly origin: string;
  readonly destination: string;
  readonly departure: number;
  readonly minutes: number;
}

function route(
  number: string,
  origin: string,
  destination: string,
  minutes: number,
  euLicensed = true,
): Route {
  const carrier = number.slice(0, 2);
  return {
    flight: `${number}@2026-11-20`,
    carrier,
    euLicensed,
    origin,
    destination,
    departure: DEPARTURE,
    minutes,
  };
}

// Distances are great-circle, from the airport data the engine uses.
const AMS_BCN = route("KL1673", "AMS", "BCN", 140); // 1241 km: band (a), €250
const ZRH_OSL = route("LX1216", "ZRH", "OSL", 140); // 1425 km, Swiss and EEA airports: (a)
const ARN_ATH = route("SK781", "ARN", "ATH", 235); // 2452 km intra-EU: band (b), €400
const FRA_IST = route("LH1300", "FRA", "IST", 190); // 1862 km to a third country: (b)
const CDG_FDF = route("AF654", "CDG", "FDF", 520); // 6870 km, but Martinique is EU: (b)
const DUS_HRG = route("EW1192", "DUS", "HRG", 290); // 3511 km to Egypt: band (c), €600
const FRA_JFK = route("LH400", "FRA", "JFK", 530); // 6189 km: (c)
// Scope (Art. 3(1)): which end is in the EU, and whether the carrier holds an EU licence.
const CDG_JFK_DELTA = route("DL263", "CDG", "JFK", 510, false);
const JFK_FRA_LUFTHANSA = route("LH401", "JFK", "FRA", 470);
const JFK_FRA_UNITED = route("UA960", "JFK", "FRA", 470, false);
const JFK_LHR_AMERICAN = route("AA100", "JFK", "LHR", 420, false);
const JFK_LHR_EU_CARRIER = route("IB4218", "JFK", "LHR", 420);
const LHR_JFK_BRITISH = route("BA117", "LHR", "JFK", 480, false);

const carrierOf = (r: Route) => ({ code: r.carrier, euLicensed: r.euLicensed });

interface BookingOptions {
  readonly id?: string;
  readonly customer?: string;
  readonly passengers?: number;
  readonly fare?: string;
  readonly currency?: string;
  readonly payments?: readonly { method: string; amount: string; currency?: string }[];
}

/** A booking on `r`'s flight, made 60 days before departure; passengers are p1, p2, … */
function booking(r: Route, o: BookingOptions = {}): EngineEvent {
  const id = o.id ?? "B1";
  const fare = o.fare ?? "480.00";
  return valid({
    id: `created-${id}`,
    type: "booking.created",
    time: iso(DEPARTURE - 60 * DAY),
    customer: o.customer ?? "c1",
    data: {
      booking: id,
      flight: r.flight,
      carrier: carrierOf(r),
      origin: r.origin,
      destination: r.destination,
      passengers: Array.from({ length: o.passengers ?? 1 }, (_, i) => ({ id: `p${i + 1}` })),
      fare,
      currency: o.currency ?? "EUR",
      payments: o.payments ?? [{ method: "card", amount: fare }],
    },
  });
}

interface Circumstances {
  readonly id?: string;
  readonly controllable?: boolean;
  readonly cause?: string;
}

/** `r`'s flight arrived `delay` minutes late, having left as late. */
function arrived(r: Route, delay: number, c: Circumstances = {}): EngineEvent {
  const scheduledArrival = r.departure + r.minutes * MINUTE;
  const actualArrival = scheduledArrival + delay * MINUTE;
  return valid({
    id: c.id ?? `arrived-${r.flight}-${delay}`,
    type: "flight.arrived",
    time: iso(actualArrival + 5 * MINUTE),
    data: {
      flight: r.flight,
      carrier: carrierOf(r),
      origin: r.origin,
      destination: r.destination,
      scheduledDeparture: iso(r.departure),
      actualDeparture: iso(r.departure + delay * MINUTE),
      scheduledArrival: iso(scheduledArrival),
      actualArrival: iso(actualArrival),
      controllable: c.controllable ?? true,
      cause: c.cause ?? "aircraft technical fault",
    },
  });
}

/** A re-routing offer: minutes earlier than the departure, minutes later than the arrival. */
interface Reroute {
  readonly earlier: number;
  readonly later: number;
}

/** `r`'s flight was cancelled, the passengers told `notice` ms before departure. */
function cancelled(
  r: Route,
  notice: number,
  reroute?: Reroute,
  c: Circumstances = {},
): EngineEvent {
  const scheduledArrival = r.departure + r.minutes * MINUTE;
  return valid({
    id: c.id ?? `cancelled-${r.flight}-${notice}-${reroute?.earlier}-${reroute?.later}`,
    type: "flight.cancelled",
    time: iso(r.departure - notice),
    data: {
      flight: r.flight,
      carrier: carrierOf(r),
      origin: r.origin,
      destination: r.destination,
      scheduledDeparture: iso(r.departure),
      scheduledArrival: iso(scheduledArrival),
      noticeGivenAt: iso(r.departure - notice),
      controllable: c.controllable ?? true,
      cause: c.cause ?? "crew shortage",
      ...(reroute && {
        reroute: {
          departure: iso(r.departure - reroute.earlier * MINUTE),
          arrival: iso(scheduledArrival + reroute.later * MINUTE),
        },
      }),
    },
  });
}

/** The remedies of running `events` through the named packs, as [key, amount, customer]. */
function paid(events: readonly EngineEvent[], packs = ["eu261"]): [string, string, string][] {
  return remediesOf(run(packs, events)).map((r) => [r.key, amountText(r), r.customer]);
}

const delayKey = (r: Route, booking = "B1", pax = "p1") =>
  `eu261-delay-compensation:flight:${r.flight}:booking:${booking}:pax:${pax}`;
const cancelKey = (r: Route, booking = "B1", pax = "p1") =>
  `eu261-cancellation-compensation:flight:${r.flight}:booking:${booking}:pax:${pax}`;

/** The compensation for one passenger on `r` arriving `delay` minutes late ("" when none). */
function forDelay(r: Route, delay: number, c: Circumstances = {}): string {
  const rs = paid([booking(r), arrived(r, delay, c)]);
  expect(rs.length).toBeLessThanOrEqual(1);
  if (rs[0]) expect(rs[0]).toEqual([delayKey(r), rs[0][1], "c1"]);
  return rs[0]?.[1] ?? "";
}

/** The compensation for one passenger on `r` cancelled with `notice` ("" when none). */
function forCancellation(r: Route, notice: number, reroute?: Reroute, c: Circumstances = {}) {
  const rs = paid([booking(r), cancelled(r, notice, reroute, c)]);
  expect(rs.length).toBeLessThanOrEqual(1);
  if (rs[0]) expect(rs[0]).toEqual([cancelKey(r), rs[0][1], "c1"]);
  return rs[0]?.[1] ?? "";
}

describe("long delay (Sturgeon, C-402/07: three hours or more at the final destination)", () => {
  it.each([
    ["band (a), 1500 km or less", AMS_BCN, "250.00 EUR"],
    ["band (a) between Switzerland and Norway", ZRH_OSL, "250.00 EUR"],
    ["band (b), intra-EU over 1500 km", ARN_ATH, "400.00 EUR"],
    ["band (b), 1500–3500 km to a third country", FRA_IST, "400.00 EUR"],
    ["band (b), intra-EU over 3500 km (Paris–Martinique)", CDG_FDF, "400.00 EUR"],
    ["band (c), just over 3500 km to a third country", DUS_HRG, "600.00 EUR"],
    ["band (c), Frankfurt–New York", FRA_JFK, "600.00 EUR"],
  ])("%s: four hours late pays %s", (_name, r, amount) => {
    expect(forDelay(r, 240)).toBe(amount);
  });

  it.each([
    ["AMS–BCN", AMS_BCN, "250.00 EUR"],
    ["ARN–ATH", ARN_ATH, "400.00 EUR"],
    ["CDG–FDF", CDG_FDF, "400.00 EUR"],
    ["FRA–JFK", FRA_JFK, "300.00 EUR"],
  ])("%s: exactly 3 h (180 min) pays %s, 2 h 59 nothing", (_name, r, amount) => {
    expect(forDelay(r, 180)).toBe(amount);
    expect(forDelay(r, 179)).toBe("");
  });

  it("band (c) pays €300 from 3 h up to 3 h 59 and €600 from 4 h (Art. 7(2)(c))", () => {
    expect(forDelay(FRA_JFK, 180)).toBe("300.00 EUR");
    expect(forDelay(FRA_JFK, 239)).toBe("300.00 EUR");
    expect(forDelay(FRA_JFK, 240)).toBe("600.00 EUR");
    expect(forDelay(DUS_HRG, 210)).toBe("300.00 EUR");
    expect(forDelay(FRA_JFK, 12 * 60)).toBe("600.00 EUR");
  });

  it("an intra-EU flight over 3500 km is band (b): never halved for a delay", () => {
    expect(forDelay(CDG_FDF, 200)).toBe("400.00 EUR");
  });

  it("extraordinary circumstances owe nothing (Art. 5(3))", () => {
    const storm = { controllable: false, cause: "thunderstorm closed the airport" };
    expect(forDelay(FRA_JFK, 600, storm)).toBe("");
    expect(forDelay(AMS_BCN, 300, storm)).toBe("");
  });

  it("pays each passenger, to the booker, in cash, within 7 days, with the stated cause", () => {
    const events = [booking(FRA_JFK, { passengers: 3, fare: "1800.00" }), arrived(FRA_JFK, 250)];
    const rs = remediesOf(run(["eu261"], events));
    expect(rs.map((r) => [r.key, amountText(r), r.customer])).toEqual([
      [delayKey(FRA_JFK, "B1", "p1"), "600.00 EUR", "c1"],
      [delayKey(FRA_JFK, "B1", "p2"), "600.00 EUR", "c1"],
      [delayKey(FRA_JFK, "B1", "p3"), "600.00 EUR", "c1"],
    ]);
    const first = rs[0] as Remedy;
    expect(first.tender).toBe("cash");
    expect(first.split).toEqual([{ method: "cash", amount: money(60_000n, "EUR") }]);
    expect(first.incident).toBe(`flight:${FRA_JFK.flight}:booking:B1:pax:p1`);
    expect(first.subject).toEqual({ type: "booking", id: "B1" });
    expect(first.cause).toBe("aircraft technical fault");
    expect(first.notice).toBe("eu261.delay-compensation");
    expect(first.approval).toEqual({ required: false, reasons: [] });
    expect(Date.parse(first.dueBy ?? "") - Date.parse(first.at)).toBe(7 * DAY);
  });

  it("pays every booking on the flight, each to its own customer", () => {
    const events = [
      booking(ARN_ATH, { id: "B1", customer: "c1", passengers: 2 }),
      booking(ARN_ATH, { id: "B2", customer: "c2" }),
      arrived(ARN_ATH, 200),
    ];
    expect(paid(events)).toEqual([
      [delayKey(ARN_ATH, "B1", "p1"), "400.00 EUR", "c1"],
      [delayKey(ARN_ATH, "B1", "p2"), "400.00 EUR", "c1"],
      [delayKey(ARN_ATH, "B2", "p1"), "400.00 EUR", "c2"],
    ]);
  });

  it("pays in euros whatever currency the fare was in", () => {
    const fare = { currency: "SEK", fare: "3890.00" };
    expect(paid([booking(ARN_ATH, fare), arrived(ARN_ATH, 200)])).toEqual([
      [delayKey(ARN_ATH), "400.00 EUR", "c1"],
    ]);
  });

  it("an airport missing from the airport data pays nothing rather than a guess", () => {
    const unknown = { ...AMS_BCN, destination: "QQQ" };
    expect(forDelay(unknown, 300)).toBe("");
  });
});

describe("minutes are counted down, never rounded up", () => {
  it("2 h 59 min 30 s late is not three hours late", () => {
    expect(forDelay(AMS_BCN, 179.5)).toBe("");
    expect(forDelay(AMS_BCN, 180)).toBe("250.00 EUR");
  });
});

describe("scope (Art. 3(1))", () => {
  it("departing the EU is covered whoever operates the flight (3(1)(a)): Paris–New York on Delta", () => {
    expect(forDelay(CDG_JFK_DELTA, 250)).toBe("600.00 EUR");
  });

  it("arriving in the EU is covered on an EU carrier (3(1)(b)): New York–Frankfurt on Lufthansa", () => {
    expect(forDelay(JFK_FRA_LUFTHANSA, 250)).toBe("600.00 EUR");
  });

  it("arriving in the EU on a non-EU carrier is not covered: New York–Frankfurt on United", () => {
    expect(forDelay(JFK_FRA_UNITED, 600)).toBe("");
  });

  it("London has not been in the EU since 2021: New York–London is out, on any carrier", () => {
    expect(forDelay(JFK_LHR_AMERICAN, 600)).toBe("");
    expect(forDelay(JFK_LHR_EU_CARRIER, 600)).toBe("");
    expect(forDelay(LHR_JFK_BRITISH, 600)).toBe("");
  });

  it("cancellations follow the same scope", () => {
    expect(forCancellation(JFK_FRA_UNITED, 2 * DAY)).toBe("");
    expect(forCancellation(JFK_LHR_AMERICAN, 2 * DAY)).toBe("");
    expect(forCancellation(JFK_FRA_LUFTHANSA, 2 * DAY)).toBe("600.00 EUR");
    expect(forCancellation(CDG_JFK_DELTA, 2 * DAY)).toBe("600.00 EUR");
  });
});

describe("cancellation (Art. 5(1)(c)) and the re-routing reduction (Art. 7(2))", () => {
  describe("notice of two weeks or more: nothing owed", () => {
    it("exactly 14 days, with no re-routing at all, owes nothing", () => {
      expect(forCancellation(FRA_JFK, 14 * DAY)).toBe("");
      expect(forCancellation(FRA_JFK, 30 * DAY)).toBe("");
    });
    it("one minute short of 14 days without a re-routing owes the full amount", () => {
      expect(forCancellation(FRA_JFK, 14 * DAY - MINUTE)).toBe("600.00 EUR");
    });
  });

  describe("notice of 7 to 14 days: a re-routing leaving ≤ 2 h early and arriving < 4 h late", () => {
    const notice = 10 * DAY;
    it("within both limits owes nothing", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 120, later: 239 })).toBe("");
      expect(forCancellation(AMS_BCN, notice, { earlier: 0, later: 0 })).toBe("");
      expect(forCancellation(AMS_BCN, notice, { earlier: -300, later: 239 })).toBe("");
    });
    it("leaving 2 h 01 early owes compensation, halved as it arrives within 2 h", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 121, later: 60 })).toBe("125.00 EUR");
    });
    it("arriving 4 h late owes the full amount", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 120, later: 240 })).toBe("250.00 EUR");
    });
    it("no re-routing owes the full amount", () => {
      expect(forCancellation(AMS_BCN, notice)).toBe("250.00 EUR");
    });
    it("exactly 7 days is still this rule", () => {
      expect(forCancellation(AMS_BCN, 7 * DAY, { earlier: 120, later: 239 })).toBe("");
    });
  });

  describe("notice under 7 days: a re-routing leaving ≤ 1 h early and arriving < 2 h late", () => {
    const notice = 3 * DAY;
    it("within both limits owes nothing", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 60, later: 119 })).toBe("");
      expect(forCancellation(AMS_BCN, 7 * DAY - MINUTE, { earlier: 60, later: 119 })).toBe("");
    });
    it("the 7–14-day windows no longer excuse it one minute short of 7 days", () => {
      expect(forCancellation(AMS_BCN, 7 * DAY - MINUTE, { earlier: 120, later: 239 })).toBe(
        "250.00 EUR",
      );
    });
    it("leaving 1 h 01 early owes compensation, halved as it arrives within 2 h", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 61, later: 119 })).toBe("125.00 EUR");
    });
    it("arriving exactly 2 h late owes compensation, halved: 'does not exceed' 2 h", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 60, later: 120 })).toBe("125.00 EUR");
    });
    it("arriving 2 h 01 late owes the full amount on band (a)", () => {
      expect(forCancellation(AMS_BCN, notice, { earlier: 60, later: 121 })).toBe("250.00 EUR");
    });
    it("cancelled on the day with nothing offered owes the full amount", () => {
      expect(forCancellation(ARN_ATH, 2 * HOUR)).toBe("400.00 EUR");
      expect(forCancellation(FRA_JFK, 0)).toBe("600.00 EUR");
    });
  });

  describe("the Art. 7(2) reduction: 2, 3 or 4 hours by band", () => {
    const notice = 2 * DAY;
    it.each([
      ["AMS–BCN (a)", AMS_BCN, 120, "125.00 EUR", 121, "250.00 EUR"],
      ["ARN–ATH (b)", ARN_ATH, 180, "200.00 EUR", 181, "400.00 EUR"],
      ["FRA–IST (b)", FRA_IST, 180, "200.00 EUR", 181, "400.00 EUR"],
      ["CDG–FDF (b)", CDG_FDF, 180, "200.00 EUR", 181, "400.00 EUR"],
      ["DUS–HRG (c)", DUS_HRG, 240, "300.00 EUR", 241, "600.00 EUR"],
      ["FRA–JFK (c)", FRA_JFK, 240, "300.00 EUR", 241, "600.00 EUR"],
    ])(
      "%s: a re-routing %i min late pays %s, %i min late %s",
      (_name, r, within, half, over, full) => {
        expect(forCancellation(r, notice, { earlier: 90, later: within })).toBe(half);
        expect(forCancellation(r, notice, { earlier: 90, later: over })).toBe(full);
      },
    );
  });

  it("extraordinary circumstances owe nothing, whatever the notice (Art. 5(3))", () => {
    const strike = { controllable: false, cause: "air traffic control strike" };
    expect(forCancellation(FRA_JFK, 2 * HOUR, undefined, strike)).toBe("");
  });

  it("pays each passenger in cash, with the stated cause", () => {
    const events = [
      booking(ARN_ATH, { passengers: 2 }),
      cancelled(ARN_ATH, DAY, undefined, { cause: "aircraft damaged by a stairs vehicle" }),
    ];
    const rs = remediesOf(run(["eu261"], events));
    expect(rs.map((r) => [r.key, amountText(r), r.tender, r.cause])).toEqual([
      [
        cancelKey(ARN_ATH, "B1", "p1"),
        "400.00 EUR",
        "cash",
        "aircraft damaged by a stairs vehicle",
      ],
      [
        cancelKey(ARN_ATH, "B1", "p2"),
        "400.00 EUR",
        "cash",
        "aircraft damaged by a stairs vehicle",
      ],
    ]);
    expect(rs[0]?.notice).toBe("eu261.cancellation-compensation");
  });

  it("a re-routing flight that is itself 3 h late is compensated too (Finnair, C-832/18)", () => {
    const reroute = { ...FRA_JFK, flight: "LH402@2026-11-20", departure: DEPARTURE + 3 * HOUR };
    const events = [
      booking(FRA_JFK),
      cancelled(FRA_JFK, DAY, { earlier: -180, later: 180 }),
      valid({
        id: "rebooked-B1",
        type: "booking.rebooked",
        time: iso(DEPARTURE - DAY + HOUR),
        customer: "c1",
        data: {
          booking: "B1",
          fromFlight: FRA_JFK.flight,
          toFlight: reroute.flight,
          accepted: true,
        },
      }),
      arrived(reroute, 250),
    ];
    expect(paid(events)).toEqual([
      [cancelKey(FRA_JFK), "300.00 EUR", "c1"],
      [delayKey(reroute), "600.00 EUR", "c1"],
    ]);
  });

  it("a passenger who moved to another flight is not compensated for the one they left", () => {
    const events = [
      booking(FRA_JFK),
      valid({
        id: "rebooked-B1",
        type: "booking.rebooked",
        time: iso(DEPARTURE - 2 * DAY),
        customer: "c1",
        data: {
          booking: "B1",
          fromFlight: FRA_JFK.flight,
          toFlight: "LH402@2026-11-20",
          accepted: true,
        },
      }),
      arrived(FRA_JFK, 300),
    ];
    expect(paid(events)).toEqual([]);
  });
});

describe("exactly once", () => {
  it("an arrival delivered twice pays once", () => {
    const events = [
      booking(AMS_BCN, { passengers: 2 }),
      arrived(AMS_BCN, 200),
      arrived(AMS_BCN, 200),
    ];
    expect(paid(events)).toEqual([
      [delayKey(AMS_BCN, "B1", "p1"), "250.00 EUR", "c1"],
      [delayKey(AMS_BCN, "B1", "p2"), "250.00 EUR", "c1"],
    ]);
  });

  it("a cancellation delivered twice pays once", () => {
    const events = [
      booking(AMS_BCN, { passengers: 2 }),
      cancelled(AMS_BCN, DAY),
      cancelled(AMS_BCN, DAY),
    ];
    expect(paid(events)).toEqual([
      [cancelKey(AMS_BCN, "B1", "p1"), "250.00 EUR", "c1"],
      [cancelKey(AMS_BCN, "B1", "p2"), "250.00 EUR", "c1"],
    ]);
  });

  it("the same arrival re-sent under a new event id pays once", () => {
    const events = [
      booking(AMS_BCN),
      arrived(AMS_BCN, 200, { id: "first" }),
      arrived(AMS_BCN, 200, { id: "resent" }),
    ];
    expect(paid(events)).toEqual([[delayKey(AMS_BCN), "250.00 EUR", "c1"]]);
  });

  it("events processed one at a time decide exactly as in one batch", () => {
    const events = [booking(FRA_JFK, { passengers: 2 }), arrived(FRA_JFK, 200)];
    const engine = engineFor("eu261");
    const oneByOne = events.flatMap((e) => engine.process(e));
    expect(remediesOf(oneByOne).map((r) => r.key)).toEqual(
      remediesOf(run(["eu261"], events)).map((r) => r.key),
    );
    expect(engine.process(events[1] as EngineEvent)).toEqual([]);
  });
});

describe("on top of the airline's own refund", () => {
  // Northwind's delay-refund gives the fare back to the tenders it came from; EU 261
  // compensation is for the lost time, owed as well (Art. 8 and Art. 7 are separate rights).
  const events = [
    booking(FRA_JFK, {
      passengers: 2,
      fare: "900.00",
      payments: [
        { method: "card", amount: "600.00" },
        { method: "points", amount: "30000" },
      ],
    }),
    arrived(FRA_JFK, 250),
  ];
  const expected = [
    [`delay-refund:flight:${FRA_JFK.flight}:booking:B1`, "900.00 EUR", "c1"],
    [delayKey(FRA_JFK, "B1", "p1"), "600.00 EUR", "c1"],
    [delayKey(FRA_JFK, "B1", "p2"), "600.00 EUR", "c1"],
  ];

  it("pays the refund to card and points, and the compensation in cash", () => {
    const rs = remediesOf(run(["airline", "eu261"], events));
    expect(rs.map((r) => [r.key, amountText(r), r.customer])).toEqual(expected);
    expect(rs[0]?.split).toEqual([
      { method: "card", amount: money(60_000n, "EUR") },
      { method: "points", amount: money(30_000n, "PTS") },
    ]);
    expect(rs[1]?.split).toEqual([{ method: "cash", amount: money(60_000n, "EUR") }]);
  });

  it("compensation does not use up the refundable fare, whichever pack runs first", () => {
    const rs = paid(events, ["eu261", "airline"]);
    expect(rs).toEqual([expected[1], expected[2], expected[0]]);
  });
});

describe("packs/eu261/events.jsonl", () => {
  it("every line is a valid event with a unique id and a UTC RFC 3339 time", () => {
    const lines = readFileSync(`${ROOT}packs/eu261/events.jsonl`, "utf8").split("\n");
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
    expect(ids.size).toBe(sampleEvents("eu261").length - 1);
  });

  it("pays exactly these remedies", () => {
    const rs = remediesOf(run(["eu261"], sampleEvents("eu261")));
    expect(rs.map((r) => [r.key, amountText(r), r.customer, r.cause])).toEqual([
      [
        "eu261-delay-compensation:flight:LH404@2026-11-14:booking:eu261-bk-1001:pax:p1",
        "300.00 EUR",
        "cust-1001",
        "aircraft technical fault",
      ],
      [
        "eu261-delay-compensation:flight:LH404@2026-11-14:booking:eu261-bk-1001:pax:p2",
        "300.00 EUR",
        "cust-1001",
        "aircraft technical fault",
      ],
      [
        "eu261-delay-compensation:flight:LH404@2026-11-14:booking:eu261-bk-1002:pax:p1",
        "300.00 EUR",
        "cust-1002",
        "aircraft technical fault",
      ],
      [
        "eu261-delay-compensation:flight:SK781@2026-11-16:booking:eu261-bk-3001:pax:p1",
        "400.00 EUR",
        "cust-3001",
        "crew shortage",
      ],
      [
        "eu261-delay-compensation:flight:AF654@2026-11-17:booking:eu261-bk-4001:pax:p1",
        "400.00 EUR",
        "cust-4001",
        "late inbound aircraft after unscheduled maintenance",
      ],
      [
        "eu261-delay-compensation:flight:AF654@2026-11-17:booking:eu261-bk-4001:pax:p2",
        "400.00 EUR",
        "cust-4001",
        "late inbound aircraft after unscheduled maintenance",
      ],
      [
        "eu261-cancellation-compensation:flight:KL1275@2026-11-24:booking:eu261-bk-7001:pax:p1",
        "125.00 EUR",
        "cust-7001",
        "aircraft damaged by a ground vehicle",
      ],
      [
        "eu261-cancellation-compensation:flight:KL1275@2026-11-24:booking:eu261-bk-7001:pax:p2",
        "125.00 EUR",
        "cust-7001",
        "aircraft damaged by a ground vehicle",
      ],
      [
        "eu261-cancellation-compensation:flight:LH406@2026-11-26:booking:eu261-bk-9001:pax:p1",
        "600.00 EUR",
        "cust-9001",
        "crew shortage",
      ],
    ]);
  });
});
