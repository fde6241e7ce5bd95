import { describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import type { EngineEvent } from "../engine/event-data.js";
import { eventTime } from "../engine/event-time.js";
import type { PromiseDocument } from "../promises/document.js";
import { type BacktestOptions, BacktestRun, backtest } from "./backtest.js";
import { mergeBacktests, shardingBlocker, shardOf } from "./shards.js";

/** What each worker of a sharded backtest does, here in one thread over an in-memory stream. */
function sharded(
  documents: readonly PromiseDocument[],
  events: readonly EngineEvent[],
  shards: number,
  options: BacktestOptions = {},
) {
  const reports = Array.from({ length: shards }, (_, shard) => {
    const run = new BacktestRun(documents, options);
    for (const e of events)
      if (e.customer === undefined) run.event(e, shard === 0);
      else if (shardOf(e.customer, shards) === shard) run.event(e);
      else run.passTime(eventTime(e.time));
    return run.report();
  });
  return mergeBacktests(reports);
}

describe("sharded backtests", () => {
  it("shardOf is stable, in range and spreads customers", () => {
    expect(shardOf("c-anna", 2)).toBe(shardOf("c-anna", 2));
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const s = shardOf(`customer-${i}`, 3);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    for (const n of counts) expect(n).toBeGreaterThan(800);
    // FNV-1a of "a" is 0xe40c292c: the hash must never change between versions.
    expect(shardOf("a", 0x10000)).toBe(0x292c);
  });

  it.each([
    ["retail", ["retail"]],
    ["airline with EU 261", ["airline", "eu261"]],
    ["streaming", ["streaming"]],
    ["support", ["support"]],
  ])("shards add up to the whole replay: %s", async (_, packs) => {
    const documents = packs.map(loadPack);
    const events = packs.flatMap(sampleEvents).sort((a, b) => (a.time < b.time ? -1 : 1));
    const whole = await backtest(documents, events);
    expect(whole.totals.remedies).toBeGreaterThan(0);
    for (const shards of [2, 3, 5]) expect(sharded(documents, events, shards)).toEqual(whole);
    const times = events.map((e) => eventTime(e.time));
    const window = { from: times[3] as number, to: (times.at(-3) as number) + 1 };
    expect(sharded(documents, events, 2, window)).toEqual(
      await backtest(documents, events, window),
    );
  });

  it("refuses reports whose customers overlap", async () => {
    const documents = [loadPack("retail")];
    const report = await backtest(documents, sampleEvents("retail"));
    expect(report.reached.length).toBeGreaterThan(0);
    expect(() => mergeBacktests([report, report])).toThrow(/reached by two shards/);
  });

  it("a daily budget or a promise's own incident keeps a set in one thread", () => {
    expect(shardingBlocker([loadPack("retail"), loadPack("airline")])).toBeUndefined();
    const airline = loadPack("airline");
    const [first, ...rest] = airline.promises;
    if (!first) throw new Error("the airline pack has promises");
    const withBudget = {
      ...airline,
      promises: [...rest, { ...first, governance: { ...first.governance, dailyBudget: [] } }],
    };
    expect(shardingBlocker([withBudget])).toEqual({ promise: first.id, reason: "daily_budget" });
    const retail = loadPack("retail");
    const named = retail.promises.findIndex((p) => p.when !== undefined);
    const own = {
      ...retail,
      promises: retail.promises.map((p, i) => (i === named ? { ...p, incident: p.when } : p)),
    };
    expect(shardingBlocker([own])).toEqual({
      promise: retail.promises[named]?.id,
      reason: "custom_incident",
    });
  });
});
