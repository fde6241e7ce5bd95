import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, postRetailEvents } from "../../test/harness.js";

interface Row {
  bucket: string;
  value: string;
  counts: Record<string, number>;
  figures: { trustIndex: number | null; shares: Record<string, number | null> };
}

describe("scorecard and journey routes", () => {
  let h: Harness;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse("2026-11-22T12:00:00Z");
    h = await harness({ now: () => clock });
  });
  afterEach(() => h.close());

  const ingestRetail = async () => {
    const res = await postRetailEvents(h);
    expect(res.status).toBe(200);
  };
  const get = async <T>(path: string, as = "agent"): Promise<T> => {
    const res = await h.call(path, { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it("serves the retail pack's scorecard, by week and by promise", async () => {
    await ingestRetail();
    const { rows } = await get<{ rows: Row[] }>("/v1/scorecard");
    // Six orders; late (o-1001, o-1004), charged twice (o-1003) or price-dropped (o-1002).
    expect(rows).toHaveLength(1);
    expect(rows[0]?.bucket).toBe("all");
    expect(rows[0]?.counts).toMatchObject({ transactions: 6, transactionsFailed: 4 });
    expect(rows[0]?.figures.shares.businessPromisesKept).toBe(0.5);
    expect(rows[0]?.figures.trustIndex).toBeTypeOf("number");
    const weeks = await get<{ rows: Row[] }>("/v1/scorecard?by=week&dimension=promise");
    const late = weeks.rows.filter((r) => r.value === "late-delivery");
    expect(late.map((r) => [r.bucket, r.counts.incidents])).toEqual([["2026-W45", 1]]);
  });

  it("follows new events once the refresh interval has passed", async () => {
    const before = await get<{ rows: Row[] }>("/v1/scorecard", "admin");
    expect(before.rows).toEqual([]);
    await ingestRetail();
    // Within the refresh interval the figures served are the ones already read.
    expect((await get<{ rows: Row[] }>("/v1/scorecard")).rows).toEqual([]);
    clock += 1000;
    expect((await get<{ rows: Row[] }>("/v1/scorecard")).rows[0]?.counts.transactions).toBe(6);
  });

  it("explains a figure by the events and remedies behind it", async () => {
    await ingestRetail();
    const body = await get<{
      bucket: string;
      counts: { counter: string; total: number; events: string[]; remedies: string[] }[];
    }>("/v1/scorecard/explain?figure=businessPromisesKept&period=2026-11");
    expect(body.bucket).toBe("2026-11");
    expect(body.counts.map((c) => [c.counter, c.total])).toEqual([
      ["businessPromisesKept", 2],
      ["businessPromisesMade", 4],
    ]);
    expect(body.counts[0]?.events).toEqual(
      expect.arrayContaining(["shop-1002", "wms-1003", "shop-1003", "wms-1006"]),
    );
    expect(body.counts[1]?.remedies).toContain("late-delivery:order:o-1001");
  });

  it("refuses an unknown figure, bucket or limit with located problem details", async () => {
    for (const [query, path] of [
      ["figure=happiness", "figure"],
      ["figure=toldFirst&period=2026-W60", "period"],
      ["figure=toldFirst&limit=0", "limit"],
      ["period=all", "figure"],
    ] as const) {
      const res = await h.call(`/v1/scorecard/explain?${query}`, {
        as: "agent",
        headers: { "accept-language": "sv" },
      });
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await res.json()) as { code: string; issues: { path: string }[] };
      expect(problem.code).toBe("invalid_request");
      expect(problem.issues.map((i) => i.path).join(" "), query).toContain(path);
    }
    // A refinement's words are the server's own, not zod's "Invalid input".
    const bucket = await h.call("/v1/scorecard/explain?figure=toldFirst&period=soon", {
      as: "agent",
      headers: { "accept-language": "sv" },
    });
    expect(((await bucket.json()) as { issues: unknown[] }).issues).toEqual([
      {
        code: "request.invalid_bucket",
        path: "query.period",
        message:
          "förväntade en dag (2026-11-02), en ISO-vecka (2026-W45), en månad (2026-11) eller all",
      },
    ]);
    const by = await h.call("/v1/scorecard?by=year", { as: "agent" });
    expect(by.status).toBe(400);
  });

  it("serves the journey: purchases and delivery lateness", async () => {
    const empty = await get<{ at: string | null }>("/v1/metrics/journey");
    expect(empty.at).toBeNull();
    clock += 1000;
    await ingestRetail();
    const body = await get<{
      at: string;
      purchases: Record<string, { count: number }>;
      distributions: Record<string, Record<string, { count: number; min: number; max: number }>>;
    }>("/v1/metrics/journey");
    expect(body.at).toBe("2026-11-20T09:00:00.000Z");
    // Six orders placed; three delivered against a promised date: o-1001 16 h 02 min late,
    // o-1002 27 h 48 min early, o-1003 31 h early.
    expect(body.purchases.all?.count).toBe(6);
    expect(body.distributions.deliveryLatenessHours?.all).toMatchObject({
      count: 3,
      min: -31,
      max: 16 + 2 / 60,
    });
  });
});
