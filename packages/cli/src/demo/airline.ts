/**
 * The airline stream, built on the real flights of `flights.ts`: each flight flown by one
 * carrier, Goodfaith Air (GF), with 1–2 generated bookings, and its arrival at the real
 * delay. What the dataset does not say is generated from the seed: flight numbers, the cause
 * of each delay and whether it was within the carrier's control, passengers, seats, fares
 * and how they were paid.
 */
import { type CauseCategory, money, toDecimalString } from "@goodfaith/core";
import { companionName, type DemoCustomer } from "./customers.js";
import { DAY, type DemoEvent, iso, MINUTE } from "./event.js";
import { type FlightRow, scheduledDeparture } from "./flights.js";
import { paymentMix } from "./payments.js";
import type { Random } from "./random.js";

/** The carrier every demo flight is flown by. */
export const CARRIER = { code: "GF" } as const;

/** A booking on a flight that arrived late, for the support stream to ask about. */
export interface DelayedBooking {
  readonly customer: string;
  readonly booking: string;
  readonly scheduledArrival: number;
  readonly actualArrival: number;
  readonly delayMinutes: number;
}

/** The airline stream and the late bookings in it. */
export interface AirlineStream {
  readonly events: DemoEvent[];
  readonly delayed: DelayedBooking[];
}

interface Cause {
  readonly text: (row: FlightRow) => string;
  /** The same cause in the demo's other languages, so notices need not quote the English. */
  readonly texts: (row: FlightRow) => { "zh-CN": string; sv: string };
  readonly category: CauseCategory;
  readonly controllable: boolean;
}

// Weather and air traffic control are outside a carrier's control (EU 261's extraordinary
// circumstances, the DOT's uncontrollable irregularities); crew, maintenance and a late
// inbound aircraft are the carrier's own.
const CAUSES: Readonly<Record<string, Cause>> = {
  weather: {
    text: (r) => `thunderstorms and low visibility at ${r.origin}`,
    texts: (r) => ({
      "zh-CN": `${r.origin} 雷暴且能见度低`,
      sv: `åska och dålig sikt på ${r.origin}`,
    }),
    category: "weather",
    controllable: false,
  },
  atc: {
    text: (r) => `air traffic control held departures from ${r.origin}`,
    texts: (r) => ({
      "zh-CN": `空中交通管制暂停了从 ${r.origin} 起飞的航班`,
      sv: `flygledningen höll kvar avgångar från ${r.origin}`,
    }),
    category: "air_traffic_control",
    controllable: false,
  },
  crew: {
    text: () => "a crew member was missing and a standby crew had to be called",
    texts: () => ({
      "zh-CN": "一名机组成员缺勤，需要调用备份机组",
      sv: "en i besättningen saknades och en reservbesättning fick kallas in",
    }),
    category: "crew",
    controllable: true,
  },
  maintenance: {
    text: () => "a fault found in the pre-departure check had to be repaired",
    texts: () => ({
      "zh-CN": "起飞前检查中发现的故障需要修复",
      sv: "ett fel som upptäcktes vid kontrollen före avgång måste repareras",
    }),
    category: "technical",
    controllable: true,
  },
  inbound: {
    text: () => "the aircraft arrived late from its previous flight",
    texts: () => ({
      "zh-CN": "前序航班晚到",
      sv: "flygplanet kom sent från sin föregående flygning",
    }),
    category: "late_aircraft",
    controllable: true,
  },
};

/** Block time from distance: 30 minutes of taxi and climb, then about 480 mph. */
export function blockMinutes(distanceMiles: number): number {
  return Math.round(30 + distanceMiles / 8);
}

/** Per-passenger fare in cents: a base plus a rate per mile, varied by demand; business ×3. */
function seatFareCents(distance: number, rnd: Random, business: boolean): number {
  const base = (49 + 0.12 * distance) * (0.7 + rnd.next() * 0.8) * (business ? 3 : 1);
  return Math.round(base) * 100 - (rnd.chance(0.5) ? 1 : 0);
}

interface Passenger {
  id: string;
  name: string;
  age: number;
  seat: string;
  guardian?: string;
}

// Passengers of a booking: the customer first; companions are adults or children with the
// customer as guardian. A child sits next to their guardian, except in about one booking in
// twenty-five with children, where the airline's system seated them apart.
function passengers(customer: DemoCustomer, rnd: Random): Passenger[] {
  const count = rnd.weighted({ 1: 55, 2: 30, 3: 15 });
  const row = rnd.int(8, 38);
  const lead: Passenger = { id: "p1", name: customer.name, age: customer.age, seat: `${row}B` };
  if (count === "1") return [lead];
  const family = rnd.chance(0.45);
  const apart = family && rnd.chance(0.04);
  const others: Passenger[] = [];
  const seats = count === "2" ? ["A"] : ["A", "C"];
  seats.forEach((letter, k) => {
    const id = `p${k + 2}`;
    const seat = apart && k === 0 ? `${row + rnd.int(3, 9)}${letter}` : `${row}${letter}`;
    others.push(
      family
        ? { id, name: companionName(customer, rnd), age: rnd.int(2, 11), seat, guardian: "p1" }
        : { id, name: companionName(customer, rnd), age: rnd.int(18, 75), seat },
    );
  });
  return [lead, ...others];
}

/** The airline stream over `rows`, with bookings by customers of `pool`. */
export function airlineStream(
  rows: readonly FlightRow[],
  pool: readonly DemoCustomer[],
  rnd: Random,
): AirlineStream {
  const events: DemoEvent[] = [];
  const delayed: DelayedBooking[] = [];
  const routes = new Map<string, number>();
  const used = new Set<string>();
  let bookingSeq = 100_000;
  for (const row of rows) {
    const departure = scheduledDeparture(row);
    const day = iso(departure).slice(0, 10);
    const route = `${row.origin}-${row.destination}`;
    const number = routes.get(route) ?? routes.size + 1;
    routes.set(route, number);
    // Two flights of a route on one day get a letter suffix (GF12@…, GF12A@…).
    let flight = `GF${number}@${day}`;
    for (let s = 0; used.has(flight); s++)
      flight = `GF${number}${String.fromCharCode(65 + s)}@${day}`;
    used.add(flight);
    const scheduledArrival = departure + blockMinutes(row.distance) * MINUTE;
    const actualArrival = scheduledArrival + row.delay * MINUTE;
    const place = { carrier: CARRIER, origin: row.origin, destination: row.destination };
    const bookings = rnd.chance(0.4) ? 2 : 1;
    for (let b = 0; b < bookings; b++) {
      const customer = rnd.pick(pool);
      const booking = `GF-${bookingSeq++}`;
      const pax = passengers(customer, rnd);
      const business = rnd.chance(0.05);
      let cents = 0;
      for (const _ of pax) cents += seatFareCents(row.distance, rnd, business);
      const fare = money(BigInt(cents), "USD");
      const mix = rnd.weighted({ card: 55, "card+points": 20, points: 10, voucher: 15 });
      const bookedAt = departure - rnd.int(1, 60) * DAY - rnd.int(0, 1439) * MINUTE;
      events.push({
        id: `bk-${booking}`,
        type: "booking.created",
        time: iso(bookedAt),
        customer: customer.id,
        data: {
          booking,
          flight,
          ...place,
          passengers: pax,
          fare: toDecimalString(fare),
          currency: "USD",
          payments: paymentMix(fare, mix, rnd),
        },
      });
      if (row.delay >= 180) {
        delayed.push({
          customer: customer.id,
          booking,
          scheduledArrival,
          actualArrival,
          delayMinutes: row.delay,
        });
      }
    }
    const late = row.delay >= 15;
    const cause = late
      ? CAUSES[rnd.weighted({ weather: 25, atc: 20, crew: 15, maintenance: 20, inbound: 20 })]
      : undefined;
    events.push({
      id: `arr-${flight}`,
      type: "flight.arrived",
      time: iso(actualArrival),
      data: {
        flight,
        ...place,
        scheduledDeparture: iso(departure),
        scheduledArrival: iso(scheduledArrival),
        actualArrival: iso(actualArrival),
        ...(cause && {
          cause: cause.text(row),
          causeText: cause.texts(row),
          causeCategory: cause.category,
        }),
        // An on-time flight has nothing to excuse; only a delay's cause can be outside our control.
        controllable: cause?.controllable ?? true,
      },
    });
  }
  return { events, delayed };
}
