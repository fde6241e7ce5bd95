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
  rejected: { index: number; issues: { path: string; code: string; message: string }[] }[];
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

  it("says what an item that is no call or event is, in the caller's language", async () => {
    const expected = ["fick ett heltal", "fick en lista", "fick null"];
    for (const [path, type] of [
      ["/v1/segment", "application/json"],
      ["/v1/cloudevents", "application/cloudevents-batch+json"],
    ]) {
      const res = await h.call(path as string, {
        as: "ingest",
        body: "[5, [], null]",
        headers: { "content-type": type as string, "accept-language": "sv" },
      });
      expect(res.status).toBe(422);
      const { rejected } = (await res.json()) as { rejected: IngestBody["rejected"] };
      expect(rejected.map((r) => r.issues[0]?.message)).toEqual(
        expected.map((kind) => `förväntade ett händelseobjekt, ${kind}`),
      );
    }
  });

  it("names every attribute a CloudEvent gets wrong at once", async () => {
    const res = await h.call("/v1/cloudevents", {
      as: "ingest",
      body: JSON.stringify({ specversion: "0.3", id: "1" }),
      headers: { "content-type": "application/cloudevents+json" },
    });
    const { rejected } = (await res.json()) as { rejected: IngestBody["rejected"] };
    expect(rejected[0]?.issues.map((i) => i.path)).toEqual(["specversion", "source", "type"]);
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
    expect(((await notArray.json()) as { issues: unknown[] }).issues).toEqual([
      {
        code: "request.not_an_array",
        path: "",
        message: "batch mode expects a JSON array of CloudEvents",
      },
    ]);
  });

  describe("CloudEvents binary mode", () => {
    const HEADERS = {
      "ce-specversion": "1.0",
      "ce-id": "b-1",
      "ce-source": "/shop",
      "ce-type": "goodfaith.order.delivered",
      "ce-time": "2026-11-06T12:30:00Z",
      "ce-subject": "o-1",
      "ce-customer": "c-1",
      "content-type": "application/json",
    };
    const DATA = { order: "o-1" };
    const binary = (headers: Record<string, string> = HEADERS, body = JSON.stringify(DATA)) =>
      h.call("/v1/cloudevents", { as: "ingest", body, headers });
    type Problem = { code: string; detail: string; rejected: IngestBody["rejected"] };
    const storedEvents = async (store: Harness["store"]) => {
      const out = [];
      for await (const { event } of store.readEvents()) out.push(event);
      return out;
    };

    it("stores the same event as the same CloudEvent in structured mode", async () => {
      const res = await binary();
      expect(res.status).toBe(200);
      expect(((await res.json()) as IngestBody).accepted).toBe(1);
      const structured = await harness();
      try {
        const one = await structured.call("/v1/cloudevents", {
          as: "ingest",
          body: JSON.stringify({
            specversion: "1.0",
            id: "b-1",
            source: "/shop",
            type: "goodfaith.order.delivered",
            time: "2026-11-06T12:30:00Z",
            subject: "o-1",
            customer: "c-1",
            datacontenttype: "application/json",
            data: DATA,
          }),
          headers: { "content-type": "application/cloudevents+json" },
        });
        expect(one.status).toBe(200);
        const [stored] = await storedEvents(h.store);
        expect(stored).toMatchObject({ id: "b-1@/shop", type: "order.delivered", customer: "c-1" });
        expect(await storedEvents(h.store)).toEqual(await storedEvents(structured.store));
      } finally {
        await structured.close();
      }
      // And it is the same event: sent again in structured mode, it is a duplicate.
      const again = await h.call("/v1/cloudevents", {
        as: "ingest",
        body: JSON.stringify({
          specversion: "1.0",
          id: "b-1",
          source: "/shop",
          type: "order.delivered",
          time: "2026-11-06T12:30:00Z",
          customer: "c-1",
          data: DATA,
        }),
        headers: { "content-type": "application/cloudevents+json" },
      });
      expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    });

    it("percent-decodes header values and reads a charset parameter", async () => {
      const res = await binary({
        ...HEADERS,
        "ce-source": "/shop%20eu",
        "content-type": "application/json; charset=utf-8",
      });
      expect(res.status).toBe(200);
      expect((await storedEvents(h.store)).map((e) => e.id)).toEqual(["b-1@/shop eu"]);
    });

    it("names the header of a missing or invalid attribute", async () => {
      const { "ce-type": _type, ...noType } = HEADERS;
      const missing = await binary(noType);
      expect(missing.status).toBe(422);
      const problem = (await missing.json()) as Problem;
      expect(problem.rejected).toEqual([
        {
          index: 0,
          issues: [expect.objectContaining({ path: "header ce-type", code: "event.required" })],
        },
      ]);
      const version = await binary({ ...HEADERS, "ce-specversion": "0.3" });
      expect(((await version.json()) as Problem).rejected[0]?.issues[0]).toMatchObject({
        path: "header ce-specversion",
        code: "event.invalid_enum",
      });
      const time = await binary({ ...HEADERS, "ce-time": "yesterday" });
      expect(time.status).toBe(422);
      expect(((await time.json()) as Problem).rejected[0]?.issues.map((i) => i.path)).toEqual([
        "header ce-time",
      ]);
      const undecodable = await binary({ ...HEADERS, "ce-customer": "c-%zz" });
      expect(((await undecodable.json()) as Problem).rejected[0]?.issues[0]).toMatchObject({
        path: "header ce-customer",
        code: "event.invalid",
      });
      // The data's issues stay where they are: the body is the data.
      const data = await binary(HEADERS, JSON.stringify({}));
      expect(((await data.json()) as Problem).rejected[0]?.issues.map((i) => i.path)).toEqual([
        "data.order",
      ]);
      expect(await h.store.countEvents()).toBe(0);
    });

    it("refuses data that is not JSON, and JSON that does not parse", async () => {
      const xml = await binary({ ...HEADERS, "content-type": "application/xml" }, "<order/>");
      expect(xml.status).toBe(415);
      expect(xml.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await xml.json()) as Problem;
      expect(problem.code).toBe("unsupported_media_type");
      expect(problem.detail).toBe("Send application/json, not application/xml.");
      const broken = await binary(HEADERS, "{");
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as Problem).code).toBe("invalid_json");
      // Without ce-* headers, plain JSON is no CloudEvent at all.
      const plain = await h.call("/v1/cloudevents", { as: "ingest", json: DATA });
      expect(plain.status).toBe(415);
      expect(((await plain.json()) as Problem).detail).toContain("ce-* headers");
    });

    it("keeps binary-mode events apart under one Idempotency-Key", async () => {
      const first = await binary({ ...HEADERS, "idempotency-key": "bin-1" });
      expect(first.status).toBe(200);
      // Same body, another event (ce-id): not a replay of the first.
      const other = await binary({ ...HEADERS, "ce-id": "b-2", "idempotency-key": "bin-1" });
      expect(other.status).toBe(422);
      expect(((await other.json()) as Problem).code).toBe("idempotency_key_reused");
      const replay = await binary({ ...HEADERS, "idempotency-key": "bin-1" });
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
    });
  });
});
