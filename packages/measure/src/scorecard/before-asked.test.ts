// "Fixed before the customer asked" and "told first" are decided in event time, however late the
// outbox executes: a replay, an import of history or a backlog executes remedies long after the
// events, on the outbox's clock.
import { validateEvent } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import type { RemedyPlanned, ScorecardFact } from "./facts.js";
import { Scorecard } from "./scorecard.js";

const t = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

function event(id: string, type: string, time: string, customer: string | undefined, data: object) {
  const result = validateEvent({ id, type, time, ...(customer && { customer }), data });
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.issues)}`);
  return { type: "event", event: result.value } as const satisfies ScorecardFact;
}

const order = (id: string, time: string, customer: string, o: string, promisedBy: string) =>
  event(id, "order.placed", time, customer, {
    order: o,
    currency: "EUR",
    channel: "web",
    items: [{ sku: "lamp", kind: "physical", price: "20.00" }],
    payments: [{ method: "card", amount: "20.00" }],
    promisedDeliveryBy: promisedBy,
  });

const contact = (id: string, time: string, customer: string, o: string) =>
  event(id, "support.contact", time, customer, {
    contact: `k-${id}`,
    channel: "phone",
    waitedSeconds: 30,
    topic: "delivery",
    resolved: true,
    order: o,
  });

const refund = (key: string, customer: string, o: string, at: string): RemedyPlanned => ({
  type: "remedy.planned",
  key,
  promise: "late-delivery",
  customer,
  subject: { type: "order", id: o },
  kind: "refund",
  amount: { amount: "5.00", currency: "EUR" },
  at: t(at),
  dueBy: t(at) + DAY,
  proactive: true,
});

const notice = (id: string, customer: string, o: string, at: string): ScorecardFact => ({
  type: "notice",
  id,
  customer,
  subject: { type: "order", id: o },
  at: t(at),
  sent: true,
  cause: "a late truck",
  promise: "late-delivery",
});

// Wall-clock time of the outbox, months after the events (as in the demo, run in November).
const LATER = t("2026-11-20T09:00:00Z");

// January 2026 in event time. o1 is late on the 5th; we refund and tell c1 at once, c1 phones the
// next morning. o2 is ordered on the 6th, promised for the 12th; the log ends on the 7th.
const EVENTS: readonly ScorecardFact[] = [
  order("e1", "2026-01-02T10:00:00Z", "c1", "o1", "2026-01-05T18:00:00Z"),
  event("e2", "order.delivered", "2026-01-07T09:00:00Z", "c1", { order: "o1" }),
  contact("e3", "2026-01-06T08:00:00Z", "c1", "o1"),
  order("e4", "2026-01-06T12:00:00Z", "c2", "o2", "2026-01-12T18:00:00Z"),
];
const PLANNED = refund("r1", "c1", "o1", "2026-01-05T18:00:00Z");
const TOLD = notice("n1", "c1", "o1", "2026-01-05T18:00:00Z");

function row(s: Scorecard) {
  const r = s.report()[0];
  if (!r) throw new Error("no row");
  return r;
}

describe("fixed and told before the customer asked, in event time", () => {
  it("counts a remedy decided before the contact even when the outbox executes it months later", () => {
    const s = new Scorecard();
    s.addAll([...EVENTS, PLANNED, TOLD]);
    const before = row(s);
    expect(before.counts.incidentsRemediedProactively).toBe(0); // not executed: nothing fixed yet

    s.addAll([{ type: "remedy.executed", key: "r1", at: LATER }]);
    const after = row(s);
    expect(after.counts.incidentsRemedied).toBe(1);
    expect(after.counts.incidentsRemediedProactively).toBe(1);
    expect(after.counts.incidentsToldFirst).toBe(1);
    // How fast it was executed is measured on the outbox's clock, honestly: late.
    expect(after.counts.remedyPromisesKept).toBe(0);
    expect(after.figures.timeToRemedyP50Ms).toBe(LATER - PLANNED.at);
    // The execution's wall-clock time is not event time: the log still ends on 7 January, so
    // o2, promised for the 12th, is still pending rather than broken.
    expect(s.watermark).toBe(t("2026-01-07T09:00:00Z"));
    expect(after.counts.transactionsFailed).toBe(before.counts.transactionsFailed);
    expect(after.counts.businessPromisesMade).toBe(before.counts.businessPromisesMade);
  });

  it("gives the same figures whether facts come before or after a late execution", () => {
    const executed: ScorecardFact = { type: "remedy.executed", key: "r1", at: LATER };
    const oneGo = new Scorecard();
    oneGo.addAll([...EVENTS, PLANNED, TOLD, executed]);
    // The live follower's order: events, then remedies, then notices, each in its own batch.
    const followed = new Scorecard();
    followed.addAll(EVENTS);
    followed.addAll([PLANNED, executed]);
    followed.addAll([TOLD]);
    expect(followed.report()).toEqual(oneGo.report());
    expect(row(followed).counts.incidents).toBe(1);
    expect(row(followed).counts.incidentsToldFirst).toBe(1);
  });

  it("keeps a case still owed a remedy until it is executed, however old", () => {
    const s = new Scorecard({ retainMs: 30 * DAY });
    s.addAll([...EVENTS, PLANNED, TOLD]);
    // Event time moves on past the retention; r1 is still owed, so its case stays held.
    s.addAll([event("e9", "clock", "2026-04-01T00:00:00Z", undefined, {})]);
    s.addAll([{ type: "remedy.executed", key: "r1", at: LATER }]);
    const r = row(s);
    expect(r.counts.incidents).toBe(2); // o1, and o2 never delivered by the 12th
    expect(r.counts.incidentsRemedied).toBe(1);
    expect(r.counts.incidentsRemediedProactively).toBe(1);
    expect(r.counts.incidentsToldFirst).toBe(1);
  });

  it("does not count a remedy the engine decided only after the customer had asked", () => {
    const s = new Scorecard();
    s.addAll([
      ...EVENTS,
      // Decided the day after c1 phoned (when the parcel finally arrived), executed at once.
      refund("r1", "c1", "o1", "2026-01-07T09:00:00Z"),
      notice("n1", "c1", "o1", "2026-01-07T09:00:00Z"),
      { type: "remedy.executed", key: "r1", at: t("2026-01-07T09:01:00Z") },
    ]);
    const r = row(s);
    expect(r.counts.incidentsRemedied).toBe(1);
    expect(r.counts.incidentsRemediedProactively).toBe(0);
    expect(r.counts.incidentsToldFirst).toBe(0);
  });

  it("does not count a credit for a support contact itself: the customer raised it", () => {
    const s = new Scorecard();
    s.addAll([
      contact("e1", "2026-01-06T08:00:00Z", "c1", "o1"),
      {
        ...refund("r1", "c1", "o1", "2026-01-06T08:00:00Z"),
        promise: "long-wait-credit",
        kind: "credit",
        subject: { type: "contact", id: "k-e1" },
      },
      { type: "remedy.executed", key: "r1", at: t("2026-01-06T08:01:00Z") },
    ]);
    const r = row(s);
    expect(r.counts.incidentsRemedied).toBe(1);
    expect(r.counts.incidentsRemediedProactively).toBe(0);
  });
});
