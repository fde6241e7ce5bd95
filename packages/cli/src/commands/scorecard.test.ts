import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";

async function airlineDb(): Promise<string> {
  const db = tempDb();
  expect((await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db])).code).toBe(0);
  return db;
}

describe("goodfaith scorecard", () => {
  it("prints the Trust Index first, then every share with what it is out of", async () => {
    const db = await airlineDb();
    const run = await cli(["scorecard", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe("Trust scorecard");
    expect(run.out[2]).toBe("All time");
    expect(run.out[3]).toMatch(/^ {2}Trust Index +\d/);
    // 5 bookings, every flight late: none succeeded, all 5 out of 5.
    expect(run.out.find((l) => l.includes("Transactions that succeeded"))).toMatch(/0%\s+of 5$/);
    expect(run.out.find((l) => l.includes("Promises kept"))).toMatch(/0%\s+of 5$/);
  });

  it("speaks Chinese and Swedish, with the measure package's labels", async () => {
    const db = await airlineDb();
    const zh = await cli(["scorecard", "--db", db], "zh-CN");
    expect(zh.out[0]).toBe("信任记分卡");
    expect(zh.out.some((l) => l.includes("信任指数"))).toBe(true);
    expect(zh.out.some((l) => l.includes("共 5"))).toBe(true);
    const sv = await cli(["--lang", "sv", "scorecard", "--db", db]);
    expect(sv.out[0]).toBe("Förtroendekort");
    expect(sv.out.some((l) => l.includes("Förtroendeindex"))).toBe(true);
  });

  it("gives one row per week and breakdown value as JSON, with ISO week names", async () => {
    const db = await airlineDb();
    const run = await cli([
      "scorecard",
      "--db",
      db,
      "--by",
      "week",
      "--dimension",
      "promise",
      "--json",
    ]);
    const { rows } = JSON.parse(run.out[0] ?? "{}") as {
      rows: { bucket: string; value: string; counts: Record<string, number> }[];
    };
    // An incident counts in the week of its first failure, under every promise it triggered:
    // NW-5001's began at booking (2 Oct, week 40: a child seated apart), NW-5002's and
    // NW-5003's when NW101 was due on 20 Nov (week 47).
    const refunds = rows.filter((r) => r.value === "delay-refund");
    expect(refunds.map((r) => [r.bucket, r.counts.incidents])).toEqual([
      ["2026-W40", 1],
      ["2026-W47", 2],
    ]);
    expect(rows.some((r) => r.value === "arrived-on-time")).toBe(true);
  });

  it("explains a figure in a bucket by the events and remedies behind it", async () => {
    const db = await airlineDb();
    const run = await cli([
      "scorecard",
      "--db",
      db,
      "--explain",
      "transactionSuccess",
      "--period",
      "2026-W40",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.out[0] ?? "{}") as {
      counts: { counter: string; total: number; events: string[] }[];
    };
    // The shape of GET /v1/scorecard/explain: the bucket as asked, never the parsed query.
    expect(Object.keys(body)).toEqual(["figure", "bucket", "dimension", "value", "counts"]);
    expect(body).toMatchObject({
      figure: "transactionSuccess",
      bucket: "2026-W40",
      dimension: "all",
      value: "",
    });
    // Booked in the week of 28 September: NW-7001 (30 Sep) and NW-5001 (2 Oct).
    expect(body.counts.map((c) => [c.counter, c.total])).toEqual([
      ["transactionsFailed", 2],
      ["transactions", 2],
    ]);
    expect(body.counts[1]?.events).toEqual(expect.arrayContaining(["bk-NW-7001", "bk-NW-5001"]));
    const text = await cli(["scorecard", "--db", db, "--explain", "incidents", "--limit", "1"]);
    expect(text.out[0]).toBe("Problems, all:");
    expect(text.out).toContain("    … and 4 more");
  });

  it("refuses an unknown figure or bucket, and a store that is not there", async () => {
    const db = await airlineDb();
    const figure = await cli(["scorecard", "--db", db, "--explain", "happiness"]);
    expect(figure.code).toBe(1);
    expect(figure.err[0]).toMatch(
      /^--explain: happiness is not a figure; one of: transactionSuccess/,
    );
    const named = (figure.err[0] ?? "").split("one of: ")[1]?.split(", ") ?? [];
    expect(named).toEqual([...new Set(named)]);
    const bucket = await cli([
      "scorecard",
      "--db",
      db,
      "--explain",
      "toldFirst",
      "--period",
      "2026-W60",
    ]);
    expect(bucket.code).toBe(1);
    expect(bucket.err[0]).toContain("2026-W60");
    const missing = await cli(["scorecard", "--db", `${db}.nope`]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain("no store here");
  });
});
