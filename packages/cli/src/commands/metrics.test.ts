import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";
import {
  airlineEvents as events,
  storeWithTwoEvents,
  until,
} from "../../../../test/support/metrics-watch.js";
import { metricsCommand } from "./metrics.js";

describe("goodfaith metrics", () => {
  it("prints every stage and window, with counts and quantiles", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const run = await cli(["metrics", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe("Customer journey, windows ending 2026-11-22T17:45:00.000Z");
    const purchases = run.out.indexOf("  Purchases");
    expect(run.out[purchases + 4]).toMatch(/^ {4}All time +n = 5$/);
    const delay = run.out.indexOf("  Flight arrival delay (minutes)");
    // Three flights, 160 to 240 minutes late: the median is 205 within 1%.
    expect(run.out[delay + 4]).toMatch(/^ {4}All time +n = 3 {2}Median 20[3-7] /);
    const sv = await cli(["metrics", "--db", db, "--lang", "sv"]);
    expect(sv.out).toContain("  Försenad ankomst (minuter)");
    const json = JSON.parse((await cli(["metrics", "--db", db, "--json"])).out[0] ?? "{}");
    expect(json.at).toBe("2026-11-22T17:45:00.000Z");
    expect(json.distributions.arrivalDelayMinutes.all).toMatchObject({
      count: 3,
      min: 160,
      max: 240,
    });
  });

  it("--watch follows the log and prints again when new events arrive", async () => {
    const { db, store, ingestor } = await storeWithTwoEvents();
    const out: string[] = [];
    const controller = new AbortController();
    const watching = metricsCommand(
      { db, watch: 1, json: true, signal: controller.signal },
      { out: (l) => out.push(l), err: () => {}, lang: "en" },
    );
    await until(() => out.length === 1);
    await ingestor.ingest(events.slice(2));
    // The next read, a second later, finds the new events and prints again.
    await until(() => out.length === 2);
    controller.abort();
    expect(await watching).toBe(0);
    await store.close();
    const counts = out.map((l) => JSON.parse(l).purchases.all.count as number);
    expect(counts).toEqual([2, 5]);
  });

  it("refuses a watch interval under a second", async () => {
    const run = await cli(["metrics", "--db", tempDb(), "--watch", "0.1"]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain("--watch: 0.1");
  });
});
