import { type GoodfaithEvent, validateEvent } from "@goodfaith/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JourneyMetrics } from "./journey-metrics.js";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

let seq = 0;
function event(
  type: string,
  at: number,
  customer: string | undefined,
  data: object,
): GoodfaithEvent {
  seq += 1;
  const result = validateEvent({
    id: `j${seq}`,
    type,
    time: iso(at),
    ...(customer && { customer }),
    data,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const contact = (at: number, waitedSeconds: number, customer = "c1") =>
  event("support.contact", at, customer, {
    contact: `k${seq}`,
    channel: "chat",
    waitedSeconds,
    topic: "billing",
    resolved: true,
  });

const placed = (at: number, customer: string, order: string, promised?: number) =>
  event("order.placed", at, customer, {
    order,
    currency: "EUR",
    items: [{ sku: "x", kind: "physical", price: "5.00" }],
    payments: [{ method: "card", amount: "5.00" }],
    ...(promised !== undefined && { promisedDeliveryBy: iso(promised) }),
  });

const arrived = (scheduled: number, delayMinutes: number) =>
  event("flight.arrived", scheduled + delayMinutes * MINUTE, undefined, {
    flight: "LH1234@2026-11-20",
    carrier: { code: "LH" },
    origin: "FRA",
    destination: "ARN",
    scheduledArrival: iso(scheduled),
    actualArrival: iso(scheduled + delayMinutes * MINUTE),
    controllable: true,
  });

/** Checks a sketch answer against the exact value within the 1% bound. */
const near = (exact: number) => ({
  asymmetricMatch: (x: unknown) =>
    typeof x === "number" && Math.abs(x - exact) <= 0.01 * Math.abs(exact) + 1e-12,
  toString: () => `≈${exact}`,
});

describe("JourneyMetrics", () => {
  it("reports support wait quantiles over the last 5 minutes, hour and day", () => {
    const m = new JourneyMetrics();
    // Ten waits of 10…100 s in the last two minutes; five of 1000…5000 s half an hour ago; one
    // of 9999 s two hours ago; one of 7 s two days ago (all-time only).
    for (let i = 1; i <= 10; i++) m.observe(contact(NOW - 2 * MINUTE + i * SECOND, 10 * i));
    for (let i = 1; i <= 5; i++) m.observe(contact(NOW - 30 * MINUTE, 1000 * i));
    m.observe(contact(NOW - 2 * HOUR, 9999));
    m.observe(contact(NOW - 48 * HOUR, 7));
    const wait = m.snapshot(NOW).distributions.supportWaitSeconds;
    // 5 min: 10…100; ranks ⌊q·9⌋ = 4, 8, 8 → 50, 90, 90.
    expect(wait["5m"]).toEqual({
      count: 10,
      p50: near(50),
      p95: near(90),
      p99: near(90),
      min: 10,
      max: 100,
    });
    // 1 h: 15 values; ranks ⌊q·14⌋ = 7, 13, 13 → 80, 4000, 4000.
    expect(wait["1h"]).toMatchObject({
      count: 15,
      p50: near(80),
      p95: near(4000),
      p99: near(4000),
    });
    // 24 h: 16 values; ranks 7, 14, 14 → 80, 5000, 5000; the 9999 s wait is the maximum.
    expect(wait["24h"]).toMatchObject({ count: 16, p50: near(80), p99: near(5000), max: 9999 });
    expect(wait.all).toMatchObject({ count: 17, min: 7 });
  });

  it("measures delivery lateness in hours, early as negative, whichever event comes first", () => {
    const m = new JourneyMetrics();
    m.observe(placed(NOW - 5 * HOUR, "c1", "o1", NOW - 4 * HOUR));
    m.observe(event("order.delivered", NOW - HOUR, "c1", { order: "o1" })); // 3 h late
    m.observe(event("order.delivered", NOW - 2 * HOUR, "c2", { order: "o2" })); // before its order
    m.observe(placed(NOW - 30 * HOUR, "c2", "o2", NOW + 22 * HOUR)); // 24 h early
    m.observe(placed(NOW - 3 * HOUR, "c3", "o3")); // no promised date: nothing to measure
    m.observe(event("order.delivered", NOW - HOUR, "c3", { order: "o3" }));
    const lateness = m.snapshot(NOW).distributions.deliveryLatenessHours["24h"];
    expect(lateness).toMatchObject({ count: 2, min: -24, max: 3, p50: near(-24), p99: near(-24) });
    expect(m.snapshot(NOW).purchases["24h"]).toEqual({ count: 2 }); // o2 was placed 30 h ago
  });

  it("measures flight arrival delay and rebuffering", () => {
    const m = new JourneyMetrics();
    m.observe(arrived(NOW - 3 * HOUR, -10));
    m.observe(arrived(NOW - 4 * HOUR, 190)); // lands 50 minutes ago
    m.observe(
      event("stream.session", NOW - MINUTE, "c1", {
        session: "s",
        title: "t",
        rental: true,
        rebufferRatio: 0.2,
        bitrateKbps: 900,
      }),
    );
    const s = m.snapshot(NOW).distributions;
    expect(s.arrivalDelayMinutes["24h"]).toMatchObject({
      count: 2,
      min: -10,
      max: 190,
      p50: near(-10),
    });
    expect(s.rebufferRatio["5m"]).toMatchObject({ count: 1, p99: near(0.2) });
  });

  it("merged from partitions by customer, equals one instance over all events", () => {
    const events = [
      ...[5, 50, 500, 60, 7, 3000].map((w, i) => contact(NOW - i * 7 * MINUTE, w, `c${i % 2}`)),
      placed(NOW - 5 * HOUR, "c0", "o1", NOW - 4 * HOUR),
      event("order.delivered", NOW - HOUR, "c0", { order: "o1" }),
      placed(NOW - 5 * HOUR, "c1", "o2", NOW),
      event("order.delivered", NOW - HOUR, "c1", { order: "o2" }),
    ];
    const whole = new JourneyMetrics();
    const parts = [new JourneyMetrics(), new JourneyMetrics()];
    for (const e of events) {
      whole.observe(e);
      parts[e.customer === "c0" ? 0 : 1]?.observe(e);
    }
    const [merged, other] = parts as [JourneyMetrics, JourneyMetrics];
    merged.mergeFrom(other);
    expect(merged.snapshot(NOW)).toEqual(whole.snapshot(NOW));
  });

  it("keeps every window's quantiles within 1% of the exact ones over the window's data", () => {
    const arrival = fc.record({
      ago: fc.integer({ min: 0, max: 30 * HOUR }),
      wait: fc.integer({ min: 0, max: 7200 }),
    });
    fc.assert(
      fc.property(fc.array(arrival, { minLength: 1, maxLength: 200 }), (contacts) => {
        const m = new JourneyMetrics();
        for (const c of contacts) m.observe(contact(NOW - c.ago, c.wait));
        const now = Math.max(...contacts.map((c) => NOW - c.ago));
        const snapshot = m.snapshot(now).distributions.supportWaitSeconds;
        for (const [name, length, intervals] of [
          ["5m", 5 * MINUTE, 30],
          ["1h", HOUR, 60],
          ["24h", 24 * HOUR, 96],
        ] as const) {
          const g = length / intervals;
          const last = Math.floor(now / g);
          const inWindow = contacts
            .filter((c) => Math.floor((NOW - c.ago) / g) > last - intervals)
            .map((c) => c.wait)
            .sort((a, b) => a - b);
          const summary = snapshot[name];
          expect(summary?.count).toBe(inWindow.length);
          for (const [key, q] of [
            ["p50", 0.5],
            ["p95", 0.95],
            ["p99", 0.99],
          ] as const) {
            const exact = inWindow[Math.floor(q * (inWindow.length - 1))];
            if (exact === undefined) expect(summary?.[key]).toBeNull();
            else expect(summary?.[key]).toEqual(near(exact));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
