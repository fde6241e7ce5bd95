// Incremental maintenance equals a full recompute: the same facts, fed in any order, in any
// batches, some twice, give the same rows and the same explanations as one sorted batch.
import { validateEvent } from "@goodfaith/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTERS } from "./contribution.js";
import { factTime, type ScorecardFact } from "./facts.js";
import { RATIO_FIGURES } from "./figures.js";
import type { ScorecardOptions } from "./options.js";
import { PERIODS } from "./periods.js";
import { Scorecard } from "./scorecard.js";
import { DIMENSIONS } from "./tally.js";

const BASE = Date.parse("2026-11-28T00:00:00Z"); // near a month end, so months split too
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const customer = fc.constantFrom("c0", "c1", "c2");
const orderId = fc.constantFrom("o0", "o1", "o2", "o3");
const sku = fc.constantFrom("k0", "k1");
const flight = fc.constantFrom("LH1@2026-11-30", "LH2@2026-12-01");
const minutes = fc.integer({ min: 0, max: 8 * 24 * 60 });

type Draft = { type: string; customer?: string; data: object };

const eventDrafts: fc.Arbitrary<Draft>[] = [
  fc.record({ customer, segment: fc.constantFrom("gold", "new") }).map(({ customer, segment }) => ({
    type: "customer.updated",
    customer,
    data: { segment },
  })),
  fc
    .record({
      customer,
      order: orderId,
      sku,
      due: fc.option(minutes, { nil: undefined }),
      web: fc.boolean(),
    })
    .map(({ customer, order, sku, due, web }) => ({
      type: "order.placed",
      customer,
      data: {
        order,
        currency: "EUR",
        items: [{ sku, kind: "physical", price: "10.00" }],
        payments: [{ method: "card", amount: "10.00" }],
        ...(due !== undefined && { promisedDeliveryBy: iso(BASE + due * MINUTE) }),
        ...(web && { channel: "web" }),
      },
    })),
  fc.record({ customer, order: orderId }).map(({ customer, order }) => ({
    type: "order.delivered",
    customer,
    data: { order },
  })),
  fc.record({ customer, order: orderId }).map(({ customer, order }) => ({
    type: "order.cancelled",
    customer,
    data: { order },
  })),
  fc.record({ customer, order: orderId, payment: fc.constantFrom("p0", "p1") }).map((d) => ({
    type: "payment.charged",
    customer: d.customer,
    data: { order: d.order, payment: d.payment, amount: "10.00", currency: "EUR", method: "card" },
  })),
  fc.record({ customer, booking: fc.constantFrom("b0", "b1"), flight }).map((d) => ({
    type: "booking.created",
    customer: d.customer,
    data: {
      booking: d.booking,
      flight: d.flight,
      carrier: { code: "LH" },
      origin: "FRA",
      destination: "ARN",
      passengers: [{ id: "p" }],
      fare: "100.00",
      currency: "EUR",
      payments: [{ method: "card", amount: "100.00" }],
    },
  })),
  fc
    .record({
      flight,
      at: minutes,
      delay: fc.integer({ min: -30, max: 240 }),
      cancelled: fc.boolean(),
    })
    .map((d) => ({
      type: d.cancelled ? "flight.cancelled" : "flight.arrived",
      data: {
        flight: d.flight,
        carrier: { code: "LH" },
        origin: "FRA",
        destination: "ARN",
        scheduledArrival: iso(BASE + d.at * MINUTE),
        controllable: true,
        ...(d.cancelled
          ? { scheduledDeparture: iso(BASE + (d.at - 120) * MINUTE), noticeGivenAt: iso(BASE) }
          : { actualArrival: iso(BASE + (d.at + d.delay) * MINUTE) }),
      },
    })),
  fc
    .record({
      customer,
      session: fc.constantFrom("s0", "s1"),
      // A rental's session names its order: it joins the order's case and its remedies.
      order: fc.option(orderId, { nil: undefined }),
      rebuffer: fc.constantFrom(0, 0.01, 0.1),
      hd: fc.boolean(),
    })
    .map((d) => ({
      type: "stream.session",
      customer: d.customer,
      data: {
        session: d.session,
        ...(d.order !== undefined && { order: d.order }),
        title: "t",
        rental: true,
        rebufferRatio: d.rebuffer,
        bitrateKbps: 6000,
        ...(d.hd && { promisedQuality: "HD" }),
      },
    })),
  fc
    .record({ customer, order: fc.option(orderId, { nil: undefined }), chat: fc.boolean() })
    .map((d) => ({
      type: "support.contact",
      customer: d.customer,
      data: {
        contact: "k",
        channel: d.chat ? "chat" : "phone",
        waitedSeconds: 60,
        topic: "delivery",
        resolved: true,
        ...(d.order !== undefined && { order: d.order }),
      },
    })),
  fc.constant({ type: "clock", data: {} }),
];

// A session's remedy is filed under the session when the engine did not know its order yet.
const subject = fc.oneof(
  fc.record({ type: fc.constant("order"), id: orderId }),
  fc.record({ type: fc.constant("session"), id: fc.constantFrom("s0", "s1") }),
);

/** Facts that are not events; each id is unique, as the store guarantees. */
const otherFact = (n: number): fc.Arbitrary<ScorecardFact[]> =>
  fc.oneof(
    fc
      .record({
        customer,
        subject,
        at: minutes,
        within: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        executed: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
        withdrawn: fc.boolean(),
        proactive: fc.boolean(),
        kind: fc.constantFrom("refund", "notice", "warning"),
        promise: fc.constantFrom("late", "twice"),
      })
      .map((r) => {
        const key = `r${n}`;
        const at = BASE + r.at * MINUTE;
        return [
          {
            type: "remedy.planned",
            key,
            promise: r.promise,
            customer: r.customer,
            subject: r.subject,
            kind: r.kind,
            at,
            proactive: r.proactive,
            ...(r.within !== undefined && { dueBy: at + r.within * MINUTE }),
          },
          ...(r.executed === undefined
            ? []
            : [{ type: "remedy.executed", key, at: at + r.executed * MINUTE }]),
          ...(r.withdrawn ? [{ type: "remedy.withdrawn", key, at: at + MINUTE }] : []),
        ] as ScorecardFact[];
      }),
    fc
      .record({
        customer,
        subject,
        at: minutes,
        sent: fc.boolean(),
        cause: fc.constantFrom(undefined, "", "late truck"),
      })
      .map((d): ScorecardFact[] => [
        {
          type: "notice",
          id: `n${n}`,
          customer: d.customer,
          subject: d.subject,
          at: BASE + d.at * MINUTE,
          sent: d.sent,
          promise: "late",
          ...(d.cause !== undefined && { cause: d.cause }),
        },
      ]),
    fc.record({ customer, sku, at: minutes }).map((d): ScorecardFact[] => [
      {
        type: "warning",
        id: `w${n}`,
        customer: d.customer,
        sku: d.sku,
        at: BASE + d.at * MINUTE,
        price: { amount: "9.90", currency: "EUR" },
        kept: { amount: "0.10", currency: "EUR" },
      },
    ]),
  );

const eventFact = (n: number) =>
  fc.tuple(fc.oneof(...eventDrafts), minutes).map(([draft, at]): ScorecardFact[] => {
    const result = validateEvent({ id: `e${n}`, time: iso(BASE + at * MINUTE), ...draft });
    if (!result.ok) throw new Error(JSON.stringify({ draft, issues: result.issues }));
    return [{ type: "event", event: result.value }];
  });

const facts = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 60, size: "max" })
  .chain((kinds) => fc.tuple(...kinds.map((isEvent, n) => (isEvent ? eventFact(n) : otherFact(n)))))
  .map((groups) => groups.flat());

/** Everything a reader can see: every row of every period and breakdown, and explanations. */
function view(s: Scorecard) {
  return {
    rows: PERIODS.flatMap((by) => DIMENSIONS.flatMap((dimension) => s.report({ by, dimension }))),
    explained: [...COUNTERS, ...RATIO_FIGURES, "timeToRemedy" as const].map((figure) =>
      s.explain({ figure, period: "all", at: 0, dimension: "all", value: "", limit: 5 }),
    ),
  };
}

function recompute(all: readonly ScorecardFact[], options?: ScorecardOptions): Scorecard {
  const s = new Scorecard(options);
  s.addAll([...all].sort((a, b) => factTime(a) - factTime(b)));
  return s;
}

/** The cases with a remedy neither executed nor withdrawn, and how many remedies they hold. */
function owedCases(all: readonly ScorecardFact[]) {
  const settled = new Set(
    all.flatMap((f) =>
      f.type === "remedy.executed" || f.type === "remedy.withdrawn" ? [f.key] : [],
    ),
  );
  const planned = all.filter((f) => f.type === "remedy.planned");
  // A session reported with its order is filed under that order (the smallest, if several).
  const orderOf = new Map<string, string>();
  for (const f of all) {
    if (f.type !== "event" || f.event.type !== "stream.session") continue;
    const { order, session } = f.event.data;
    const key = `${f.event.customer}/${session}`;
    const known = orderOf.get(key);
    if (order !== undefined && (known === undefined || order < known)) orderOf.set(key, order);
  }
  const caseOf = (r: (typeof planned)[number]) => {
    const order = r.subject.type === "session" && orderOf.get(`${r.customer}/${r.subject.id}`);
    return order
      ? `${r.customer}/order:${order}`
      : `${r.customer}/${r.subject.type}:${r.subject.id}`;
  };
  const owed = new Set(
    planned.filter((r) => r.kind !== "warning" && !settled.has(r.key)).map(caseOf),
  );
  return { cases: owed.size, remedies: planned.filter((r) => owed.has(caseOf(r))).length };
}

/** Arrival order: a random permutation, plus a few facts delivered a second time. */
function arrivalOrder(all: readonly ScorecardFact[], random: fc.Stream<number>, repeats: number[]) {
  const arrived = all
    .map((f) => ({ f, k: random.next().value as number }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.f);
  for (const r of repeats) arrived.push(arrived[r % arrived.length] as ScorecardFact);
  return arrived;
}

/** Feeds facts in batches of the given sizes, cycling through them. */
function feed(s: Scorecard, arrived: readonly ScorecardFact[], sizes: readonly number[]) {
  for (let i = 0, b = 0; i < arrived.length; b++) {
    const size = sizes[b % sizes.length] as number;
    s.addAll(arrived.slice(i, i + size));
    i += size;
  }
}

const DAY = 24 * 60 * MINUTE;
const LATER = 40 * DAY;

/** The same facts forty days later, about other customers, flights, remedies and warnings. */
function laterEra(fact: ScorecardFact): ScorecardFact {
  if (fact.type !== "event") {
    const moved = { ...fact, at: fact.at + LATER, key: `b-${"key" in fact ? fact.key : ""}` };
    if ("customer" in moved) Object.assign(moved, { customer: `b-${moved.customer}` });
    if ("id" in moved) Object.assign(moved, { id: `b-${moved.id}` });
    if ("dueBy" in moved && moved.dueBy !== undefined)
      Object.assign(moved, { dueBy: moved.dueBy + LATER });
    return moved as ScorecardFact;
  }
  const e = fact.event;
  const shift = (v: unknown) =>
    typeof v === "string" && /^\d{4}-/.test(v) ? iso(Date.parse(v) + LATER) : v;
  const data = Object.fromEntries(
    Object.entries(e.data).map(([k, v]) => [
      k,
      k === "flight" ? `LH9${String(v).slice(2)}` : shift(v),
    ]),
  );
  const raw = {
    ...e,
    id: `b-${e.id}`,
    time: shift(e.time),
    data,
    ...(e.customer && { customer: `b-${e.customer}` }),
  };
  const result = validateEvent(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { type: "event", event: result.value };
}

const batchSizes = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 });
const repeated = fc.array(fc.nat(), { maxLength: 5 });

describe("incremental scorecard", () => {
  it("equals a full recompute whatever the order, batches and repeats", () => {
    fc.assert(
      fc.property(
        facts,
        fc.infiniteStream(fc.nat()),
        batchSizes,
        repeated,
        (all, random, sizes, repeats) => {
          const incremental = new Scorecard();
          feed(incremental, arrivalOrder(all, random, repeats), sizes);
          expect(view(incremental)).toEqual(view(recompute(all)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("retiring settled cases changes no figure and no explanation within the allowed lateness", () => {
    const options = { retainMs: 20 * DAY, explanationSample: 5 };
    fc.assert(
      fc.property(
        facts,
        fc.infiniteStream(fc.nat()),
        batchSizes,
        repeated,
        (early, random, sizes, repeats) => {
          // Two eras forty days apart: when the second arrives, the first is past the 20 days.
          const late = early.map(laterEra);
          const retiring = new Scorecard(options);
          feed(retiring, arrivalOrder(early, random, repeats), sizes);
          feed(retiring, arrivalOrder(late, random, repeats), sizes);
          expect(view(retiring)).toEqual(
            view(recompute([...early, ...late], { retainMs: Infinity })),
          );
          // Only the second era is still held in detail, and the cases of the first that are
          // still owed a remedy: its execution may come at any time.
          const held = recompute(late, options).held();
          const owed = owedCases(early);
          expect(retiring.held()).toEqual({
            ...held,
            cases: held.cases + owed.cases,
            remedies: held.remedies + owed.remedies,
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the generator reaches every count (the property is not vacuous)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(facts, (all) => {
        const row = recompute(all).report()[0];
        for (const c of COUNTERS) if ((row?.counts[c] ?? 0) > 0) seen.add(c);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect([...COUNTERS].filter((c) => !seen.has(c))).toEqual([]);
  });
});
