// The worked example of docs/scorecard.md: every number there is asserted here, computed by hand.
import { validateEvent } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import type { ScorecardFact } from "./facts.js";
import { Scorecard } from "./scorecard.js";

const t = (iso: string) => Date.parse(iso);

function event(id: string, type: string, time: string, customer: string | undefined, data: object) {
  const result = validateEvent({ id, type, time, ...(customer && { customer }), data });
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.issues)}`);
  return { type: "event", event: result.value } as const satisfies ScorecardFact;
}

const order = (id: string, time: string, customer: string, o: string, sku: string, extra: object) =>
  event(id, "order.placed", time, customer, {
    order: o,
    currency: "EUR",
    items: [{ sku, kind: "physical", price: "20.00" }],
    payments: [{ method: "card", amount: "20.00" }],
    ...extra,
  });

const flight = "LH1234@2026-11-05";

// The facts of the example, in the order they happened.
const FACTS: readonly ScorecardFact[] = [
  event("e0a", "customer.updated", "2026-11-01T00:00:00Z", "c1", { segment: "gold" }),
  event("e0b", "customer.updated", "2026-11-01T00:00:00Z", "c2", { segment: "new" }),
  order("e1", "2026-11-02T10:00:00Z", "c1", "o1", "mug", {
    channel: "web",
    promisedDeliveryBy: "2026-11-05T18:00:00Z",
  }),
  event("e11", "payment.charged", "2026-11-02T10:01:00Z", "c1", {
    order: "o1",
    payment: "p1",
    amount: "20.00",
    currency: "EUR",
    method: "card",
  }),
  event("e12", "payment.charged", "2026-11-02T10:02:00Z", "c1", {
    order: "o1",
    payment: "p1",
    amount: "20.00",
    currency: "EUR",
    method: "card",
  }),
  {
    type: "remedy.planned",
    key: "r3",
    promise: "charged-twice",
    customer: "c1",
    subject: { type: "order", id: "o1" },
    kind: "refund",
    amount: { amount: "20.00", currency: "EUR" },
    at: t("2026-11-02T10:02:00Z"),
    dueBy: t("2026-11-02T11:02:00Z"),
    proactive: true,
  },
  { type: "remedy.executed", key: "r3", at: t("2026-11-02T10:30:00Z") },
  {
    type: "notice",
    id: "n3",
    customer: "c1",
    subject: { type: "order", id: "o1" },
    at: t("2026-11-02T10:31:00Z"),
    sent: true,
    cause: "a payment retry",
    promise: "charged-twice",
  },
  order("e3", "2026-11-02T11:00:00Z", "c2", "o2", "lamp", {
    channel: "app",
    promisedDeliveryBy: "2026-11-04T18:00:00Z",
  }),
  event("e8", "booking.created", "2026-11-02T12:00:00Z", "c1", {
    booking: "b1",
    flight,
    carrier: { code: "LH" },
    origin: "FRA",
    destination: "ARN",
    passengers: [{ id: "p1" }],
    fare: "300.00",
    currency: "EUR",
    payments: [{ method: "card", amount: "300.00" }],
  }),
  order("e6", "2026-11-03T09:00:00Z", "c3", "o3", "kettle", {
    channel: "web",
    promisedDeliveryBy: "2026-11-06T18:00:00Z",
  }),
  {
    type: "warning",
    id: "w1",
    customer: "c1",
    sku: "book-1",
    at: t("2026-11-03T09:00:00Z"),
    price: { amount: "12.50", currency: "EUR" },
  },
  event("e2", "order.delivered", "2026-11-04T12:00:00Z", "c1", { order: "o1" }),
  {
    type: "warning",
    id: "w2",
    customer: "c2",
    sku: "lamp-2",
    at: t("2026-11-04T09:00:00Z"),
    price: { amount: "30.00", currency: "EUR" },
  },
  order("e14", "2026-11-04T09:05:00Z", "c2", "o4", "lamp-2", { channel: "app" }),
  {
    type: "remedy.planned",
    key: "r1",
    promise: "late-delivery",
    customer: "c2",
    subject: { type: "order", id: "o2" },
    kind: "refund",
    amount: { amount: "4.99", currency: "EUR" },
    at: t("2026-11-04T18:00:00Z"),
    dueBy: t("2026-11-05T18:00:00Z"),
    proactive: true,
  },
  {
    type: "notice",
    id: "n1",
    customer: "c2",
    subject: { type: "order", id: "o2" },
    at: t("2026-11-04T18:05:00Z"),
    sent: true,
    cause: "the carrier's delay",
    promise: "late-delivery",
  },
  event("e5", "support.contact", "2026-11-05T08:00:00Z", "c2", {
    contact: "k1",
    channel: "phone",
    waitedSeconds: 30,
    topic: "delivery",
    resolved: true,
    order: "o2",
  }),
  { type: "remedy.executed", key: "r1", at: t("2026-11-05T10:00:00Z") },
  event("e9", "flight.arrived", "2026-11-05T10:10:00Z", undefined, {
    flight,
    carrier: { code: "LH" },
    origin: "FRA",
    destination: "ARN",
    scheduledArrival: "2026-11-05T10:00:00Z",
    actualArrival: "2026-11-05T10:10:00Z",
    controllable: true,
  }),
  {
    type: "warning",
    id: "w3",
    customer: "c3",
    sku: "plan-premium",
    at: t("2026-11-05T12:00:00Z"),
    price: { amount: "20.00", currency: "EUR" },
    kept: { amount: "8.00", currency: "EUR" },
  },
  event("e4", "order.delivered", "2026-11-06T09:00:00Z", "c2", { order: "o2" }),
  event("e10", "stream.session", "2026-11-06T20:00:00Z", "c2", {
    session: "s1",
    title: "t-1",
    rental: true,
    rebufferRatio: 0.05,
    bitrateKbps: 6000,
    promisedQuality: "HD",
  }),
  {
    type: "remedy.planned",
    key: "r4",
    promise: "outage-credit",
    customer: "c3",
    subject: { type: "event", id: "out-1" },
    kind: "credit",
    amount: { amount: "2.00", currency: "EUR" },
    at: t("2026-11-07T00:00:00Z"),
    proactive: true,
  },
  { type: "remedy.executed", key: "r4", at: t("2026-11-07T01:00:00Z") },
  event("e7", "support.contact", "2026-11-07T09:00:00Z", "c3", {
    contact: "k2",
    channel: "chat",
    waitedSeconds: 240,
    topic: "delivery",
    resolved: false,
    order: "o3",
  }),
  {
    type: "remedy.planned",
    key: "r2",
    promise: "late-delivery",
    customer: "c3",
    subject: { type: "order", id: "o3" },
    kind: "refund",
    amount: { amount: "20.00", currency: "EUR" },
    at: t("2026-11-07T09:30:00Z"),
    dueBy: t("2026-11-08T09:30:00Z"),
    proactive: false,
  },
  {
    type: "notice",
    id: "n2",
    customer: "c3",
    subject: { type: "order", id: "o3" },
    at: t("2026-11-07T10:00:00Z"),
    sent: true,
    promise: "late-delivery",
  },
  { type: "remedy.executed", key: "r2", at: t("2026-11-08T12:00:00Z") },
  event("e13", "clock", "2026-11-11T00:00:00Z", undefined, {}),
];

const HOUR = 3_600_000;

function scorecard(): Scorecard {
  const s = new Scorecard();
  s.addAll(FACTS);
  return s;
}

describe("the worked example of docs/scorecard.md", () => {
  const all = scorecard().report()[0];

  it("counts what happened", () => {
    expect(all?.counts).toEqual({
      transactions: 6,
      transactionsFailed: 4,
      businessPromisesMade: 5,
      businessPromisesKept: 2,
      remedyPromisesDue: 3,
      remedyPromisesKept: 2,
      incidents: 5,
      incidentsToldFirst: 2,
      incidentsRemediedProactively: 3,
      incidentsRemedied: 4,
      noticesSent: 3,
      noticesWithCause: 2,
      noticesSuppressed: 0,
      warningsIssued: 3,
      warningsSettled: 2,
      warningsHeeded: 1,
    });
    expect(all?.money).toEqual({ moneyKept: { EUR: "12.5" }, revenueForgone: { EUR: "12.5" } });
  });

  it("computes every figure by its formula", () => {
    const f = all?.figures;
    expect(f?.shares.transactionSuccess).toBeCloseTo(2 / 6, 12);
    expect(f?.shares.businessPromisesKept).toBeCloseTo(2 / 5, 12);
    expect(f?.shares.remedyPromisesKept).toBeCloseTo(2 / 3, 12);
    expect(f?.shares.toldFirst).toBeCloseTo(2 / 5, 12);
    expect(f?.shares.noticesWithCause).toBeCloseTo(2 / 3, 12);
    expect(f?.shares.warningsHeeded).toBeCloseTo(1 / 2, 12);
    expect(f?.shares.competence).toBeCloseTo(1 - 5 / 6, 12);
    expect(f?.shares.remediedProactively).toBeCloseTo(3 / 5, 12);
    // Times to remedy: 28 min, 1 h, 16 h, 42 h; nearest rank ⌈0.5·4⌉ = 2nd, ⌈0.9·4⌉ = 4th.
    expect(f?.timeToRemedyP50Ms).toBe(1 * HOUR);
    expect(f?.timeToRemedyP90Ms).toBe(42 * HOUR);
    // 100 × (0.2/3 + 0.2·0.4 + 0.1·2/3 + 0.15·0.4 + 0.05·2/3 + 0.05·0.5 + 0.15/6 + 0.1·0.6) = 250/6
    expect(f?.trustIndex).toBeCloseTo(250 / 6, 10);
  });

  it("puts everything of that week in one week, and splits days by transaction time", () => {
    const s = scorecard();
    const weeks = s.report({ by: "week" });
    expect(weeks.map((r) => r.start)).toEqual(["2026-11-02"]);
    expect(weeks[0]?.counts).toEqual(all?.counts);
    const monday = s.report({ by: "day" }).find((r) => r.start === "2026-11-02");
    expect(monday?.counts.transactions).toBe(3); // o1, o2, b1
    expect(monday?.counts.transactionsFailed).toBe(2); // o1 charged twice, o2 late
  });

  it("breaks down by segment, channel and promise", () => {
    const s = scorecard();
    const segments = s.report({ dimension: "segment" });
    expect(
      segments.map((r) => [r.value, r.counts.transactions, r.counts.transactionsFailed]),
    ).toEqual([
      ["gold", 2, 1],
      ["new", 3, 2],
      ["unknown", 1, 1],
    ]);
    const channels = s.report({ dimension: "channel" });
    expect(channels.map((r) => [r.value, r.counts.incidents])).toEqual([
      ["app", 1],
      ["unknown", 2],
      ["web", 2],
    ]);
    const late = s.report({ dimension: "promise" }).find((r) => r.value === "late-delivery");
    expect(late?.counts).toMatchObject({
      incidents: 2,
      remedyPromisesDue: 2,
      remedyPromisesKept: 1,
    });
    expect(late?.figures.shares.remedyPromisesKept).toBe(0.5);
  });

  it("explains a figure with the facts behind it", () => {
    const [failed, transactions] = scorecard().explain({
      figure: "transactionSuccess",
      period: "week",
      at: t("2026-11-04T00:00:00Z"),
      dimension: "all",
      value: "",
    });
    expect(failed?.total).toBe(4);
    expect(failed?.events).toEqual(
      expect.arrayContaining(["e1", "e11", "e12", "e3", "e4", "e5", "e10"]),
    );
    expect(failed?.remedies.sort()).toEqual(["r1", "r2", "r3"]);
    expect(transactions?.total).toBe(6);
    expect(transactions?.events).toEqual(expect.arrayContaining(["e8", "e9", "e14"]));
  });

  it("bounds an explanation by its limit", () => {
    const [warnings] = scorecard().explain({
      figure: "warningsIssued",
      period: "all",
      at: 0,
      dimension: "all",
      value: "",
      limit: 2,
    });
    expect(warnings?.total).toBe(3);
    expect(warnings?.warnings).toEqual(["w1", "w2"]);
  });

  it("waits for the heed window before calling a warning heeded", () => {
    const s = new Scorecard();
    s.addAll(FACTS.slice(0, -1)); // without the clock: event time stops on 8 November
    expect(s.report()[0]?.counts).toMatchObject({
      warningsIssued: 3,
      warningsSettled: 1,
      warningsHeeded: 0,
    });
  });
});

// Where the rules of docs/scorecard.md §2 draw their lines, one case each.
describe("the scorecard's rules at their edges", () => {
  const countsOf = (facts: readonly ScorecardFact[]) => {
    const s = new Scorecard();
    s.addAll([...facts, event("end", "clock", "2026-12-31T00:00:00Z", undefined, {})]);
    return s.report()[0]?.counts;
  };
  const due = { promisedDeliveryBy: "2026-11-05T18:00:00Z" };
  const placed = order("p", "2026-11-02T10:00:00Z", "c", "o", "k", due);
  const cancelled = (time: string) => event("x", "order.cancelled", time, "c", { order: "o" });

  it("owes nothing for an order cancelled by its date, and counts one cancelled later as late", () => {
    expect(countsOf([placed, cancelled("2026-11-05T18:00:00Z")])).toMatchObject({
      businessPromisesMade: 0,
    });
    expect(countsOf([placed, cancelled("2026-11-05T18:00:01Z")])).toMatchObject({
      businessPromisesMade: 1,
      businessPromisesKept: 0,
      incidents: 1,
    });
  });

  it("holds a flight on time up to 15 minutes late, and a cancelled one broken", () => {
    const booking = event("b", "booking.created", "2026-11-01T00:00:00Z", "c", {
      booking: "b",
      flight,
      carrier: { code: "LH" },
      origin: "FRA",
      destination: "ARN",
      passengers: [{ id: "p" }],
      fare: "9.00",
      currency: "EUR",
      payments: [{ method: "card", amount: "9.00" }],
    });
    const route = {
      flight,
      carrier: { code: "LH" },
      origin: "FRA",
      destination: "ARN",
      controllable: true,
    };
    const landed = (actual: string) =>
      event("a", "flight.arrived", actual, undefined, {
        ...route,
        scheduledArrival: "2026-11-05T10:00:00Z",
        actualArrival: actual,
      });
    expect(countsOf([booking, landed("2026-11-05T10:15:00Z")])?.businessPromisesKept).toBe(1);
    expect(countsOf([booking, landed("2026-11-05T10:15:01Z")])?.businessPromisesKept).toBe(0);
    const cancelledFlight = event("f", "flight.cancelled", "2026-11-04T00:00:00Z", undefined, {
      ...route,
      scheduledDeparture: "2026-11-05T08:00:00Z",
      scheduledArrival: "2026-11-05T10:00:00Z",
      noticeGivenAt: "2026-11-04T00:00:00Z",
    });
    expect(countsOf([booking, cancelledFlight])).toMatchObject({
      businessPromisesMade: 1,
      businessPromisesKept: 0,
    });
  });

  it("needs the promised bitrate and at most 2% rebuffering", () => {
    const session = (bitrateKbps: number, rebufferRatio: number) =>
      event("s", "stream.session", "2026-11-02T20:00:00Z", "c", {
        session: "s",
        title: "t",
        rental: true,
        rebufferRatio,
        bitrateKbps,
        promisedQuality: "UHD",
      });
    expect(countsOf([session(15000, 0.02)])?.businessPromisesKept).toBe(1);
    expect(countsOf([session(14999, 0)])?.businessPromisesKept).toBe(0);
    expect(countsOf([session(15000, 0.021)])?.businessPromisesKept).toBe(0);
  });

  it("never counts a long support wait as told first, nor a suppressed notice as telling", () => {
    const subject = { type: "contact", id: "k1" };
    const remedy = {
      type: "remedy.planned",
      key: "r",
      promise: "wait",
      customer: "c",
      subject,
      kind: "credit",
      at: t("2026-11-02T10:00:00Z"),
      proactive: true,
    } as const satisfies ScorecardFact;
    const notice = (sent: boolean) =>
      ({
        type: "notice",
        id: "n",
        customer: "c",
        subject,
        at: t("2026-11-02T09:00:00Z"),
        sent,
      }) as const;
    expect(countsOf([remedy, notice(true)])).toMatchObject({ incidents: 1, incidentsToldFirst: 0 });
    const order2 = { ...remedy, subject: { type: "order", id: "o" } };
    const suppressed = { ...notice(false), subject: order2.subject };
    expect(countsOf([order2, suppressed])).toMatchObject({
      incidentsToldFirst: 0,
      noticesSent: 0,
      noticesSuppressed: 1,
    });
  });

  it("stops owing a withdrawn remedy, but still counts the incident", () => {
    const remedy = {
      type: "remedy.planned",
      key: "r",
      promise: "late",
      customer: "c",
      subject: { type: "order", id: "o" },
      kind: "refund",
      at: t("2026-11-02T10:00:00Z"),
      dueBy: t("2026-11-03T10:00:00Z"),
      proactive: true,
    } as const satisfies ScorecardFact;
    const withdrawn = {
      type: "remedy.withdrawn",
      key: "r",
      at: t("2026-11-02T11:00:00Z"),
    } as const;
    expect(countsOf([remedy])).toMatchObject({ remedyPromisesDue: 1, remedyPromisesKept: 0 });
    expect(countsOf([remedy, withdrawn])).toMatchObject({
      remedyPromisesDue: 0,
      incidents: 1,
      incidentsRemedied: 0,
    });
  });
});
