/**
 * "Customers told before they contacted us": the share of problems the customer heard about
 * from us first, the trust scorecard's measure of telling first, worked out from what the
 * store holds.
 *
 * Defined precisely:
 * - A *problem* is a booking or an order of one customer with at least one remedy (remedies
 *   whose subject is that booking or order: a late flight's refund, a late parcel's shipping
 *   back, a rental that played badly). Its *remedy time* is the earliest such remedy's
 *   incident time — when the engine decided to put it right, in event time.
 * - Its *first contact* is the earliest `support.contact` by that customer naming that
 *   booking (`data.booking`) or order (`data.order`).
 * - A problem is *told first* when its remedy time is strictly before its first contact: the
 *   customer came to us after we had acted. A contact at or before the remedy means they
 *   had to ask.
 * - The share counts only problems the customer contacted us about; problems they never
 *   contacted us about are reported apart (`uncontacted`), since silence says nothing about
 *   who spoke first.
 *
 * The trust scorecard's `incidentsToldFirst` is `toldFirst + uncontacted` plus nothing else
 * here (every demo remedy is announced by a notice dated at its decision), out of every
 * incident, remedied or not; its `incidentsRemediedProactively` is the same count once the
 * outbox has executed them, whenever it does (docs/scorecard.md, section 2;
 * `told-first-scorecard.test.ts` holds the two together).
 */

/** A remedy, as far as telling first is concerned. */
export interface RemedyFact {
  readonly customer: string;
  /** What it was about; only bookings and orders are problems a customer can ask about. */
  readonly subject?: { readonly type: string; readonly id: string };
  /** Incident time, epoch ms. */
  readonly at: number;
}

/** A support contact naming a booking or an order. */
export interface ContactFact {
  readonly customer: string;
  readonly booking?: string;
  readonly order?: string;
  /** Event time, epoch ms. */
  readonly at: number;
}

/** How often we spoke first. */
export interface ToldFirst {
  /** Bookings and orders with at least one remedy. */
  readonly problems: number;
  /** Of those, the ones the customer contacted us about. */
  readonly contacted: number;
  /** Of those, the ones we had already put right before the first contact. */
  readonly toldFirst: number;
  /** Problems the customer never contacted us about. */
  readonly uncontacted: number;
}

const problemKey = (customer: string, type: string, id: string) => `${customer}\u0000${type}:${id}`;

/** Counts the problems we told the customer about before they contacted us. */
export function toldFirst(
  remedies: Iterable<RemedyFact>,
  contacts: Iterable<ContactFact>,
): ToldFirst {
  const remedied = new Map<string, number>();
  for (const r of remedies) {
    if (r.subject?.type !== "booking" && r.subject?.type !== "order") continue;
    const key = problemKey(r.customer, r.subject.type, r.subject.id);
    remedied.set(key, Math.min(remedied.get(key) ?? r.at, r.at));
  }
  const firstContact = new Map<string, number>();
  const note = (key: string, at: number) => {
    if (remedied.has(key)) firstContact.set(key, Math.min(firstContact.get(key) ?? at, at));
  };
  for (const c of contacts) {
    if (c.booking !== undefined) note(problemKey(c.customer, "booking", c.booking), c.at);
    if (c.order !== undefined) note(problemKey(c.customer, "order", c.order), c.at);
  }
  let told = 0;
  for (const [key, contactAt] of firstContact)
    if ((remedied.get(key) ?? contactAt) < contactAt) told++;
  return {
    problems: remedied.size,
    contacted: firstContact.size,
    toldFirst: told,
    uncontacted: remedied.size - firstContact.size,
  };
}
