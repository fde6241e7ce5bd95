import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, retailEvents } from "../../test/harness.js";

const delivered = (id: string, order = "o-1") => ({
  id,
  type: "order.delivered",
  time: "2026-11-06T12:30:00Z",
  customer: "c-1",
  data: { order },
});

describe("POST /v1/events", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("stores one event, and the same id again as a duplicate", async () => {
    const first = await h.call("/v1/events", { as: "ingest", json: delivered("e1") });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      accepted: 1,
      duplicates: 0,
      rejected: [],
      lastSeq: 1,
    });
    const again = await h.call("/v1/events", { as: "ingest", json: delivered("e1") });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await h.store.countEvents()).toBe(1);
  });

  it("answers requests written together each with its own counts, rejections and lastSeq", async () => {
    const bodies = [
      [delivered("e1"), { id: "e2", type: "order.delivered", time: "yesterday", data: {} }],
      delivered("e3"),
      [delivered("e4"), delivered("e1")],
      delivered("e5"),
    ];
    const writes: number[] = [];
    const append = h.store.appendEvents.bind(h.store);
    h.store.appendEvents = (events) => {
      writes.push(events.length);
      return append(events);
    };
    const answers = await Promise.all(
      bodies.map(async (json) => (await h.call("/v1/events", { as: "ingest", json })).json()),
    );
    expect(answers).toMatchObject([
      { accepted: 1, duplicates: 0, rejected: [{ index: 1 }], lastSeq: 1 },
      { accepted: 1, duplicates: 0, rejected: [], lastSeq: 2 },
      { accepted: 1, duplicates: 1, rejected: [], lastSeq: 3 },
      { accepted: 1, duplicates: 0, rejected: [], lastSeq: 4 },
    ]);
    expect(writes).toEqual([5]); // one write: the requests waited for the same turn
    expect(await h.store.countEvents()).toBe(4);
  });

  it("keeps the valid events of an array and locates each invalid one", async () => {
    const res = await h.call("/v1/events", {
      as: "ingest",
      json: [
        delivered("e1"),
        { id: "e2", type: "order.delivered", time: "yesterday", data: {} },
        delivered("e3"),
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      accepted: number;
      rejected: { index: number; issues: { path: string; message: string }[] }[];
    };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1]);
    expect(body.rejected[0]?.issues.map((i) => i.path)).toContain("time");
    expect(await h.store.countEvents()).toBe(2);
  });

  it("reads NDJSON and reports lines, in the Accept-Language", async () => {
    const ndjson = [
      JSON.stringify(delivered("e1")),
      "",
      "{not json",
      JSON.stringify(delivered("e2")),
    ].join("\n");
    const res = await h.call("/v1/events", {
      as: "ingest",
      body: `${ndjson}\n`,
      headers: { "content-type": "application/x-ndjson", "accept-language": "sv-SE" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      accepted: number;
      rejected: {
        index: number;
        line: number;
        issues: { code: string; column?: number; message: string }[];
      }[];
    };
    expect(body.accepted).toBe(2);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]).toMatchObject({ index: 1, line: 3 });
    expect(body.rejected[0]?.issues[0]).toMatchObject({ code: "event.invalid_json", column: 2 });
    // The Swedish catalog, not the English one.
    expect(body.rejected[0]?.issues[0]?.message).not.toMatch(/JSON is not valid|expected/i);
  });

  it("keeps events of types the contract does not define, and says which", async () => {
    const res = await h.call("/v1/events", {
      as: "ingest",
      json: [
        delivered("e1"),
        { ...delivered("e2"), type: "order.deliverd" },
        { ...delivered("e3"), type: "order.deliverd" },
        { ...delivered("e4"), type: "acme.loyalty_checked" },
      ],
    });
    const body = (await res.json()) as { accepted: number; unknownTypes?: unknown };
    expect(body.accepted).toBe(4);
    expect(body.unknownTypes).toEqual([
      { type: "acme.loyalty_checked", count: 1 },
      { type: "order.deliverd", count: 2 },
    ]);
    // Only when there are some.
    const known = await h.call("/v1/events", { as: "ingest", json: delivered("e5") });
    expect(await known.json()).not.toHaveProperty("unknownTypes");
  });

  it("ingests the retail pack over HTTP and records its remedies", async () => {
    const res = await h.call("/v1/events", {
      as: "ingest",
      body: await retailEvents(),
      headers: { "content-type": "application/x-ndjson" },
    });
    const body = (await res.json()) as {
      accepted: number;
      rejected: unknown[];
      remedies: { created: number };
    };
    expect(res.status).toBe(200);
    expect(body.rejected).toEqual([]);
    expect(body.accepted).toBeGreaterThan(10);
    expect(body.remedies.created).toBeGreaterThan(0);
    const metrics = await (await h.call("/metrics")).text();
    expect(metrics).toContain(`goodfaith_events_ingested_total ${body.accepted}`);
    expect(metrics).toContain(`goodfaith_remedies_created_total ${body.remedies.created}`);
  });

  it("answers 422 with every rejection when nothing is accepted", async () => {
    const res = await h.call("/v1/events", { as: "ingest", json: [{ id: "" }, 42] });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { code: string; rejected: { index: number }[] };
    expect(problem.code).toBe("events_rejected");
    expect(problem.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(await h.store.countEvents()).toBe(0);
  });

  it("locates malformed JSON by line and column", async () => {
    const res = await h.call("/v1/events", {
      as: "ingest",
      body: '[\n  {"id": "e1",,}\n]',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; detail: string; issues: unknown[] };
    expect(problem.code).toBe("invalid_json");
    expect(problem.detail).toContain("line 2");
    // The place, for programs as well as people.
    expect(problem.issues).toEqual([
      { code: "request.invalid_json", path: "", line: 2, column: 15, message: "is not valid JSON" },
    ]);
    // An error V8 names no position for is still found where it is, not at the end.
    const token = await h.call("/v1/events", {
      as: "ingest",
      body: '{"a": x, "b": 1}',
      headers: { "content-type": "application/json" },
    });
    expect(((await token.json()) as { issues: unknown[] }).issues).toMatchObject([
      { line: 1, column: 7 },
    ]);
  });

  it("refuses other media types (415), too many events and too large bodies (413)", async () => {
    const form = await h.call("/v1/events", {
      as: "ingest",
      body: "a=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const small = await harness({ maxEventsPerRequest: 2, bodyLimitBytes: 2000 });
    try {
      const many = await small.call("/v1/events", {
        as: "ingest",
        json: [delivered("a"), delivered("b"), delivered("c")],
      });
      expect(many.status).toBe(413);
      expect(((await many.json()) as { code: string }).code).toBe("too_many_events");
      const big = await small.call("/v1/events", {
        as: "ingest",
        json: [{ ...delivered("a"), data: { order: "x".repeat(3000) } }],
      });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { code: string }).code).toBe("body_too_large");
      expect(await small.store.countEvents()).toBe(0);
    } finally {
      await small.close();
    }
  });
});
