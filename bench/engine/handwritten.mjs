// @ts-check
/**
 * The baseline: the two promises written by hand as one plain function over Maps, the way a
 * team would code them without Goodfaith. It uses the same money and geography library as the
 * engine (parseMoney, splitTender, eu261Band, eu261Scope), so the comparison measures the
 * engine, not arithmetic. It builds only the remedy fields the tally compares, no explanations.
 */
import {
  eu261Band,
  eu261Scope,
  money,
  parseMoney,
  splitTender,
} from "../../packages/core/dist/index.js";

/** @typedef {import("../../packages/core/dist/index.js").EngineEvent} EngineEvent */
/** @typedef {import("./tally.mjs").Tally} Tally */

// The business rules, as a hand-written version would hard-code them.
const DELAY_REFUND = "delay-refund"; // packs/airline: controllable, ≥ 180 min, whole fare back
const EU261 = "eu261-delay-compensation"; // packs/eu261: per passenger, by band, halved on long < 4 h
const THRESHOLD_MINUTES = 180;
const LONG_HAUL_FULL_MINUTES = 240;
/** delay-refund pays without approval up to these amounts, per fare currency (minor units). */
const AUTO_APPROVE_UP_TO = new Map([
  ["EUR", 200_000n],
  ["USD", 220_000n],
  ["SEK", 2_200_000n],
]);
const PAY_WITHIN_MS = 7 * 86_400_000;

/**
 * @typedef {{
 *   id: string, customer: string, fare: bigint, currency: string, refunded: bigint,
 *   passengers: readonly { id: string }[],
 *   payments: { method: string, minor: bigint, currency: string }[],
 * }} Booking
 */

/** @param {string} amount @param {string} currency */
function minor(amount, currency) {
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) throw new Error(`bad amount ${amount} ${currency}`);
  return parsed.value.minor;
}

/** State and decisions by hand: bookings per flight, and the two promises on arrival. */
export class HandWritten {
  /** @type {Map<string, Booking>} */
  bookings = new Map();
  /** @type {Map<string, Booking[]>} */
  flights = new Map();

  /** @param {Tally} tally @param {{ eu261: boolean }} options */
  constructor(tally, options) {
    this.tally = tally;
    this.eu261 = options.eu261;
  }

  /** Records a booking on its flight. @param {EngineEvent} e */
  book(e) {
    const d = /** @type {any} */ (e.data);
    if (this.bookings.has(d.booking)) return;
    /** @type {Booking} */
    const booking = {
      id: d.booking,
      customer: e.customer ?? "",
      fare: minor(d.fare, d.currency),
      currency: d.currency,
      refunded: 0n,
      passengers: d.passengers,
      payments: d.payments.map((p) => {
        const currency = p.currency ?? (p.method === "points" ? "PTS" : d.currency);
        return { method: p.method, minor: minor(p.amount, currency), currency };
      }),
    };
    this.bookings.set(booking.id, booking);
    const list = this.flights.get(d.flight);
    if (list) list.push(booking);
    else this.flights.set(d.flight, [booking]);
  }

  /** Decides both promises for every booking on an arrived flight. @param {EngineEvent} e */
  arrive(e) {
    const d = /** @type {any} */ (e.data);
    const list = this.flights.get(d.flight);
    if (!list) return;
    const delay = Math.round(
      (Date.parse(d.actualArrival) - Date.parse(d.scheduledArrival)) / 60_000,
    );
    if (!d.controllable || delay < THRESHOLD_MINUTES) return; // both promises need both
    const at = Date.parse(e.time);
    const atText = new Date(at).toISOString();
    const dueBy = new Date(at + PAY_WITHIN_MS).toISOString();
    let compensation = 0n;
    if (this.eu261) {
      const band = eu261Band(d.origin, d.destination);
      if (band && eu261Scope(d.origin, d.destination, d.carrier.euLicensed ?? false).covered) {
        const full = BigInt(band.amountEur) * 100n;
        compensation = band.band === "long" && delay < LONG_HAUL_FULL_MINUTES ? full / 2n : full;
      }
    }
    for (const booking of list) {
      this.refund(booking, d, atText, dueBy);
      if (compensation !== 0n) this.compensate(booking, d, compensation, atText, dueBy);
    }
  }

  /** delay-refund: the whole fare back (capped at what is left), split over the tenders paid. */
  refund(booking, d, atText, dueBy) {
    const left = booking.fare - booking.refunded;
    if (booking.fare <= 0n || left <= 0n) return;
    const amount = money(booking.fare < left ? booking.fare : left, booking.currency);
    booking.refunded += amount.minor;
    const limit = AUTO_APPROVE_UP_TO.get(amount.currency);
    const incident = `flight:${d.flight}:booking:${booking.id}`;
    const remedy = {
      type: "remedy",
      key: `${DELAY_REFUND}:${incident}`,
      promise: DELAY_REFUND,
      customer: booking.customer,
      kind: "refund",
      amount,
      tender: "original",
      split: splitTender(amount, "original", booking.payments, booking.fare, booking.currency),
      subject: { type: "booking", id: booking.id },
      incident,
      at: atText,
      dueBy,
      approval: { required: limit === undefined || amount.minor > limit },
      ...(d.cause !== undefined && { cause: d.cause }),
    };
    this.tally.remedy(remedy);
  }

  /** EU 261 compensation: `minorEur` in cash to each passenger on the booking. */
  compensate(booking, d, minorEur, atText, dueBy) {
    const amount = money(minorEur, "EUR");
    for (const p of booking.passengers) {
      const incident = `flight:${d.flight}:booking:${booking.id}:pax:${p.id}`;
      const remedy = {
        type: "remedy",
        key: `${EU261}:${incident}`,
        promise: EU261,
        customer: booking.customer,
        kind: "refund",
        amount,
        tender: "cash",
        split: [{ method: "cash", amount }],
        subject: { type: "booking", id: booking.id },
        incident,
        at: atText,
        dueBy,
        approval: { required: false },
        ...(d.cause !== undefined && { cause: d.cause }),
      };
      this.tally.remedy(remedy);
    }
  }

  /** @param {EngineEvent} e */
  process(e) {
    if (e.type === "booking.created") this.book(e);
    else if (e.type === "flight.arrived") this.arrive(e);
  }
}
