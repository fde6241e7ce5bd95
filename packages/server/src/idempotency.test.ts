import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awaitingRemedy, type Harness, harness } from "../test/harness.js";

const event = (id: string) => ({
  id,
  type: "order.delivered",
  time: "2026-11-06T12:30:00Z",
  customer: "c-1",
  data: { order: "o-1" },
});

describe("Idempotency-Key", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("replays the first response for the same request", async () => {
    const send = () =>
      h.call("/v1/events", {
        as: "ingest",
        json: event("e1"),
        headers: { "idempotency-key": "k-1" },
      });
    const first = await send();
    const firstBody = await first.text();
    const second = await send();
    expect(second.status).toBe(first.status);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    // The replay is the first answer (accepted: 1), not a new one (which would say duplicate).
    expect(await second.text()).toBe(firstBody);
    expect(JSON.parse(firstBody)).toMatchObject({ accepted: 1 });
  });

  it("refuses the same key with another body (422), and keys are per API key", async () => {
    await h.call("/v1/events", {
      as: "ingest",
      json: event("e1"),
      headers: { "idempotency-key": "k-1" },
    });
    const other = await h.call("/v1/events", {
      as: "ingest",
      json: event("e2"),
      headers: { "idempotency-key": "k-1" },
    });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe("idempotency_key_reused");
    expect(await h.store.countEvents()).toBe(1);
    const admin = await h.call("/v1/events", {
      as: "admin",
      json: event("e2"),
      headers: { "idempotency-key": "k-1" },
    });
    expect(admin.status).toBe(200);
  });

  it("replays a decision instead of answering 409 the second time", async () => {
    const key = await awaitingRemedy(h);
    const approve = () =>
      h.call(`/v1/remedies/${encodeURIComponent(key)}/approve`, {
        as: "agent",
        json: {},
        headers: { "idempotency-key": "decide-1" },
      });
    expect((await approve()).status).toBe(200);
    expect((await approve()).status).toBe(200);
    const moves = (await h.store.getRemedy(key))?.transitions.filter((t) => t.to === "approved");
    expect(moves).toHaveLength(1);
  });

  it("refuses a malformed key", async () => {
    const res = await h.call("/v1/events", {
      as: "ingest",
      json: event("e1"),
      headers: { "idempotency-key": "x".repeat(256) },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("idempotency_key_invalid");
  });
});
