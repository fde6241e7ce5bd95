import { readFileSync } from "node:fs";
import { loadPromises } from "@goodfaith/core";
import { Ingestor, openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { tempDb } from "../../../../test/support/cli.js";
import { PACKS_DIR } from "./packs.js";
import { summarize } from "./summary.js";
import { toldFirst } from "./told-first.js";

const T = (s: string) => Date.parse(`2026-02-0${s}Z`);

describe("told first", () => {
  it("counts a problem as told first only when its first remedy came strictly before the first contact about it", () => {
    const result = toldFirst(
      [
        { customer: "c-1", subject: { type: "booking", id: "B1" }, at: T("1T10:00:00") },
        // A second remedy of the same booking later: the first one counts.
        { customer: "c-1", subject: { type: "booking", id: "B1" }, at: T("3T10:00:00") },
        { customer: "c-2", subject: { type: "order", id: "O2" }, at: T("1T10:00:00") },
        { customer: "c-3", subject: { type: "order", id: "O3" }, at: T("1T10:00:00") },
        { customer: "c-4", subject: { type: "order", id: "O4" }, at: T("1T10:00:00") },
        // Not a booking or an order: a support contact's own apology is no problem to ask about.
        { customer: "c-5", subject: { type: "contact", id: "ct-1" }, at: T("1T10:00:00") },
      ],
      [
        // c-1 called after the refund, twice: told first.
        { customer: "c-1", booking: "B1", at: T("2T09:00:00") },
        { customer: "c-1", booking: "B1", at: T("4T09:00:00") },
        // c-2 asked before we acted: not told first, however many later contacts.
        { customer: "c-2", order: "O2", at: T("1T09:00:00") },
        { customer: "c-2", order: "O2", at: T("2T09:00:00") },
        // c-3 contacted at the very same instant: they did not hear it from us first.
        { customer: "c-3", order: "O3", at: T("1T10:00:00") },
        // Someone else asking about c-4's order is not c-4 contacting us; c-4 never did.
        { customer: "c-9", order: "O4", at: T("2T09:00:00") },
      ],
    );
    expect(result).toEqual({ problems: 4, contacted: 3, toldFirst: 1, uncontacted: 1 });
  });

  it("is worked out from what the store recorded after a real ingest", async () => {
    const file = `${PACKS_DIR}retail/promises.yaml`;
    const doc = loadPromises(readFileSync(file, "utf8"), file);
    if (!doc.ok) throw new Error("the retail pack does not load");
    const order = (id: string, customer: string, at: string) => ({
      id: `shop-${id}`,
      type: "order.placed",
      time: at,
      customer,
      data: {
        order: id,
        currency: "EUR",
        items: [{ sku: "kettle", kind: "physical", price: "49.00" }],
        shipping: "4.99",
        total: "53.99",
        payments: [{ method: "card", amount: "53.99" }],
        promisedDeliveryBy: "2026-02-05T18:00:00Z",
      },
    });
    const shipped = (id: string, customer: string) => ({
      id: `wms-${id}`,
      type: "order.shipped",
      time: "2026-02-02T12:00:00Z",
      customer,
      data: { order: id },
    });
    const contact = (n: number, customer: string, orderId: string, at: string) => ({
      id: `cc-${n}`,
      type: "support.contact",
      time: at,
      customer,
      data: {
        contact: `ct-${n}`,
        channel: "chat",
        waitedSeconds: 30,
        topic: "delivery",
        resolved: true,
        order: orderId,
      },
    });
    // Three parcels promised for 5 February 18:00, none delivered: three late-delivery
    // refunds at the deadline. Anna asks on the morning of the 5th (before), Björn on the
    // 6th (after), Chen never.
    const events = [
      order("o-1", "c-anna", "2026-02-01T10:00:00Z"),
      order("o-2", "c-bjorn", "2026-02-01T11:00:00Z"),
      order("o-3", "c-chen", "2026-02-01T12:00:00Z"),
      shipped("o-1", "c-anna"),
      shipped("o-2", "c-bjorn"),
      shipped("o-3", "c-chen"),
      contact(1, "c-anna", "o-1", "2026-02-05T09:00:00Z"),
      contact(2, "c-bjorn", "o-2", "2026-02-06T09:00:00Z"),
    ];
    const store = await openStore(tempDb());
    try {
      const ingestor = await Ingestor.open(store, [doc.value]);
      const result = await ingestor.ingest(events);
      expect(result.rejected).toEqual([]);
      const summary = await summarize(store, ["late-delivery"]);
      expect(summary.byPromise["late-delivery"]).toMatchObject({
        remedies: 3,
        money: [{ amount: "14.97", currency: "EUR" }],
      });
      expect(summary.toldFirst).toEqual({
        problems: 3,
        contacted: 2,
        toldFirst: 1,
        uncontacted: 1,
      });
    } finally {
      await store.close();
    }
  });
});
