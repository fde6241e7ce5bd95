import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness } from "../../test/harness.js";

const ORDER_COMPLETED = {
  type: "track",
  event: "Order Completed",
  messageId: "seg-1",
  timestamp: "2026-11-02T09:00:00Z",
  userId: "c-seg",
  properties: {
    order_id: "o-seg",
    total: 9.99,
    currency: "EUR",
    products: [{ product_id: "ebook-1", kind: "digital", name: "An e-book", price: 9.99 }],
  },
};

type IngestBody = {
  accepted: number;
  rejected: { index: number; issues: { path: string; code: string }[] }[];
};

describe("Segment and CloudEvents", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("maps a Segment batch onto the event contract", async () => {
    const res = await h.call("/v1/segment", {
      as: "ingest",
      json: {
        batch: [
          {
            type: "identify",
            messageId: "seg-0",
            timestamp: "2026-11-01T09:00:00Z",
            userId: "c-seg",
            traits: { firstName: "Ada", lastName: "L", email: "ada@example.com" },
          },
          ORDER_COMPLETED,
          {
            type: "track",
            event: "Product Viewed",
            messageId: "seg-2",
            timestamp: "2026-11-02T10:00:00Z",
            userId: "c-seg",
            properties: { sku: "x" },
          },
          { type: "page", messageId: "seg-3" },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as IngestBody;
    expect(body.accepted).toBe(3);
    expect(body.rejected).toEqual([
      { index: 3, issues: [expect.objectContaining({ path: "type", code: "event.invalid_enum" })] },
    ]);
    const types = [];
    for await (const { event } of h.store.readEvents()) types.push([event.id, event.type]);
    expect(types).toEqual([
      ["seg-0", "customer.updated"],
      ["seg-1", "order.placed"],
      ["seg-2", "segment.product_viewed"],
    ]);
    expect((await h.store.getCustomerData("c-seg")).find((d) => d.field === "name")?.value).toBe(
      "Ada L",
    );
    // The mapped order feeds the guard like a native one.
    const guard = await h.call("/v1/guard/check", {
      as: "guard",
      json: { customer: "c-seg", items: [{ sku: "ebook-1", kind: "digital" }] },
    });
    expect(
      ((await guard.json()) as { warnings: { code: string }[] }).warnings.map((w) => w.code),
    ).toEqual(["already_owned"]);
  });

  it("locates what a Segment call lacks in Goodfaith's field names", async () => {
    const { order_id: _id, ...properties } = ORDER_COMPLETED.properties;
    const res = await h.call("/v1/segment", {
      as: "ingest",
      json: { ...ORDER_COMPLETED, properties },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { rejected: IngestBody["rejected"] };
    expect(problem.rejected[0]?.issues.map((i) => i.path)).toContain("data.order");
  });

  it("takes CloudEvents in structured and batch mode", async () => {
    const ce = (id: string) => ({
      specversion: "1.0",
      id,
      source: "/shop",
      type: "goodfaith.order.delivered",
      time: "2026-11-06T12:30:00Z",
      customer: "c-1",
      data: { order: "o-1" },
    });
    const one = await h.call("/v1/cloudevents", {
      as: "ingest",
      body: JSON.stringify(ce("1")),
      headers: { "content-type": "application/cloudevents+json" },
    });
    expect(((await one.json()) as IngestBody).accepted).toBe(1);
    const batch = await h.call("/v1/cloudevents", {
      as: "ingest",
      body: JSON.stringify([
        ce("1"),
        ce("2"),
        { specversion: "0.3", id: "3", source: "/shop", type: "x" },
      ]),
      headers: { "content-type": "application/cloudevents-batch+json" },
    });
    const body = (await batch.json()) as IngestBody & { duplicates: number };
    expect(body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(body.rejected.map((r) => [r.index, r.issues[0]?.path])).toEqual([[2, "specversion"]]);
    const ids = [];
    for await (const { event } of h.store.readEvents()) ids.push(`${event.id} ${event.type}`);
    expect(ids).toEqual(["1@/shop order.delivered", "2@/shop order.delivered"]);
  });

  it("refuses the wrong media type and a batch that is not an array", async () => {
    expect((await h.call("/v1/cloudevents", { as: "ingest", json: {} })).status).toBe(415);
    expect(
      (
        await h.call("/v1/segment", {
          as: "ingest",
          body: "{}",
          headers: { "content-type": "text/plain" },
        })
      ).status,
    ).toBe(415);
    const notArray = await h.call("/v1/cloudevents", {
      as: "ingest",
      body: "{}",
      headers: { "content-type": "application/cloudevents-batch+json" },
    });
    expect(notArray.status).toBe(400);
  });
});
