import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

  it("keeps no 503: once the store is back, the same request with the same key does the work", async () => {
    // What better-sqlite3 throws when another writer holds the lock past the busy timeout.
    const busy = new Database.SqliteError("database is locked", "SQLITE_BUSY");
    vi.spyOn(h.store, "appendEvents").mockRejectedValueOnce(busy);
    const send = () =>
      h.call("/v1/events", {
        as: "ingest",
        json: event("e1"),
        headers: { "idempotency-key": "k" },
      });
    const first = await send();
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(await retry.json()).toMatchObject({ accepted: 1 });
  });

  it("replays a problem in the language it was given in, saying so", async () => {
    const send = (lang: string) =>
      h.call("/v1/events", {
        as: "ingest",
        json: { id: "bad" },
        headers: { "idempotency-key": "k-bad", "accept-language": lang },
      });
    const first = await send("sv");
    expect(first.status).toBe(422);
    expect(first.headers.get("content-language")).toBe("sv");
    // Asked again in English, the replay is still the Swedish answer: and it says it is.
    const replay = await send("en");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("content-language")).toBe("sv");
    expect(replay.headers.get("vary")).toBe("accept-language");
    expect(await replay.text()).toBe(await first.text());
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

describe("Idempotency-Key leases", () => {
  const T0 = Date.parse("2026-11-22T10:00:00Z");
  let clock = T0;
  let h: Harness;
  beforeEach(async () => {
    clock = T0;
    h = await harness({ now: () => clock, idempotencyLeaseMs: 60_000 });
  });
  afterEach(() => h.close());

  const send = (id = "e1") =>
    h.call("/v1/events", { as: "ingest", json: event(id), headers: { "idempotency-key": "k-1" } });
  // The first request's process dies after its work, before its response is kept.
  const crashOnce = () => vi.spyOn(h.store, "completeIdempotency").mockResolvedValueOnce();

  it("answers 409 with Retry-After (the lease's seconds left) while the claim is held", async () => {
    crashOnce();
    expect((await send()).status).toBe(200);
    clock = T0 + 20_500;
    const res = await send();
    expect(res.status).toBe(409);
    expect(res.headers.get("retry-after")).toBe("40");
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("idempotency_key_in_progress");
    expect(problem.detail).toContain("40 seconds");
  });

  it("lets a retry of the same request take over a claim past its lease", async () => {
    crashOnce();
    expect((await send()).status).toBe(200);
    clock = T0 + 60_001;
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    // The work was done once: the retry finds the event already stored.
    const body = await retry.text();
    expect(JSON.parse(body)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await h.store.countEvents()).toBe(1);
    // The taken-over claim's response is kept and replayed from now on.
    clock = T0 + 200_000;
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(body);
  });

  it("never lets another request take over a stale claim (422)", async () => {
    crashOnce();
    await send("e1");
    clock = T0 + 120_000;
    const other = await send("e2");
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe("idempotency_key_reused");
  });

  it("lets only one of concurrent retries take over", async () => {
    crashOnce();
    await send();
    clock = T0 + 61_000;
    const statuses = (await Promise.all([send(), send(), send(), send()])).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
  });
});
