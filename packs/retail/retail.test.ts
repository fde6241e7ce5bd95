import { describe, expect, it } from "vitest";
import { Engine } from "../../packages/core/src/engine/engine.js";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Remedy } from "../../packages/core/src/engine/outcome.js";
import { toDecimalString } from "../../packages/core/src/money/index.js";
import {
  amountText,
  engineFor,
  loadPack,
  remediesOf,
  run,
  sampleEventChecks,
  sampleEvents,
} from "../../test/support/packs.js";

const PACK = ["retail"];

let seq = 0;
function ev(
  type: string,
  time: string,
  customer: string | undefined,
  data: object,
  id?: string,
): EngineEvent {
  seq += 1;
  return { id: id ?? `t-${seq}`, type, time, ...(customer !== undefined && { customer }), data };
}

interface OrderOptions {
  readonly items?: readonly object[];
  readonly shipping?: string;
  readonly total?: string;
  readonly payments?: readonly object[];
  /** `null`: no promised date at all. */
  readonly promisedDeliveryBy?: string | null;
}

/** A one-line physical order: 40.00 of goods + 5.00 shipping, paid by card, due in 3 days. */
function placed(order: string, time: string, customer = "c-1", o: OrderOptions = {}): EngineEvent {
  return ev("order.placed", time, customer, {
    order,
    currency: "EUR",
    items: o.items ?? [{ sku: "lamp", kind: "physical", price: "40.00" }],
    shipping: o.shipping ?? "5.00",
    ...(o.total !== undefined && { total: o.total }),
    payments: o.payments ?? [{ method: "card", amount: "45.00" }],
    ...(o.promisedDeliveryBy !== null && {
      promisedDeliveryBy: o.promisedDeliveryBy ?? "2026-11-05T18:00:00Z",
    }),
  });
}

const order = (type: string, id: string, time: string, customer = "c-1", extra: object = {}) =>
  ev(type, time, customer, { order: id, ...extra });

const charge = (orderId: string, payment: string, amount: string, time: string, customer = "c-1") =>
  ev("payment.charged", time, customer, {
    order: orderId,
    payment,
    amount,
    currency: "EUR",
    method: "card",
  });

const price = (sku: string, amount: string, time: string, currency = "EUR") =>
  ev("price.changed", time, undefined, { sku, price: amount, currency });

const remedies = (events: readonly EngineEvent[], until?: string) =>
  remediesOf(run(PACK, events, until));
const splitText = (r: Remedy) =>
  r.split.map((p) => `${p.method} ${toDecimalString(p.amount)} ${p.amount.currency}`);

describe("retail pack", () => {
  it("loads with every promise in English, Chinese and Swedish", () => {
    const doc = loadPack("retail");
    expect(doc.company).toBe("Northwind Market");
    expect(doc.promises.map((p) => p.id)).toEqual([
      "already-owned",
      "price-protection",
      "late-delivery",
      "price-drop",
      "duplicate-charge",
      "not-shipped",
    ]);
    for (const p of doc.promises) {
      for (const lang of ["en", "zh-CN", "sv"] as const) {
        expect(p.title[lang].length, `${p.id} title ${lang}`).toBeGreaterThan(5);
        expect(p.text[lang].length, `${p.id} text ${lang}`).toBeGreaterThan(40);
      }
    }
  });

  it("declares both guard checks as warnings, price protection over 14 days", () => {
    const doc = loadPack("retail");
    const guards = doc.promises.filter((p) => p.guard);
    expect(guards.map((p) => [p.id, p.remedy.kind, p.guard?.check, p.guard?.windowMs])).toEqual([
      ["already-owned", "warning", "already-owned", 14 * 86_400_000],
      ["price-protection", "warning", "price-protection", 14 * 86_400_000],
    ]);
    // Guard promises are answered by the guard, never by the event engine.
    expect(guards.every((p) => p.on.length === 0)).toBe(true);
  });

  describe("sample events", () => {
    sampleEventChecks("retail");

    it("produce exactly the expected remedies", () => {
      const rs = remedies(sampleEvents("retail"));
      expect(
        rs.map((r) => [
          r.promise,
          r.customer,
          r.subject.id,
          amountText(r),
          splitText(r),
          r.at,
          r.language,
        ]),
      ).toEqual([
        [
          "duplicate-charge",
          "c-sam",
          "o-1003",
          "40.00 EUR",
          ["cash 40.00 EUR"],
          "2026-11-04T08:00:09.000Z",
          "en",
        ],
        [
          "late-delivery",
          "c-anna",
          "o-1001",
          "4.99 EUR",
          ["card 4.99 EUR"],
          "2026-11-05T18:00:00.000Z",
          "sv",
        ],
        [
          "price-drop",
          "c-li",
          "o-1002",
          "20.00 EUR",
          ["card 15.35 EUR", "points 465 PTS"],
          "2026-11-09T09:00:00.000Z",
          "zh-CN",
        ],
        [
          "not-shipped",
          "c-anna",
          "o-1004",
          "79.00 EUR",
          ["card 79.00 EUR"],
          "2026-11-13T10:00:00.000Z",
          "sv",
        ],
        [
          "price-drop",
          "c-sam",
          "o-1003",
          "6.00 EUR",
          ["card 6.00 EUR"],
          "2026-11-14T09:00:00.000Z",
          "en",
        ],
      ]);
      expect(new Set(rs.map((r) => r.key)).size).toBe(rs.length);
      expect(rs.every((r) => !r.approval.required)).toBe(true);
    });

    it("give the same remedies when replayed in two batches", () => {
      const events = sampleEvents("retail");
      const engine = engineFor("retail");
      const out = [
        ...engine.processAll(events.slice(0, 11)),
        ...engine.processAll(events.slice(11)),
      ];
      expect(remediesOf(out).map((r) => r.key)).toEqual(remedies(events).map((r) => r.key));
    });
  });

  describe("late delivery refunds shipping", () => {
    const due = "2026-11-05T18:00:00Z";
    const base = () => [
      placed("o-1", "2026-11-02T10:00:00Z"),
      order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
    ];

    it("does not refund a parcel delivered exactly at the promised time", () => {
      const rs = remedies(
        [...base(), order("order.delivered", "o-1", due)],
        "2026-12-01T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });

    it("refunds the shipping of a parcel delivered one minute late", () => {
      const rs = remedies([...base(), order("order.delivered", "o-1", "2026-11-05T18:01:00Z")]);
      expect(rs.map((r) => [r.promise, r.customer, amountText(r), splitText(r), r.at])).toEqual([
        ["late-delivery", "c-1", "5.00 EUR", ["card 5.00 EUR"], "2026-11-05T18:00:00.000Z"],
      ]);
    });

    it("refunds as soon as the promised time passes, before any delivery is reported", () => {
      const engine = engineFor("retail");
      expect(remediesOf(engine.processAll(base()))).toEqual([]);
      expect(remediesOf(engine.advanceTo(Date.parse(due)))).toEqual([]);
      const [r, ...rest] = remediesOf(engine.advanceTo(Date.parse(due) + 1));
      expect(rest).toEqual([]);
      expect(r?.promise).toBe("late-delivery");
      expect(r?.explanation.deadline).toEqual({
        expected: "order.delivered",
        by: "2026-11-05T18:00:00.000Z",
        passedAt: "2026-11-05T18:00:00.000Z",
      });
      expect(r?.dueBy).toBe("2026-11-06T18:00:00.000Z");
      // The parcel turning up later changes nothing and refunds nothing twice.
      const later = engine.process(order("order.delivered", "o-1", "2026-11-07T09:00:00Z"));
      expect(remediesOf(later)).toEqual([]);
    });

    it("splits the shipping refund over card and points exactly", () => {
      const rs = remedies(
        [
          placed("o-2", "2026-11-02T10:00:00Z", "c-2", {
            items: [{ sku: "chair", kind: "physical", price: "120.00" }],
            shipping: "9.99",
            payments: [
              { method: "card", amount: "89.99" },
              { method: "points", amount: "4000" },
            ],
          }),
          order("order.shipped", "o-2", "2026-11-03T10:00:00Z", "c-2"),
        ],
        "2026-11-06T00:00:00Z",
      );
      // 9.99 over 89.99 cash and 40.00 of points: 6.92 to the card, 3.07 worth of points (307).
      expect(rs.map((r) => [r.promise, amountText(r), splitText(r)])).toEqual([
        ["late-delivery", "9.99 EUR", ["card 6.92 EUR", "points 307 PTS"]],
      ]);
    });

    it("has nothing to refund when shipping was free, and ignores orders without a promised date", () => {
      const rs = remedies(
        [
          placed("o-3", "2026-11-02T10:00:00Z", "c-3", {
            shipping: "0.00",
            payments: [{ method: "card", amount: "40.00" }],
          }),
          placed("o-4", "2026-11-02T10:00:00Z", "c-4", { promisedDeliveryBy: null }),
          order("order.shipped", "o-3", "2026-11-03T10:00:00Z", "c-3"),
          order("order.shipped", "o-4", "2026-11-03T10:00:00Z", "c-4"),
        ],
        "2026-11-30T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });

    it("does not treat a cancelled order as late", () => {
      const rs = remedies(
        [
          ...base(),
          order("order.cancelled", "o-1", "2026-11-04T10:00:00Z", "c-1", {
            reason: "customer request",
          }),
        ],
        "2026-11-30T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });
  });

  describe("price drop within 14 days refunds the difference", () => {
    const buy = (o: string, customer: string, time: string, quantity = 1) =>
      placed(o, time, customer, {
        items: [{ sku: "kettle", kind: "physical", price: "49.00", quantity }],
        shipping: "0.00",
        payments: [{ method: "card", amount: (49 * quantity).toFixed(2) }],
      });
    const shipped = (o: string, customer: string) =>
      order("order.shipped", o, "2026-11-02T12:00:00Z", customer);

    it("refunds (paid - new price) × quantity to the buyer", () => {
      const rs = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z", 2),
        shipped("o-1", "c-1"),
        price("kettle", "44.50", "2026-11-05T09:00:00Z"),
      ]);
      expect(
        rs.map((r) => [r.promise, r.customer, r.subject.id, amountText(r), splitText(r)]),
      ).toEqual([["price-drop", "c-1", "o-1", "9.00 EUR", ["card 9.00 EUR"]]]);
    });

    it("still refunds at exactly 14 days, and not on day 15", () => {
      const at14 = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z"),
        shipped("o-1", "c-1"),
        price("kettle", "45.00", "2026-11-16T10:00:00Z"),
      ]);
      expect(at14.map((r) => [r.promise, amountText(r)])).toEqual([["price-drop", "4.00 EUR"]]);
      const just = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z"),
        shipped("o-1", "c-1"),
        price("kettle", "45.00", "2026-11-16T10:01:00Z"),
      ]);
      expect(just).toEqual([]);
      const day15 = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z"),
        shipped("o-1", "c-1"),
        price("kettle", "45.00", "2026-11-17T09:00:00Z"),
      ]);
      expect(day15).toEqual([]);
    });

    it("pays a second drop to the same price once, and only the further difference on a deeper drop", () => {
      const drop = price("kettle", "45.00", "2026-11-05T09:00:00Z");
      const rs = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z"),
        shipped("o-1", "c-1"),
        drop,
        drop, // the same event re-delivered
        price("kettle", "45.00", "2026-11-06T09:00:00Z"), // another notice of the same price
        price("kettle", "47.00", "2026-11-07T09:00:00Z"), // a rise: nothing to pay
        price("kettle", "45.00", "2026-11-08T09:00:00Z"), // back down to a price already paid for
        price("kettle", "46.00", "2026-11-08T12:00:00Z"), // above what the buyer now has paid
        price("kettle", "41.50", "2026-11-09T09:00:00Z"), // deeper: 3.50 more
      ]);
      expect(rs.map((r) => [r.at, amountText(r)])).toEqual([
        ["2026-11-05T09:00:00.000Z", "4.00 EUR"],
        ["2026-11-09T09:00:00.000Z", "3.50 EUR"],
      ]);
    });

    it("reaches every recent buyer of the sku, each for their own purchase", () => {
      const rs = remedies([
        buy("o-3", "c-3", "2026-10-20T10:00:00Z"), // bought 16 days before the drop
        order("order.shipped", "o-3", "2026-10-21T10:00:00Z", "c-3"),
        buy("o-1", "c-1", "2026-11-01T10:00:00Z"),
        shipped("o-1", "c-1"),
        buy("o-2", "c-2", "2026-11-03T10:00:00Z", 3),
        order("order.shipped", "o-2", "2026-11-03T10:30:00Z", "c-2"),
        placed("o-4", "2026-11-03T11:00:00Z", "c-4", {
          items: [{ sku: "toaster", kind: "physical", price: "49.00" }],
          shipping: "0.00",
          payments: [{ method: "card", amount: "49.00" }],
        }),
        order("order.shipped", "o-4", "2026-11-03T12:00:00Z", "c-4"),
        price("kettle", "39.00", "2026-11-05T09:00:00Z"),
      ]);
      expect(rs.map((r) => [r.customer, r.subject.id, amountText(r)])).toEqual([
        ["c-1", "o-1", "10.00 EUR"],
        ["c-2", "o-2", "30.00 EUR"],
      ]);
    });

    it("splits the difference over card and points", () => {
      const rs = remedies([
        placed("o-1", "2026-11-02T12:00:00Z", "c-li", {
          items: [{ sku: "headphones", kind: "physical", price: "129.00" }],
          shipping: "0.00",
          payments: [
            { method: "card", amount: "99.00" },
            { method: "points", amount: "3000" },
          ],
        }),
        order("order.shipped", "o-1", "2026-11-03T12:00:00Z", "c-li"),
        price("headphones", "109.00", "2026-11-09T09:00:00Z"),
      ]);
      // 20.00 over 99.00 cash and 30.00 of points: 15.35 to the card, 4.65 as 465 points.
      expect(rs.map((r) => [amountText(r), splitText(r)])).toEqual([
        ["20.00 EUR", ["card 15.35 EUR", "points 465 PTS"]],
      ]);
    });

    it("ignores a price in another currency", () => {
      const rs = remedies([
        buy("o-1", "c-1", "2026-11-02T10:00:00Z"),
        shipped("o-1", "c-1"),
        price("kettle", "30.00", "2026-11-05T09:00:00Z", "GBP"),
      ]);
      expect(rs).toEqual([]);
    });
  });

  describe("a duplicate charge is refunded", () => {
    it("refunds the second charge of the same amount, as money", () => {
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z"),
        charge("o-1", "ch-2", "45.00", "2026-11-02T10:00:07Z"),
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(
        rs.map((r) => [r.promise, r.customer, r.incident, amountText(r), splitText(r)]),
      ).toEqual([
        ["duplicate-charge", "c-1", "order:o-1:payment:ch-2", "45.00 EUR", ["cash 45.00 EUR"]],
      ]);
    });

    it("refunds nothing for a single charge, or for the same charge reported again", () => {
      const first = charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z");
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        first,
        first,
        charge("o-1", "ch-1", "45.00", "2026-11-02T10:05:00Z"), // same payment, new event id
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs).toEqual([]);
    });

    it("refunds each extra charge once, keyed by payment", () => {
      const second = charge("o-1", "ch-2", "45.00", "2026-11-02T10:00:07Z");
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z"),
        second,
        second,
        charge("o-1", "ch-3", "45.00", "2026-11-02T10:01:00Z"),
        charge("o-1", "ch-2", "45.00", "2026-11-02T10:02:00Z"),
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs.map((r) => [r.incident, amountText(r)])).toEqual([
        ["order:o-1:payment:ch-2", "45.00 EUR"],
        ["order:o-1:payment:ch-3", "45.00 EUR"],
      ]);
    });

    it("compares a card-and-points order with its card part only", () => {
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z", "c-1", {
          payments: [
            { method: "card", amount: "25.00" },
            { method: "points", amount: "2000" },
          ],
        }),
        charge("o-1", "ch-1", "25.00", "2026-11-02T10:00:02Z"),
        charge("o-1", "ch-2", "25.00", "2026-11-02T10:00:04Z"),
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs.map((r) => [r.promise, amountText(r), splitText(r)])).toEqual([
        ["duplicate-charge", "25.00 EUR", ["cash 25.00 EUR"]],
      ]);
    });

    it("refunds a smaller extra card charge on a card-and-points order", () => {
      // 45.00 order: 25.00 by card, the rest in points. The card is charged 25.00, then 15.00
      // more: still under the order's total, but 15.00 more than the card was meant to pay.
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z", "c-1", {
          payments: [
            { method: "card", amount: "25.00" },
            { method: "points", amount: "2000" },
          ],
        }),
        charge("o-1", "ch-1", "25.00", "2026-11-02T10:00:02Z"),
        charge("o-1", "ch-2", "15.00", "2026-11-02T10:00:04Z"),
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs.map((r) => [r.incident, amountText(r), splitText(r)])).toEqual([
        ["order:o-1:payment:ch-2", "15.00 EUR", ["cash 15.00 EUR"]],
      ]);
    });

    it("refunds only the excess of a charge that was partly owed", () => {
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        charge("o-1", "ch-1", "30.00", "2026-11-02T10:00:02Z"),
        charge("o-1", "ch-2", "25.00", "2026-11-02T10:00:04Z"), // 55.00 taken for a 45.00 order
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs.map((r) => [r.incident, amountText(r)])).toEqual([
        ["order:o-1:payment:ch-2", "10.00 EUR"],
      ]);
    });
  });

  describe("paid but not shipped within 3 days is refunded in full", () => {
    const paid = () =>
      placed("o-1", "2026-11-02T10:00:00Z", "c-1", {
        items: [{ sku: "sofa-cover", kind: "physical", price: "60.00" }],
        shipping: "0.00",
        payments: [
          { method: "card", amount: "45.00" },
          { method: "points", amount: "1500" },
        ],
        promisedDeliveryBy: "2026-11-09T18:00:00Z",
      });

    it("refunds the whole order to card and points once 72 hours pass unshipped", () => {
      const rs = remedies([paid()], "2026-11-05T10:01:00Z");
      expect(rs.map((r) => [r.promise, r.customer, amountText(r), splitText(r), r.at])).toEqual([
        [
          "not-shipped",
          "c-1",
          "60.00 EUR",
          ["card 45.00 EUR", "points 1500 PTS"],
          "2026-11-05T10:00:00.000Z",
        ],
      ]);
    });

    it("watches a book with a promised delivery date, but not a line that never ships", () => {
      const book = (o: string, customer: string, promisedDeliveryBy: string | null) =>
        placed(o, "2026-11-02T10:00:00Z", customer, {
          items: [
            { sku: `bk-${o}`, kind: "book", workId: "w-dune", title: "Dune", price: "12.00" },
          ],
          shipping: "0.00",
          payments: [{ method: "card", amount: "12.00" }],
          promisedDeliveryBy,
        });
      const rs = remedies(
        [book("o-1", "c-1", "2026-11-09T18:00:00Z"), book("o-2", "c-2", null)],
        "2026-11-06T00:00:00Z",
      );
      expect(rs.map((r) => [r.promise, r.customer, amountText(r)])).toEqual([
        ["not-shipped", "c-1", "12.00 EUR"],
      ]);
    });

    it("does nothing when the order ships just before the 72 hours are up", () => {
      const rs = remedies(
        [paid(), order("order.shipped", "o-1", "2026-11-05T09:59:00Z")],
        "2026-11-30T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });

    it("does nothing for a cancelled order, a download, or an order reported delivered", () => {
      const rs = remedies(
        [
          paid(),
          order("order.cancelled", "o-1", "2026-11-03T10:00:00Z", "c-1", {
            reason: "customer request",
          }),
          placed("o-2", "2026-11-02T10:00:00Z", "c-2", {
            items: [{ sku: "ebook-dune", kind: "digital", workId: "w-dune", price: "9.99" }],
            shipping: "0.00",
            payments: [{ method: "card", amount: "9.99" }],
            promisedDeliveryBy: null,
          }),
          placed("o-3", "2026-11-02T10:00:00Z", "c-3", {
            promisedDeliveryBy: "2026-11-06T18:00:00Z",
          }),
          order("order.delivered", "o-3", "2026-11-04T10:00:00Z", "c-3"),
        ],
        "2026-11-30T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });

    it("caps the full refund at what is left after an earlier price-drop refund", () => {
      const rs = remedies(
        [paid(), price("sofa-cover", "50.00", "2026-11-03T09:00:00Z")],
        "2026-11-06T00:00:00Z",
      );
      expect(rs.map((r) => [r.promise, amountText(r), splitText(r)])).toEqual([
        ["price-drop", "10.00 EUR", ["card 7.50 EUR", "points 250 PTS"]],
        ["not-shipped", "50.00 EUR", ["card 37.50 EUR", "points 1250 PTS"]],
      ]);
      const capped = rs[1]?.explanation.capped;
      expect(capped && [toDecimalString(capped.from), toDecimalString(capped.to)]).toEqual([
        "60.00",
        "50.00",
      ]);
    });

    it("refunds shipping first when the promised date is earlier, then the rest", () => {
      const rs = remedies(
        [
          placed("o-1", "2026-11-02T10:00:00Z", "c-1", {
            promisedDeliveryBy: "2026-11-03T18:00:00Z",
          }),
          charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z"),
        ],
        "2026-11-10T00:00:00Z",
      );
      expect(rs.map((r) => [r.promise, amountText(r), r.at])).toEqual([
        ["late-delivery", "5.00 EUR", "2026-11-03T18:00:00.000Z"],
        ["not-shipped", "40.00 EUR", "2026-11-05T10:00:00.000Z"],
      ]);
    });
  });

  describe("known gaps in the engine's vocabulary (see the pack's report)", () => {
    it("does not refund a price drop on an order that was cancelled", () => {
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        order("order.cancelled", "o-1", "2026-11-02T11:00:00Z"),
        price("lamp", "30.00", "2026-11-03T10:00:00Z"),
      ]);
      expect(rs).toEqual([]);
    });
  });

  describe("events that arrive before their order", () => {
    // The payment provider and the warehouse report on their own: their events can reach us
    // before the shop's `order.placed`. They wait for the order, then count as if in order.
    const early = () => [
      charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z"),
      placed("o-1", "2026-11-02T10:00:00Z"),
      charge("o-1", "ch-2", "45.00", "2026-11-02T10:00:07Z"),
    ];

    it("detects a duplicate charge when the first charge arrived before the order", () => {
      expect(remedies(early()).map((r) => [r.promise, r.incident, amountText(r)])).toEqual([
        ["duplicate-charge", "order:o-1:payment:ch-2", "45.00 EUR"],
      ]);
    });

    it("a delivery reported before the order keeps the deadline from firing; a late one pays", () => {
      const onTime = remedies(
        [
          order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
          order("order.delivered", "o-1", "2026-11-04T10:00:00Z"),
          placed("o-1", "2026-11-02T10:00:00Z"),
        ],
        "2026-11-20T00:00:00Z",
      );
      expect(onTime).toEqual([]);
      const late = remedies(
        [
          order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
          order("order.delivered", "o-1", "2026-11-07T10:00:00Z"),
          placed("o-1", "2026-11-02T10:00:00Z"),
        ],
        "2026-11-20T00:00:00Z",
      );
      expect(late.map((r) => [r.promise, amountText(r)])).toEqual([["late-delivery", "5.00 EUR"]]);
    });

    it("lets an event go when its order has not come within seven days of event time", () => {
      const rs = remedies([
        charge("o-1", "ch-1", "45.00", "2026-11-02T10:00:02Z"),
        charge("o-9", "ch-9", "1.00", "2026-11-09T10:00:03Z"), // a week passes
        placed("o-1", "2026-11-02T10:00:00Z"),
        charge("o-1", "ch-2", "45.00", "2026-11-09T10:00:07Z"),
      ]);
      expect(rs.filter((r) => r.promise === "duplicate-charge")).toEqual([]);
    });

    it("a re-sent early event changes nothing, and a snapshot taken while it waits resumes exactly", () => {
      const events = early();
      const whole = remedies([events[0], ...events] as EngineEvent[]);
      const engine = engineFor("retail");
      const before = engine.processAll(events.slice(0, 1));
      const resumed = Engine.restore(engine.documents, engine.snapshot());
      const after = resumed.processAll([events[0], ...events.slice(1)] as EngineEvent[]);
      expect(remediesOf([...before, ...after])).toEqual(whole);
      expect(whole).toHaveLength(1);
    });
  });

  describe("out-of-order-ish streams", () => {
    it("accepts a delivery reported before the shipping scan", () => {
      const rs = remedies(
        [
          placed("o-1", "2026-11-02T10:00:00Z"),
          order("order.delivered", "o-1", "2026-11-04T12:00:00Z"),
          order("order.shipped", "o-1", "2026-11-04T12:05:00Z"),
        ],
        "2026-11-30T00:00:00Z",
      );
      expect(rs).toEqual([]);
    });

    it("is decided by stream order: a delivery that arrives after the deadline has passed comes too late", () => {
      // Another customer's event moves the stream past o-1's deadline first; the refund is
      // already decided when the (back-dated) delivery of o-1 arrives.
      const rs = remedies([
        placed("o-1", "2026-11-02T10:00:00Z"),
        order("order.shipped", "o-1", "2026-11-03T10:00:00Z"),
        price("unrelated-sku", "1.00", "2026-11-05T18:30:00Z"),
        order("order.delivered", "o-1", "2026-11-05T18:40:00Z", "c-1", {
          deliveredAt: "2026-11-05T17:50:00Z",
        }),
      ]);
      expect(rs.map((r) => [r.promise, r.subject.id])).toEqual([["late-delivery", "o-1"]]);
    });
  });
});
