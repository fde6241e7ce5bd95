// @ts-check
/**
 * A deterministic, realistic airline event stream for the engine benchmark: bookings on a fixed
 * network of European and transatlantic routes, and the arrival of each flight, in time order.
 * The same seed always gives the same stream, byte for byte.
 */
import { eu261Band } from "../../packages/core/dist/index.js";

/** @typedef {import("../../packages/core/dist/index.js").EngineEvent} EngineEvent */

/** mulberry32: a tiny seeded PRNG, good enough for test data and identical on every platform. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Carriers with their hubs. `euLicensed` is what EU 261 Art. 3(1)(b) asks of an inbound flight;
// Swiss holds a Swiss licence, which the EU–Swiss agreement treats as a Community one.
const CARRIERS = [
  { code: "LH", euLicensed: true, hubs: ["FRA", "MUC"], longHaul: true },
  { code: "AF", euLicensed: true, hubs: ["CDG", "ORY"], longHaul: true },
  { code: "KL", euLicensed: true, hubs: ["AMS"], longHaul: true },
  { code: "SK", euLicensed: true, hubs: ["ARN", "CPH", "OSL"], longHaul: true },
  { code: "IB", euLicensed: true, hubs: ["MAD"], longHaul: true },
  { code: "AY", euLicensed: true, hubs: ["HEL"], longHaul: true },
  { code: "LX", euLicensed: true, hubs: ["ZRH", "GVA"], longHaul: true },
  { code: "EI", euLicensed: true, hubs: ["DUB"], longHaul: true },
  { code: "TP", euLicensed: true, hubs: ["LIS"], longHaul: true },
  {
    code: "FR",
    euLicensed: true,
    hubs: ["DUB", "BCN", "FCO", "PMI", "LPA", "WAW"],
    longHaul: false,
  },
  { code: "BA", euLicensed: false, hubs: ["LHR", "LGW"], longHaul: true },
  { code: "TK", euLicensed: false, hubs: ["IST"], longHaul: false },
  { code: "UA", euLicensed: false, hubs: ["EWR", "ORD", "SFO", "IAD"], longHaul: true },
  { code: "DL", euLicensed: false, hubs: ["JFK", "ATL", "BOS"], longHaul: true },
  { code: "AA", euLicensed: false, hubs: ["JFK", "MIA", "LAX"], longHaul: true },
  { code: "AC", euLicensed: false, hubs: ["YYZ", "YUL"], longHaul: true },
];

// 41 airports: 29 in Europe (EU, EEA, Switzerland, and the UK and Turkey outside EU 261), 12 in
// North America.
// biome-ignore format: rows of codes
const EUROPE = [
  "FRA", "MUC", "CDG", "ORY", "AMS", "MAD", "BCN", "FCO", "MXP", "ARN", "CPH", "OSL", "HEL", "DUB",
  "LIS", "VIE", "ZRH", "BRU", "WAW", "PRG", "ATH", "BUD", "KEF", "GVA", "LPA", "PMI", "LHR", "LGW",
  "MAN", "IST",
];
// biome-ignore format: rows of codes
const NORTH_AMERICA = ["JFK", "EWR", "BOS", "ORD", "IAD", "ATL", "MIA", "LAX", "SFO", "YYZ", "YUL"];
const isNorthAmerica = new Set(NORTH_AMERICA);

const CONTROLLABLE_CAUSES = [
  "technical fault",
  "crew shortage",
  "late inbound aircraft",
  "IT outage",
  "ground handling",
];
const EXTRAORDINARY_CAUSES = [
  "weather",
  "air traffic control strike",
  "bird strike",
  "security alert",
  "airport closure",
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");

/**
 * The route network: every carrier flies from its hubs, mostly within Europe, long-haul carriers
 * also across the Atlantic; each route runs once a day in each direction.
 */
function buildRoutes(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const routes = [];
  const seen = new Set();
  let number = 100;
  for (const carrier of CARRIERS) {
    const american = isNorthAmerica.has(carrier.hubs[0] ?? "");
    const count = carrier.hubs.length * (carrier.longHaul ? 5 : 7);
    for (let i = 0; i < count; i++) {
      const origin = pick(carrier.hubs);
      const longHaul = american || (carrier.longHaul && random() < 0.3);
      const destination = pick(longHaul ? (american ? EUROPE : NORTH_AMERICA) : EUROPE);
      const key = `${carrier.code}:${origin}-${destination}`;
      if (origin === destination || seen.has(key)) continue;
      seen.add(key);
      const band = eu261Band(origin, destination);
      if (!band) throw new Error(`unknown airport on ${key}`);
      const blockMinutes = Math.round(35 + (band.distanceKm / 820) * 60);
      const departureMinute = 6 * 60 + Math.floor(random() * 16 * 60);
      // Per-passenger fare range by distance, in euros.
      const [low, high] =
        band.distanceKm <= 1500 ? [49, 299] : band.distanceKm <= 3500 ? [99, 499] : [299, 1499];
      for (const [from, to] of [
        [origin, destination],
        [destination, origin],
      ]) {
        routes.push({
          carrier,
          number: number++,
          origin: from,
          destination: to,
          blockMinutes,
          departureMinute,
          low,
          high,
        });
      }
    }
  }
  return routes;
}

/** Minutes late at arrival: most flights near on time, a tail of one to six hours. */
function arrivalDelay(random) {
  const u = random();
  if (u < 0.62) return Math.floor(random() * 40) - 25; // 25 early … 14 late
  if (u < 0.87) return 15 + Math.floor(random() * 45); // 15–59
  if (u < 0.96) return 60 + Math.floor(random() * 120); // 1–3 h
  return 180 + (Math.floor(-Math.log(1 - random()) * 60) % 180); // 3–6 h, thinning out
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const dayPrefixes = new Map();

/** RFC 3339 in UTC for whole-second epoch ms; ~10× faster than `toISOString`, which matters at 4M calls. */
function iso(ms) {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${new Date(day * DAY).toISOString().slice(0, 10)}T`;
    dayPrefixes.set(day, prefix);
  }
  const s = Math.floor((ms - day * DAY) / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(s / 3600)]}:${TWO_DIGITS[Math.floor(s / 60) % 60]}:${TWO_DIGITS[s % 60]}Z`;
}

const euros = (cents) => `${Math.floor(cents / 100)}.${TWO_DIGITS[cents % 100] ?? ""}`;

/** A booking's payment mix: mostly card, some with points (100 PTS per euro), vouchers, wallets. */
function paymentsFor(random, fareCents) {
  const u = random();
  if (u < 0.72) return [{ method: "card", amount: euros(fareCents), currency: "EUR" }];
  if (u < 0.84) {
    const pointsCents = Math.floor(fareCents * (0.1 + random() * 0.4));
    return [
      { method: "card", amount: euros(fareCents - pointsCents), currency: "EUR" },
      { method: "points", amount: String(pointsCents), currency: "PTS" },
    ];
  }
  if (u < 0.88) return [{ method: "points", amount: String(fareCents), currency: "PTS" }];
  if (u < 0.95) {
    const voucher = Math.min(Math.floor(fareCents / 2), 2000 + Math.floor(random() * 80) * 100);
    return [
      { method: "voucher", amount: euros(voucher), currency: "EUR" },
      { method: "card", amount: euros(fareCents - voucher), currency: "EUR" },
    ];
  }
  return [{ method: "wallet", amount: euros(fareCents), currency: "EUR" }];
}

/**
 * Generates exactly `n` validated events (`booking.created` and `flight.arrived`) in time order,
 * with about eight bookings of one to four passengers per flight, and a summary of the mix.
 *
 * The stream starts when the system goes live (2026-01-01): flights run from 90 days before
 * that, but only what happens from go-live on is in the stream, so any prefix already has the
 * steady mix of bookings and arrivals (the first fortnight's flights know fewer bookings).
 * @param {number} n
 * @param {number} seed
 * @returns {{ events: EngineEvent[], mix: ReturnType<typeof describe> }}
 */
export function generateEvents(n, seed) {
  const random = mulberry32(seed);
  const routes = buildRoutes(random);
  /** @type {EngineEvent[]} */
  const all = [];
  /** @type {number[]} seconds since `FIRST_DAY`, parallel to `all` */
  const seconds = [];
  const FIRST_DAY = START - 90 * DAY;
  const push = (at, event) => {
    if (at < START) return;
    all.push(event);
    seconds.push((at - FIRST_DAY) / 1000);
  };
  let bookingNo = 0;
  // Once n events are live, generate a further 91 days of flights: a booking is made at most
  // 90 days ahead, so every event up to the n-th in time order has then been generated.
  let lastDay = Number.POSITIVE_INFINITY;
  for (let day = -90; day <= lastDay; day++) {
    for (const route of routes) {
      const bookings = 4 + Math.floor(random() * 9); // 4–12, 8 on average
      const departure = START + day * DAY + route.departureMinute * MINUTE;
      const flight = `${route.carrier.code}${route.number}@${iso(departure).slice(0, 10)}`;
      const carrier = { code: route.carrier.code, euLicensed: route.carrier.euLicensed };
      for (let b = 0; b < bookings; b++) {
        // Lead time: most book within a fortnight, some months ahead.
        const lead =
          Math.min(90 * DAY, Math.floor(-Math.log(1 - random()) * 12 * 86_400) * 1000) +
          30 * MINUTE;
        const pax = random() < 0.55 ? 1 : random() < 0.55 ? 2 : random() < 0.6 ? 3 : 4;
        let fareCents = 0;
        const passengers = [];
        const row = 5 + Math.floor(random() * 30);
        for (let p = 0; p < pax; p++) {
          fareCents +=
            (route.low + Math.floor(random() * (route.high - route.low))) * 100 +
            (random() < 0.5 ? 0 : 99);
          const child = p > 0 && random() < 0.15;
          passengers.push({
            id: `p${p + 1}`,
            seat: `${row}${"ABCDEF"[p]}`,
            ...(child && { age: 2 + Math.floor(random() * 10), guardian: "p1" }),
          });
        }
        const payments = paymentsFor(random, fareCents);
        const booking = `BK${(bookingNo++).toString(36).toUpperCase().padStart(6, "0")}`;
        const customer = `c-${Math.floor(random() * 400_000)}`;
        push(departure - lead, {
          id: `pss-${booking}`,
          type: "booking.created",
          time: iso(departure - lead),
          customer,
          data: {
            booking,
            flight,
            carrier,
            origin: route.origin,
            destination: route.destination,
            passengers,
            fare: euros(fareCents),
            currency: "EUR",
            payments,
          },
        });
      }
      const delay = arrivalDelay(random);
      const controllable = random() >= 0.3;
      const scheduledArrival = departure + route.blockMinutes * MINUTE;
      const actualArrival = scheduledArrival + delay * MINUTE;
      const actualDeparture =
        departure + Math.max(0, delay + Math.floor(random() * 21) - 10) * MINUTE;
      const causes = controllable ? CONTROLLABLE_CAUSES : EXTRAORDINARY_CAUSES;
      const cause = causes[Math.floor(random() * causes.length)];
      push(actualArrival, {
        id: `ops-${flight}`,
        type: "flight.arrived",
        time: iso(actualArrival),
        data: {
          flight,
          carrier,
          origin: route.origin,
          destination: route.destination,
          scheduledDeparture: iso(departure),
          actualDeparture: iso(Math.min(actualDeparture, actualArrival - 20 * MINUTE)),
          scheduledArrival: iso(scheduledArrival),
          actualArrival: iso(actualArrival),
          ...(delay >= 15 && { cause }),
          controllable,
        },
      });
    }
    if (lastDay === Number.POSITIVE_INFINITY && all.length >= n) lastDay = day + 91;
  }
  // Sort by (time, generation order) as one float key: a native typed-array sort is many times
  // faster than a comparator over a million objects.
  const width = 2 ** Math.ceil(Math.log2(all.length + 1));
  const keys = new Float64Array(all.length);
  for (let i = 0; i < all.length; i++) keys[i] = (seconds[i] ?? 0) * width + i;
  keys.sort();
  // Each event goes through JSON, as a consumer receives it from a queue or a log: flat strings
  // and objects of their own, not the generator's concatenated strings and shared objects.
  /** @type {EngineEvent[]} */
  const events = new Array(n);
  for (let i = 0; i < n; i++) events[i] = JSON.parse(JSON.stringify(all[(keys[i] ?? 0) % width]));
  return { events, mix: describe(events, routes.length) };
}

/** What a stream holds: event types, passengers, payment mixes, and how the flights went. */
export function describe(events, routes = 0) {
  const mix = {
    events: events.length,
    routes,
    bookings: 0,
    flights: 0,
    passengers: 0,
    pointsBookings: 0,
    controllable: 0,
    delayed60: 0,
    delayed180: 0,
    delayed240: 0,
  };
  for (const e of events) {
    const d = /** @type {any} */ (e.data);
    if (e.type === "booking.created") {
      mix.bookings++;
      mix.passengers += d.passengers.length;
      if (d.payments.some((p) => p.method === "points")) mix.pointsBookings++;
    } else if (e.type === "flight.arrived") {
      mix.flights++;
      if (d.controllable) mix.controllable++;
      const delay = (Date.parse(d.actualArrival) - Date.parse(d.scheduledArrival)) / MINUTE;
      if (delay >= 60) mix.delayed60++;
      if (delay >= 180) mix.delayed180++;
      if (delay >= 240) mix.delayed240++;
    }
  }
  return mix;
}
