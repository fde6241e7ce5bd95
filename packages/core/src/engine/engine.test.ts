import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadPromises } from "../promises/load.js";
import { Engine } from "./engine.js";
import type { EngineEvent } from "./event-data.js";
import type { Outcome, Remedy } from "./outcome.js";

const YAML = `
goodfaith: 1
company: Shop
version: "3"
currency: USD
promises:
  - id: late-delivery
    title: { en: On time or shipping back, zh-CN: 准时送达, sv: I tid }
    text: { en: We refund shipping when late, zh-CN: 迟到退运费, sv: Vi betalar tillbaka frakten }
    on: order.placed
    when: has(order.promisedDeliveryBy) && !order.cancelled
    expect: { event: order.delivered, by: order.promisedDeliveryBy, grace: P1D }
    remedy: { kind: refund, amount: { expr: order.shipping }, tender: original, within: P2D }
  - id: duplicate-charge
    title: { en: Charged twice, zh-CN: 重复扣款, sv: Dubbeldebitering }
    text: { en: We refund the extra charge, zh-CN: 我们退还多扣的款项, sv: Vi betalar tillbaka }
    on: payment.charged
    when: order.charged > order.total
    remedy: { kind: refund, amount: { expr: order.charged - order.total }, within: P1D }
    governance: { autoApproveUpTo: "50.00", dailyBudget: "100.00" }
`;

function doc() {
  const d = loadPromises(YAML);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  return d.value;
}

const placed = (n: number, day: number, promised: number): EngineEvent => ({
  id: `p${n}`,
  type: "order.placed",
  time: `2026-05-${String(day).padStart(2, "0")}T09:00:00Z`,
  customer: `c${n % 7}`,
  data: {
    order: `o${n}`,
    currency: "USD",
    items: [{ sku: `s${n % 5}`, kind: "physical", price: "40.00" }],
    shipping: "5.99",
    payments: [
      { method: "card", amount: "30.00" },
      { method: "points", amount: "1600", currency: "PTS" },
    ],
    promisedDeliveryBy: `2026-05-${String(day + promised).padStart(2, "0")}T18:00:00Z`,
  },
});
const delivered = (n: number, day: number): EngineEvent => ({
  id: `d${n}`,
  type: "order.delivered",
  time: `2026-05-${String(day).padStart(2, "0")}T12:00:00Z`,
  customer: `c${n % 7}`,
  data: { order: `o${n}` },
});
const charged = (n: number, k: number, day: number, amount = "45.99"): EngineEvent => ({
  id: `ch${n}-${k}`,
  type: "payment.charged",
  time: `2026-05-${String(day).padStart(2, "0")}T09:05:00Z`,
  customer: `c${n % 7}`,
  data: { order: `o${n}`, payment: `pay${n}-${k}`, amount, currency: "USD", method: "card" },
});

const remedies = (out: Outcome[]) => out.filter((o): o is Remedy => o.type === "remedy");

describe("absence promises fire when event time passes the deadline", () => {
  test("delivered within promise + grace: nothing; after: shipping refunded at the deadline", () => {
    const engine = new Engine([doc()]);
    const out = engine.processAll([
      placed(1, 1, 3),
      placed(2, 1, 3),
      delivered(1, 5),
      delivered(2, 6),
    ]);
    const [r, ...rest] = remedies(out);
    expect(rest).toEqual([]);
    expect(r?.key).toBe("late-delivery:order:o2");
    expect(r?.at).toBe("2026-05-05T18:00:00.000Z");
    expect(r?.dueBy).toBe("2026-05-07T18:00:00.000Z");
    expect(r?.explanation.deadline).toEqual({
      expected: "order.delivered",
      by: "2026-05-04T18:00:00.000Z",
      passedAt: "2026-05-05T18:00:00.000Z",
    });
    // 5.99 of an order worth 45.99 paid 30.00 cash + 1600 points (= 15.99): split exactly.
    expect(r?.split.map((s) => [s.method, s.amount.minor, s.amount.currency])).toEqual([
      ["card", 391n, "USD"],
      ["points", 208n, "PTS"],
    ]);
  });

  test("advanceTo fires deadlines without a later event; exactly at the deadline is on time", () => {
    const engine = new Engine([doc()]);
    engine.process(placed(1, 1, 3));
    expect(engine.advanceTo(Date.parse("2026-05-05T18:00:00Z"))).toEqual([]);
    expect(remedies(engine.advanceTo(Date.parse("2026-05-05T18:00:00.001Z")))).toHaveLength(1);
  });

  test("a cancelled order is re-checked at the deadline and not refunded", () => {
    const engine = new Engine([doc()]);
    engine.process(placed(1, 1, 3));
    engine.process({
      id: "x",
      type: "order.cancelled",
      time: "2026-05-02T00:00:00Z",
      customer: "c1",
      data: { order: "o1" },
    });
    expect(engine.advanceTo(Date.parse("2026-06-01T00:00:00Z"))).toEqual([]);
  });
});

describe("exactly once", () => {
  test("re-delivered events and a second duplicate charge never pay twice", () => {
    const engine = new Engine([doc()]);
    const stream = [placed(1, 1, 9), charged(1, 1, 1), charged(1, 2, 1), charged(1, 2, 1)];
    const out = remedies(engine.processAll([...stream, ...stream]));
    expect(out.map((r) => [r.key, r.amount?.minor])).toEqual([
      ["duplicate-charge:order:o1:payment:pay1-2", 4599n],
    ]);
  });

  test("refunds never exceed what was paid", () => {
    const engine = new Engine([doc()]);
    const out = remedies(
      engine.processAll([placed(1, 1, 9), charged(1, 1, 1), charged(1, 2, 1, "500.00")]),
    );
    expect(out[0]?.amount?.minor).toBe(50000n);
    expect(out[0]?.approval).toEqual({
      required: true,
      reasons: ["over_threshold", "over_daily_budget"],
    });
  });
});

describe("determinism", () => {
  const stream: EngineEvent[] = [];
  for (let n = 0; n < 40; n++) {
    stream.push(placed(n, 1 + (n % 9), 2 + (n % 4)));
    if (n % 3 === 0) stream.push(charged(n, 1, 1 + (n % 9)), charged(n, 2, 1 + (n % 9)));
  }
  for (let n = 0; n < 40; n += 2) stream.push(delivered(n, 4 + (n % 15)));
  stream.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));

  test("the same events give the same remedies whatever the batch boundaries", () => {
    const whole = new Engine([doc()]);
    const expected = [
      ...whole.processAll(stream),
      ...whole.advanceTo(Date.parse("2026-07-01T00:00:00Z")),
    ];
    expect(remedies(expected).length).toBeGreaterThan(10);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }),
        (cuts) => {
          const bounds = [...new Set([0, ...cuts, stream.length])].sort((a, b) => a - b);
          const engine = new Engine([doc()]);
          const got: Outcome[] = [];
          for (let i = 0; i + 1 < bounds.length; i++) {
            const batch = stream.slice(bounds[i], bounds[i + 1]);
            got.push(...engine.processAll(batch));
            const last = batch.at(-1);
            // Live use moves the clock at batch ends; that must not change any decision.
            if (last) got.push(...engine.advanceTo(Date.parse(last.time)));
          }
          got.push(...engine.advanceTo(Date.parse("2026-07-01T00:00:00Z")));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("bad money never half-applies", () => {
  test("an amount with too many decimals is rejected and changes nothing", () => {
    const engine = new Engine([doc()]);
    const bad = placed(1, 1, 3);
    const badData = { ...(bad.data as Record<string, unknown>), shipping: "5.999" };
    const out = engine.process({ ...bad, data: badData });
    expect(out).toEqual([
      {
        type: "rejected",
        event: "p1",
        issue: expect.objectContaining({
          code: "money.too_many_decimals",
          path: ["data", "shipping"],
        }),
      },
    ]);
    expect(engine.state.orders.size).toBe(0);
    // The corrected event with the same id is still accepted.
    engine.process(bad);
    expect(engine.state.orders.size).toBe(1);
  });
});

describe("memory stays bounded", () => {
  test("event ids older than the dedupe window are forgotten; newer ones still dedupe", () => {
    const engine = new Engine([doc()], { dedupeWindowMs: 86_400_000 });
    const clock = (i: number, day: number): EngineEvent => ({
      id: `k${i}`,
      type: "clock",
      time: `2026-05-${String(day).padStart(2, "0")}T00:00:${String(i % 60).padStart(2, "0")}Z`,
      data: {},
    });
    for (let i = 0; i < 2048; i++) engine.process(clock(i, 1));
    for (let i = 2048; i < 4096; i++) engine.process(clock(i, 5));
    const seen = (engine as unknown as { seen: Map<string, number> }).seen;
    expect(seen.has("k0")).toBe(false);
    expect(seen.has("k4000")).toBe(true);
    expect(seen.size).toBeLessThanOrEqual(2048 + 1024);
  });
});
