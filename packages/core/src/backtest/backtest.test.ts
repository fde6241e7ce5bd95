import { describe, expect, it } from "vitest";
import { loadPack, remediesOf, run, sampleEvents } from "../../../../test/support/packs.js";
import { Engine } from "../engine/engine.js";
import { money, POINTS, toDecimalString } from "../money/index.js";
import { backtest, backtestSets } from "./backtest.js";

/** Sums what a plain engine run pays, per currency, from the remedies' tender parts. */
function plainCost(packs: string[], events = packs.flatMap(sampleEvents)) {
  const remedies = remediesOf(run(packs, events));
  const sums = new Map<string, bigint>();
  for (const r of remedies)
    for (const p of r.split)
      sums.set(p.amount.currency, (sums.get(p.amount.currency) ?? 0n) + p.amount.minor);
  return { remedies, sums };
}

describe("backtest", () => {
  it("gives exactly the remedies of a plain engine run over the retail pack", async () => {
    const { remedies, sums } = plainCost(["retail"]);
    const report = await backtest([loadPack("retail")], sampleEvents("retail"));
    expect(report.totals.remedies).toBe(remedies.length);
    expect(report.totals.remedies).toBeGreaterThan(3);
    expect(report.totals.customers).toBe(new Set(remedies.map((r) => r.customer)).size);
    expect(report.reached).toEqual([...new Set(remedies.map((r) => r.customer))].sort());
    expect(report.totals.evaluationErrors).toBe(0);
    const expectedMoney = [...sums]
      .filter(([c]) => c !== POINTS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, minor]) => ({ amount: toDecimalString(money(minor, currency)), currency }));
    expect(report.cost.money).toEqual(expectedMoney);
    for (const [id, p] of Object.entries(report.promises))
      expect(p.remedies, id).toBe(remedies.filter((r) => r.promise === id).length);
    const perDay = Object.values(report.days).reduce((n, d) => n + d.remedies, 0);
    expect(perDay).toBe(remedies.length);
    expect(report.events.replayed).toBe(sampleEvents("retail").length);
  });

  it("over a stream of unique ids (the stored log) gives the same report without remembering ids", async () => {
    const packs = ["retail", "airline", "eu261", "streaming", "support"];
    const documents = packs.map(loadPack);
    const events = packs.flatMap(sampleEvents);
    const unique = [...new Map(events.map((e) => [e.id, e])).values()];
    const remembered = await backtest(documents, unique);
    const forgetful = await backtest(documents, unique, { engine: { uniqueIds: true } });
    expect(forgetful).toEqual(remembered);
    expect(remembered.totals.remedies).toBeGreaterThan(10);
    // The contract is the caller's: the same event twice is replayed twice.
    const twice = await backtest(documents, [...unique, ...unique.slice(0, 3)], {
      engine: { uniqueIds: true },
    });
    expect(twice.events.replayed).toBe(unique.length + 3);
  });

  it("replays several promise sets over one pass of the stream, each as if alone", async () => {
    const sets = [["retail", "streaming"], ["retail"], ["airline", "eu261"]].map((packs) =>
      packs.map(loadPack),
    );
    const events = ["retail", "streaming", "airline", "eu261"].flatMap(sampleEvents);
    let passes = 0;
    async function* stream() {
      passes++;
      yield* events;
    }
    const together = await backtestSets(sets, stream(), { from: Date.parse("2026-01-01") });
    expect(passes).toBe(1);
    const alone = await Promise.all(
      sets.map((documents) => backtest(documents, events, { from: Date.parse("2026-01-01") })),
    );
    expect(together).toEqual(alone);
    expect(alone.map((r) => r.totals.remedies).every((n) => n > 0)).toBe(true);
  });

  it("never changes the events it replays, so several runs can share one parsed event", async () => {
    const packs = ["retail", "airline", "eu261", "streaming", "support", "us-dot"];
    const documents = packs.map(loadPack);
    const events = packs.flatMap(sampleEvents);
    const expected = await backtest(documents, structuredClone(events));
    // A frozen object throws on any write in a module (strict mode), however deep.
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child);
      }
      return value;
    };
    const frozen = deepFreeze(structuredClone(events)) as typeof events;
    expect(await backtest(documents, frozen)).toEqual(expected);
    expect(await backtest(documents, frozen, { engine: { explanations: true } })).toEqual(expected);
    expect(expected.totals.remedies).toBeGreaterThan(10);
  });

  it("skips explanations, which a report never shows, and reports the same as with them", async () => {
    const packs = ["retail", "airline", "eu261", "streaming", "support"];
    const documents = packs.map(loadPack);
    const events = packs.flatMap(sampleEvents);
    const explained = await backtest(documents, events, { engine: { explanations: true } });
    expect(await backtest(documents, events)).toEqual(explained);
    expect(explained.totals.remedies).toBeGreaterThan(10);
    // The engine's own remedies without explanations: the same, less the sub-expression values.
    const strip = (engine: Engine) =>
      remediesOf(engine.processAll(events)).map(({ explanation, ...r }) => ({
        ...r,
        explanation: { promise: explanation.promise, events: explanation.events },
      }));
    const conditions = (engine: Engine) =>
      remediesOf(engine.processAll(events)).filter((r) => r.explanation.condition !== undefined);
    expect(conditions(new Engine(documents)).length).toBeGreaterThan(10);
    expect(conditions(new Engine(documents, { explanations: false }))).toEqual([]);
    expect(strip(new Engine(documents, { explanations: false }))).toEqual(
      strip(new Engine(documents)),
    );
  });

  it("lists every promise of the set, also those that paid nothing", async () => {
    const doc = loadPack("retail");
    const report = await backtest([doc], []);
    expect(Object.keys(report.promises)).toEqual(doc.promises.map((p) => p.id).sort());
    expect(report.totals).toMatchObject({ remedies: 0, customers: 0 });
    expect(report.cost).toEqual({ money: [], points: "0" });
  });

  it("keeps points apart from money", async () => {
    const events = sampleEvents("airline");
    const { remedies, sums } = plainCost(["airline"], events);
    const report = await backtest([loadPack("airline")], events);
    expect(report.totals.remedies).toBe(remedies.length);
    expect(report.cost.points).toBe(toDecimalString(money(sums.get(POINTS) ?? 0n, POINTS)));
    expect(report.cost.points).not.toBe("0");
    expect(report.cost.money.map((m) => m.currency)).not.toContain(POINTS);
    expect(report.cost.money.length).toBeGreaterThan(0);
  });

  it("counts remedies by their time inside [from, to) while earlier events build state", async () => {
    const events = sampleEvents("airline");
    const all = await backtest([loadPack("airline")], events);
    const days = Object.keys(all.days);
    expect(days.length).toBeGreaterThan(1);
    const last = days.at(-1) as string;
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // Bookings lie weeks before the flights: a window on the last day alone still pays.
    const one = await backtest([loadPack("airline")], events, {
      from: Date.parse(`${last}T00:00:00Z`),
      to: Date.parse(`${next}T00:00:00Z`),
    });
    expect(one.totals.remedies).toBe(all.days[last]?.remedies);
    expect(one.totals.remedies).toBeGreaterThan(0);
    expect(Object.keys(one.days)).toEqual([last]);
    expect(one.window).toEqual({ from: `${last}T00:00:00.000Z`, to: `${next}T00:00:00.000Z` });
    expect(one.events.inWindow).toBeLessThan(one.events.replayed);
    const before = await backtest([loadPack("airline")], events, {
      to: Date.parse(`${last}T00:00:00Z`),
    });
    expect(before.totals.remedies + one.totals.remedies).toBe(all.totals.remedies);
    expect(before.days[last]).toBeUndefined();
  });

  it("reads async iterables like arrays, and is deterministic", async () => {
    const events = sampleEvents("airline");
    async function* stream() {
      yield* events;
    }
    const docs = [loadPack("airline"), loadPack("eu261")];
    const a = await backtest(docs, events);
    const b = await backtest(docs, stream());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
