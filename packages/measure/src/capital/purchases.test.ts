import { validateEvent } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { monthUpTo, parsePeriod } from "./period.js";
import { purchaseLog, purchaseOf } from "./purchases.js";

const event = (raw: unknown) => {
  const checked = validateEvent(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.value;
};
const order = (id: string, time: string, data: Record<string, unknown>) =>
  event({
    id,
    type: "order.placed",
    time,
    customer: "c1",
    data: { order: id, currency: "EUR", payments: [{ method: "card", amount: "1.00" }], ...data },
  });

describe("purchases", () => {
  it("takes an order's total, else its items and shipping; a booking's fare", () => {
    const withTotal = order("o1", "2026-11-02T09:00:00Z", {
      items: [{ sku: "a", kind: "book", price: "9.00" }],
      total: "12.50",
    });
    const noTotal = order("o2", "2026-11-02T10:00:00Z", {
      items: [{ sku: "a", kind: "book", price: "9.99", quantity: 2 }],
      shipping: "4.99",
    });
    expect(purchaseOf(withTotal)?.amount).toEqual({ minor: 1250n, currency: "EUR" });
    expect(purchaseOf(noTotal)?.amount).toEqual({ minor: 2497n, currency: "EUR" });
  });

  it("merges a customer's same-day purchases and keeps one currency", () => {
    const p = (time: string, minor: bigint, currency = "EUR") => ({
      customer: "c1",
      time: Date.parse(time),
      amount: { minor, currency },
    });
    const log = purchaseLog([
      p("2026-11-02T09:00:00Z", 1250n),
      p("2026-11-02T23:59:00Z", 2497n),
      p("2026-11-09T01:00:00Z", 100n),
      p("2026-11-03T01:00:00Z", 5000n, "SEK"),
    ]);
    expect(log?.currency).toBe("EUR");
    expect(log?.leftOut).toEqual({ SEK: 1 });
    expect(log?.log.customers[0]?.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["2026-11-02", 37.47],
      ["2026-11-09", 1],
    ]);
    expect(purchaseLog([p("2026-11-02T09:00:00Z", 1n)], "USD")).toBeUndefined();
  });

  it("parses periods", () => {
    expect(parsePeriod("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(parsePeriod("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(parsePeriod("2026-11-01..2026-11-14")).toEqual({ from: "2026-11-01", to: "2026-11-14" });
    expect(parsePeriod("2026-11-14..2026-11-01")).toBeUndefined();
    expect(parsePeriod("2026-13")).toBeUndefined();
  });
});

describe("monthUpTo, the default period", () => {
  it("is the latest event's month up to its day, with the month before early in a month", () => {
    expect(monthUpTo(Date.UTC(2026, 10, 20, 9))).toEqual({ from: "2026-11-01", to: "2026-11-20" });
    expect(monthUpTo(Date.UTC(2026, 10, 7))).toEqual({ from: "2026-11-01", to: "2026-11-07" });
    expect(monthUpTo(Date.UTC(2026, 3, 1, 23))).toEqual({ from: "2026-03-01", to: "2026-04-01" });
    expect(monthUpTo(Date.UTC(2027, 0, 3))).toEqual({ from: "2026-12-01", to: "2027-01-03" });
  });
});
