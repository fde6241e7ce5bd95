import { describe, expect, test } from "vitest";
import { Engine } from "../engine/engine.js";
import type { EngineEvent } from "../engine/event-data.js";
import { loadPromises } from "../promises/load.js";
import { Guard } from "./guard.js";

const YAML = `
goodfaith: 1
company: Shop
version: 1
currency: USD
promises:
  - id: already-owned
    title: { en: Already yours, zh-CN: 已拥有, sv: Redan din }
    text: { en: We tell you, zh-CN: 我们会告诉您, sv: Vi säger till }
    on: guard.check
    guard: { check: already-owned }
    remedy: { kind: warning }
  - id: price-protection
    title: { en: Price guarantee, zh-CN: 价格保障, sv: Prisgaranti }
    text: { en: Fourteen days, zh-CN: 十四天, sv: Fjorton dagar }
    on: guard.check
    guard: { check: price-protection, window: P14D }
    remedy: { kind: warning }
`;

function order(id: string, time: string, items: object[], extra: object = {}): EngineEvent {
  return {
    id: `e-${id}`,
    type: "order.placed",
    time,
    customer: "c1",
    data: {
      order: id,
      currency: "USD",
      items,
      payments: [{ method: "card", amount: "100.00" }],
      ...extra,
    },
  };
}

function guardWith(events: EngineEvent[]): Guard {
  const doc = loadPromises(YAML);
  if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
  const engine = new Engine([doc.value]);
  engine.processAll(events);
  return new Guard(engine);
}

const book = { sku: "isbn-1", kind: "book", workId: "work-9", title: "Dune", price: "20.00" };

describe("dates, as the customer's calendar has them", () => {
  const living = (country: string): EngineEvent => ({
    id: `crm-${country}`,
    type: "customer.updated",
    time: "2026-01-01T00:00:00Z",
    customer: "c1",
    data: { country },
  });
  const dateIn = (country: string | undefined, time: string) => {
    const events = [order("o1", time, [book])];
    const guard = guardWith(country === undefined ? events : [living(country), ...events]);
    return guard.check({ customer: "c1", items: [{ sku: "isbn-1", kind: "book" }] })[0]?.text;
  };

  test("an evening purchase in UTC is the next morning in China", () => {
    expect(dateIn("CN", "2026-03-05T20:00:00Z")?.["zh-CN"]).toContain("您已于2026年3月6日购买过");
    expect(dateIn("SE", "2026-03-05T20:00:00Z")?.sv).toContain("den 5 mars 2026");
    expect(dateIn("SE", "2026-03-05T23:30:00Z")?.sv).toContain("den 6 mars 2026");
  });

  test("a country of several zones is told in its easternmost; no country, in UTC", () => {
    expect(dateIn("US", "2026-03-06T03:00:00Z")?.en).toContain("on March 5, 2026");
    expect(dateIn("US", "2026-03-06T05:30:00Z")?.en).toContain("on March 6, 2026");
    expect(dateIn(undefined, "2026-03-05T23:30:00Z")?.en).toContain("on March 5, 2026");
  });
});

describe("already owned", () => {
  test("same sku warns with the earlier order and date, in three languages", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [book])]);
    const [w, ...rest] = guard.check({ customer: "c1", items: [{ sku: "isbn-1", kind: "book" }] });
    expect(rest).toEqual([]);
    expect(w?.code).toBe("already_owned");
    expect(w?.earlier).toEqual({ order: "o1", sku: "isbn-1", date: "2026-03-05T10:00:00.000Z" });
    expect(w?.text.en).toBe("You already bought Dune on March 5, 2026 (order o1). Buy it again?");
    // Intl writes the date in Chinese: no spaces around it, as around the Latin title there are none.
    expect(w?.text["zh-CN"]).toBe(
      "您已于2026年3月5日购买过《Dune》（订单 o1）。确定要再买一次吗？",
    );
    expect(w?.text.sv).toContain("5 mars 2026");
  });

  test("another edition of the same work warns as an edition", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [book])]);
    const [w] = guard.check({
      customer: "c1",
      items: [{ sku: "isbn-2-audio", kind: "digital", workId: "work-9" }],
    });
    expect(w?.code).toBe("already_owned_edition");
  });

  test("refunded items, gifts, consumables and physical goods never warn", () => {
    const guard = guardWith([
      order("o1", "2026-03-05T10:00:00Z", [book]),
      {
        id: "r1",
        type: "order.refunded",
        time: "2026-03-06T10:00:00Z",
        customer: "c1",
        data: { order: "o1", amount: "20.00", currency: "USD", items: ["isbn-1"] },
      },
      order("o2", "2026-03-07T10:00:00Z", [
        { sku: "soap", kind: "consumable", price: "3.00" },
        { sku: "lamp", kind: "physical", price: "30.00" },
      ]),
    ]);
    expect(guard.check({ customer: "c1", items: [{ sku: "isbn-1", kind: "book" }] })).toEqual([]);
    expect(
      guard.check({
        customer: "c1",
        items: [
          { sku: "soap", kind: "consumable" },
          { sku: "lamp", kind: "physical" },
        ],
      }),
    ).toEqual([]);
    const g2 = guardWith([order("o1", "2026-03-05T10:00:00Z", [book])]);
    expect(
      g2.check({ customer: "c1", items: [{ sku: "isbn-1", kind: "book", gift: true }] }),
    ).toEqual([]);
  });

  test("a book bought as a gift is not owned by the buyer", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [book], { gift: true })]);
    expect(guard.check({ customer: "c1", items: [{ sku: "isbn-1", kind: "book" }] })).toEqual([]);
  });

  test("an active subscription warns; a cancelled one does not", () => {
    const sub = {
      sku: "plan-premium",
      kind: "subscription",
      service: "stream",
      price: "12.99",
      title: "Premium",
    };
    const active = guardWith([order("o1", "2026-03-05T10:00:00Z", [sub])]);
    const [warning] = active.check({
      customer: "c1",
      items: [{ sku: "plan-premium", kind: "subscription" }],
    });
    expect(warning?.code).toBe("subscription_active");
    expect(warning?.text).toEqual({
      en: "Your subscription Premium has been active since March 5, 2026. You don't need to buy it again.",
      "zh-CN": "您的订阅“Premium”自2026年3月5日起已生效，无需重复购买。",
      sv: "Din prenumeration Premium har varit aktiv sedan den 5 mars 2026. Du behöver inte köpa den igen.",
    });
    const cancelled = guardWith([
      order("o1", "2026-03-05T10:00:00Z", [sub]),
      {
        id: "x1",
        type: "order.cancelled",
        time: "2026-03-09T10:00:00Z",
        customer: "c1",
        data: { order: "o1" },
      },
    ]);
    expect(
      cancelled.check({ customer: "c1", items: [{ sku: "plan-premium", kind: "subscription" }] }),
    ).toEqual([]);
  });

  test("another customer's purchase does not warn", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [book])]);
    expect(guard.check({ customer: "c2", items: [{ sku: "isbn-1", kind: "book" }] })).toEqual([]);
  });
});

describe("price protection", () => {
  const lamp = { sku: "lamp", kind: "physical", price: "30.00", title: "Desk lamp" };
  test("a lower price within the window warns with the refund due", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [{ ...lamp, quantity: 2 }])]);
    const [w] = guard.check({
      customer: "c1",
      items: [{ sku: "lamp", kind: "physical", price: "25.50", currency: "USD" }],
      at: "2026-03-18T10:00:00Z",
    });
    expect(w?.code).toBe("price_protection");
    expect(w?.refund).toEqual({ minor: 900n, currency: "USD" });
    expect(w?.text.en).toContain("$9.00");
  });
  test("after the window, or at the same or a higher price, nothing", () => {
    const guard = guardWith([order("o1", "2026-03-05T10:00:00Z", [lamp])]);
    expect(
      guard.check({
        customer: "c1",
        items: [{ sku: "lamp", kind: "physical", price: "25.00", currency: "USD" }],
        at: "2026-03-19T10:00:01Z",
      }),
    ).toEqual([]);
    expect(
      guard.check({
        customer: "c1",
        items: [{ sku: "lamp", kind: "physical", price: "30.00", currency: "USD" }],
        at: "2026-03-06T10:00:00Z",
      }),
    ).toEqual([]);
  });
});
