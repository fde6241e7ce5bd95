import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GoodfaithEvent, Lang } from "@goodfaith/core";
import { Command } from "commander";
import { describe, expect, test } from "vitest";
import { type OpenEvents, registerBacktestCommands } from "./backtest.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const AIRLINE = join(ROOT, "packs/airline/promises.yaml");
const EVENTS = join(ROOT, "packs/airline/events.jsonl");
const dir = mkdtempSync(join(tmpdir(), "goodfaith-backtest-"));
const PROPOSED = join(dir, "proposed.yaml");
writeFileSync(
  PROPOSED,
  readFileSync(AIRLINE, "utf8").replace("arrivalDelayMinutes >= 180", "arrivalDelayMinutes >= 120"),
);

async function cli(args: string[], lang: Lang = "en", openEvents?: OpenEvents) {
  const out: string[] = [];
  const err: string[] = [];
  let code = -1;
  const program = new Command("goodfaith").exitOverride();
  const ctx = () => ({ out: (l: string) => out.push(l), err: (l: string) => err.push(l), lang });
  registerBacktestCommands(
    program,
    ctx,
    (c) => {
      code = c;
    },
    openEvents,
  );
  await program.parseAsync(["node", "goodfaith", "backtest", ...args]);
  return { out: out.join("\n"), err: err.join("\n"), code };
}

describe("goodfaith backtest", () => {
  test("reports remedies by promise and day, cost with points apart, customers", async () => {
    const r = await cli(["--promises", AIRLINE, "--events", EVENTS]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Remedies: 5");
    expect(r.out).toContain("Customers reached: 4");
    expect(r.out).toMatch(/delay-refund v2026\.11: 3 remedies · 3 customers/);
    expect(r.out).toMatch(/Points given back: [\d,]+ points/);
    expect(r.out).toContain("2026-11-20:");
  });

  test("--against shows the difference side by side", async () => {
    const r = await cli(["-p", PROPOSED, "--against", AIRLINE, "-e", EVENTS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/delay-refund — changed: remedies 4 vs 3 \(\+1\); cost \+\$1,240\.00/);
    expect(r.out).toContain("Remedies: 6 vs 5 (+1)");
  });

  test("--json prints the reports and the comparison, as POST /v1/backtests answers", async () => {
    const r = await cli(["-p", PROPOSED, "--against", AIRLINE, "-e", EVENTS, "--json"]);
    const json = JSON.parse(r.out);
    expect(json.proposed.totals.remedies).toBe(6);
    expect(json.against.totals.remedies).toBe(5);
    expect(Object.keys(json)).toEqual(["proposed", "against", "comparison"]);
    expect(json.comparison.totals.cost.money).toContainEqual({
      amount: "1240.00",
      currency: "USD",
    });
    const single = JSON.parse((await cli(["-p", AIRLINE, "-e", EVENTS, "--json"])).out);
    expect(Object.keys(single)).toEqual(["proposed"]);
    expect(single.proposed.totals.remedies).toBe(5);
  });

  test("--from and --to count remedies inside the window only", async () => {
    const r = await cli([
      "-p",
      AIRLINE,
      "-e",
      EVENTS,
      "--from",
      "2026-11-21",
      "--to",
      "2026-11-23T00:00:00Z",
      "--json",
    ]);
    const json = JSON.parse(r.out).proposed;
    expect(json.window).toEqual({
      from: "2026-11-21T00:00:00.000Z",
      to: "2026-11-23T00:00:00.000Z",
    });
    for (const day of Object.keys(json.days))
      expect(day >= "2026-11-21" && day < "2026-11-23").toBe(true);
    expect(json.totals.remedies).toBeLessThan(5);
  });

  test("speaks Swedish and Chinese", async () => {
    expect((await cli(["-p", AIRLINE, "-e", EVENTS], "sv")).out).toContain("Kunder som nås: 4");
    expect((await cli(["-p", AIRLINE, "-e", EVENTS], "zh-CN")).out).toContain("惠及客户：4 位");
  });

  test("reads --db through the injected source, from the start up to --to", async () => {
    const events = readFileSync(EVENTS, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as GoodfaithEvent);
    const asked: unknown[] = [];
    const open: OpenEvents = async function* (url, range) {
      asked.push({ url, range });
      yield* events;
    };
    const r = await cli(
      ["-p", AIRLINE, "--db", "x.db", "--to", "2026-12-01", "--json"],
      "en",
      open,
    );
    expect(JSON.parse(r.out).proposed.totals.remedies).toBe(5);
    expect(asked).toEqual([{ url: "x.db", range: { to: Date.parse("2026-12-01T00:00:00Z") } }]);
  });

  test("--db naming no store is an error, and creates nothing", async () => {
    const missing = join(dir, "goodfaith.db");
    const r = await cli(["-p", AIRLINE, "--db", missing]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${missing}: no store here (run goodfaith ingest first, or pass --db)`);
    expect(existsSync(missing)).toBe(false);
  });

  test("exit codes: bad options 1, bad promises 2, rejected lines 3", async () => {
    expect((await cli(["-p", AIRLINE])).code).toBe(1);
    expect((await cli(["-p", AIRLINE, "-e", EVENTS, "--from", "yesterday"])).code).toBe(1);
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "goodfaith: 1\npromises: [");
    const invalid = await cli(["-p", bad, "-e", EVENTS]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain("bad.yaml:");
    const broken = join(dir, "events.jsonl");
    writeFileSync(broken, `${readFileSync(EVENTS, "utf8")}\n{not json\n`);
    const rejected = await cli(["-p", AIRLINE, "-e", broken]);
    expect(rejected.code).toBe(3);
    expect(rejected.out).toContain("Remedies: 5");
  });
});
