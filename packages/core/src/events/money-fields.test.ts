import { describe, expect, test } from "vitest";
import { renderIssue } from "../i18n/render-issue.js";
import { validateEvent } from "./validate-event.js";

const order = (data: object) => ({
  id: "e1",
  type: "order.placed",
  time: "2026-11-01T10:00:00Z",
  customer: "c1",
  data: {
    order: "o1",
    currency: "USD",
    items: [{ sku: "s1", kind: "book", price: "12.00" }],
    payments: [{ method: "card", amount: "12.00" }],
    ...data,
  },
});

describe("amounts fit their currency's minor unit", () => {
  test("a valid order passes", () => {
    expect(validateEvent(order({})).ok).toBe(true);
  });

  test("every amount with too many decimals is reported at its path", () => {
    const r = validateEvent(
      order({
        items: [{ sku: "s1", kind: "book", price: "12.345" }],
        shipping: "4.999",
        payments: [
          { method: "card", amount: "12.00" },
          { method: "points", amount: "100.5", currency: "PTS" },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["money.too_many_decimals", "data.shipping"],
      ["money.too_many_decimals", "data.items.0.price"],
      ["money.too_many_decimals", "data.payments.1.amount"],
    ]);
    expect(r.issues[0] && renderIssue(r.issues[0], "en")).toBe(
      "data.shipping: USD has 2 decimal places; this amount has more",
    );
    expect(r.issues[0] && renderIssue(r.issues[0], "sv")).toBe(
      "data.shipping: USD har 2 decimaler; beloppet har fler",
    );
  });

  test("yen have no minor unit; a booking fare in JPY must be whole", () => {
    const booking = {
      id: "b1",
      type: "booking.created",
      time: "2026-11-01T10:00:00Z",
      customer: "c1",
      data: {
        booking: "B1",
        flight: "JL1@2026-12-01",
        carrier: { code: "JL" },
        origin: "HND",
        destination: "CDG",
        passengers: [{ id: "p1" }],
        fare: "98000.5",
        currency: "JPY",
        payments: [{ method: "card", amount: "98000" }],
      },
    };
    const r = validateEvent(booking);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["money.too_many_decimals", "data.fare"],
    ]);
  });
});
