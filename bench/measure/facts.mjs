// @ts-check
/**
 * Scorecard facts over the engine benchmark's airline stream: every event, plus the remedies a
 * delay promise would produce and what became of them, in time order. For each booking on a
 * flight that arrived 3 h or more late for a controllable cause: a refund planned at arrival,
 * due in 7 days; 90 % are executed 1–72 h later, 4 % withdrawn by a person, the rest never paid
 * (broken once their due date passes). Deterministic for a seed.
 */
import { mulberry32 } from "../engine/generate.mjs";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * @param {readonly any[]} events validated events in time order
 * @param {number} seed
 * @returns {any[]} facts in time order
 */
export function scorecardFacts(events, seed) {
  const random = mulberry32(seed ^ 0x5c0e);
  /** @type {Map<string, { booking: string, customer: string, fare: string }[]>} */
  const bookings = new Map();
  /** @type {any[]} */
  const later = []; // executions and withdrawals, released once event time passes them
  /** @type {any[]} */
  const facts = [];
  let next = 0;
  const release = (until) => {
    while (next < later.length && later[next].at <= until) facts.push(later[next++]);
  };
  for (const event of events) {
    const at = Date.parse(event.time);
    release(at);
    facts.push({ type: "event", event });
    const d = event.data;
    if (event.type === "booking.created") {
      const list = bookings.get(d.flight) ?? [];
      bookings.set(d.flight, list);
      list.push({ booking: d.booking, customer: event.customer, fare: d.fare });
      continue;
    }
    if (event.type !== "flight.arrived") continue;
    const on = bookings.get(d.flight) ?? [];
    bookings.delete(d.flight);
    const delay = Date.parse(d.actualArrival) - Date.parse(d.scheduledArrival);
    if (delay < 3 * HOUR || !d.controllable) continue;
    const pending = [];
    for (const b of on) {
      const key = `delay-refund:${d.flight}:${b.booking}`;
      facts.push({
        type: "remedy.planned",
        key,
        promise: "delay-refund",
        customer: b.customer,
        subject: { type: "booking", id: b.booking },
        kind: "refund",
        amount: { amount: b.fare, currency: "EUR" },
        at,
        dueBy: at + 7 * DAY,
        proactive: true,
      });
      const u = random();
      const when = at + Math.floor(HOUR + random() * 71 * HOUR);
      if (u < 0.9) pending.push({ type: "remedy.executed", key, at: when });
      else if (u < 0.94) pending.push({ type: "remedy.withdrawn", key, at: when });
    }
    // Keep `later` sorted from `next` on: insert this flight's outcomes in time order.
    if (pending.length > 0) {
      const rest = later
        .splice(next)
        .concat(pending)
        .sort((a, b) => a.at - b.at);
      later.length = 0;
      next = 0;
      later.push(...rest);
    }
  }
  release(Number.POSITIVE_INFINITY);
  return facts;
}

const shiftTime = (iso, ms) => new Date(Date.parse(iso) + ms).toISOString();
const FLIGHT_TIMES = ["scheduledDeparture", "actualDeparture", "scheduledArrival", "actualArrival"];

/**
 * Copy `k` of a fact: ids, bookings and flights suffixed `~k` and every time moved `k × spanMs`
 * later, so copies follow one another as new business (the customers return). Lets a long
 * stream be fed without holding it: the state stays bounded by the scorecard's retention.
 * @param {any} fact @param {number} k @param {number} spanMs
 */
export function shiftFact(fact, k, spanMs) {
  if (k === 0) return fact;
  const ms = k * spanMs;
  const tag = (/** @type {string} */ id) => `${id}~${k}`;
  if (fact.type === "event") {
    const e = fact.event;
    const data = { ...e.data, flight: tag(e.data.flight) };
    if (e.type === "booking.created") data.booking = tag(e.data.booking);
    else for (const field of FLIGHT_TIMES) data[field] = shiftTime(e.data[field], ms);
    return { type: "event", event: { ...e, id: tag(e.id), time: shiftTime(e.time, ms), data } };
  }
  if (fact.type === "remedy.planned") {
    const subject = { type: fact.subject.type, id: tag(fact.subject.id) };
    return { ...fact, key: tag(fact.key), subject, at: fact.at + ms, dueBy: fact.dueBy + ms };
  }
  return { ...fact, key: tag(fact.key), at: fact.at + ms };
}
