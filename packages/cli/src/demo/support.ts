/**
 * The contact centre stream (Northwind Market's support, waits measured by the phone and
 * chat systems): everyday contacts, some kept waiting too long, some coming back about a
 * problem left unsolved — and contacts about the flights that landed hours late and the
 * orders that came late or never shipped. A few of those come in before we acted (the
 * customer was still waiting at the airport, or asked where a parcel was); most come after,
 * when the refund was already on its way.
 */
import type { DelayedBooking } from "./airline.js";
import type { DemoCustomer } from "./customers.js";
import { DAY, type DemoEvent, HOUR, iso, MINUTE } from "./event.js";
import type { Random } from "./random.js";
import type { LateOrder } from "./retail.js";

type Channel = "phone" | "chat" | "email" | "social";

const TOPICS = ["account-login", "invoice-copy", "refund-status", "change-address", "app-playback"];

/** What the support stream builds on. */
export interface SupportInput {
  readonly pool: readonly DemoCustomer[];
  readonly delayed: readonly DelayedBooking[];
  readonly late: readonly LateOrder[];
  /** Everyday contacts. */
  readonly contacts: number;
  readonly start: number;
  readonly end: number;
}

/** The support stream. */
export function supportStream(input: SupportInput, rnd: Random): DemoEvent[] {
  const events: DemoEvent[] = [];
  let seq = 0;
  const contact = (
    customer: string,
    at: number,
    topic: string,
    about: { order?: string; booking?: string },
    how: { channel?: Channel; resolved?: boolean; slow?: boolean } = {},
  ) => {
    const channel = how.channel ?? rnd.weighted({ phone: 45, chat: 30, email: 20, social: 5 });
    const resolved = how.resolved ?? rnd.chance(0.7);
    const id = `ct-${100_001 + seq++}`;
    events.push({
      id: `cc-${id}`,
      type: "support.contact",
      time: iso(at),
      customer,
      data: {
        contact: id,
        channel,
        waitedSeconds: waited(channel, how.slow ?? rnd.chance(0.14), rnd),
        topic,
        resolved,
        ...about,
        agent: `ag-${String(rnd.int(1, 40)).padStart(2, "0")}`,
      },
    });
    return resolved;
  };
  const span = input.end - input.start;
  for (let n = 0; n < input.contacts; n++) {
    const customer = rnd.pick(input.pool).id;
    const at = input.start + rnd.int(0, Math.floor(span / MINUTE)) * MINUTE;
    const topic = rnd.pick(TOPICS);
    // An unsolved problem brings a third of those customers back within a week.
    if (!contact(customer, at, topic, {}) && rnd.chance(0.35)) {
      contact(customer, at + rnd.int(4, 150) * HOUR, topic, {}, { resolved: rnd.chance(0.4) });
    }
  }
  // A few customers are kept waiting again and again: beyond the credit cap, a person decides.
  for (let n = 0; n < 6; n++) {
    const customer = rnd.pick(input.pool).id;
    const first = input.start + rnd.int(1, Math.floor(span / DAY) - 30) * DAY;
    for (let k = 0; k < 4; k++) {
      const at = first + k * 5 * DAY + rnd.int(9, 17) * HOUR;
      contact(customer, at, rnd.pick(TOPICS), {}, { channel: "phone", resolved: true, slow: true });
    }
  }
  for (const b of input.delayed) {
    const when = rnd.weighted({ before: 20, after: 60, never: 20 });
    if (when === "never") continue;
    // Before: from the gate or the arrivals hall, while the flight is still late.
    const at =
      when === "before"
        ? b.scheduledArrival +
          rnd.int(
            10,
            Math.max(11, Math.floor((b.actualArrival - b.scheduledArrival) / MINUTE) - 10),
          ) *
            MINUTE
        : b.actualArrival + rnd.int(60, 72 * 60) * MINUTE;
    contact(b.customer, at, "flight-delay", { booking: b.booking });
  }
  for (const o of input.late) {
    const when = rnd.weighted({ before: 20, after: 55, never: 25 });
    if (when === "never") continue;
    // Before: "where is my parcel?" on the promised day; after: once the refund was sent.
    const at = when === "before" ? o.dueAt - rnd.int(1, 8) * HOUR : o.dueAt + rnd.int(2, 60) * HOUR;
    contact(o.customer, at, "delivery", { order: o.order });
  }
  return events;
}

// Seconds waited: within the promised time, or (slow) beyond it. About one contact in seven
// is slow.
function waited(channel: Channel, slow: boolean, rnd: Random): number {
  switch (channel) {
    case "phone":
    case "chat":
      return slow ? rnd.int(601, 2400) : rnd.int(15, 590);
    case "email":
      return slow ? rnd.int(86_401, 200_000) : rnd.int(1800, 80_000);
    case "social":
      return rnd.int(600, 20_000);
  }
}
