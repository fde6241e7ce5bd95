import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPack, ROOT, sampleEvents } from "../../../../test/support/packs.js";
import type { PromiseDocument } from "../promises/document.js";
import { loadPromises } from "../promises/load.js";
import { backtest } from "./backtest.js";
import { compareBacktests } from "./compare.js";

/** The airline pack with its YAML text edited, as someone proposing a change would. */
function editedAirline(edit: (yaml: string) => string): PromiseDocument {
  const text = readFileSync(`${ROOT}packs/airline/promises.yaml`, "utf8");
  const edited = edit(text);
  expect(edited).not.toBe(text);
  const result = loadPromises(edited, "proposed.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe("compareBacktests", () => {
  const events = sampleEvents("airline");

  const delayOnly = (doc: PromiseDocument): PromiseDocument => ({
    ...doc,
    promises: doc.promises.filter((p) => p.id === "delay-refund"),
  });
  const lower = () =>
    editedAirline((y) => y.replace("arrivalDelayMinutes >= 180", "arrivalDelayMinutes >= 120"));

  it("a lower delay threshold pays the 160-minute delay of NW88 too", async () => {
    const diff = compareBacktests(
      await backtest([lower()], events),
      await backtest([loadPack("airline")], events),
    );
    expect(diff.promises).toEqual([
      expect.objectContaining({ promise: "child-seated-apart", status: "unchanged" }),
      {
        promise: "delay-refund",
        status: "changed",
        remedies: { proposed: 4, current: 3, delta: 1 },
        customers: { proposed: 4, current: 3, delta: 1 },
        // NW88 CDG–JFK landed 160 minutes late: its fare, 1,240.00 USD, goes back to the card.
        cost: {
          money: [
            { amount: "0.00", currency: "EUR" },
            { amount: "1240.00", currency: "USD" },
          ],
          points: "0",
        },
      },
    ]);
    expect(diff.totals.remedies).toEqual({ proposed: 6, current: 5, delta: 1 });
    expect(diff.totals.cost.money).toContainEqual({ amount: "1240.00", currency: "USD" });
  });

  it("names the customers only the proposed set reaches", async () => {
    const diff = compareBacktests(
      await backtest([delayOnly(lower())], events),
      await backtest([delayOnly(loadPack("airline"))], events),
    );
    expect(diff.onlyProposed).toEqual({ count: 1, examples: ["c-sam"] });
    expect(diff.onlyCurrent).toEqual({ count: 0, examples: [] });
    expect(diff.totals.customers).toEqual({ proposed: 4, current: 3, delta: 1 });
  });

  it("a removed promise shows as removed, with what it no longer pays", async () => {
    const current = await backtest([loadPack("airline")], events);
    const proposed = await backtest([delayOnly(loadPack("airline"))], events);
    const diff = compareBacktests(proposed, current);
    const removed = diff.promises.find((p) => p.promise === "child-seated-apart");
    expect(removed).toMatchObject({
      status: "removed",
      remedies: { proposed: 0, current: 2, delta: -2 },
    });
    // The reverse comparison sees the same promise as added.
    const back = compareBacktests(current, proposed);
    expect(back.promises.find((p) => p.promise === "child-seated-apart")?.status).toBe("added");
    expect(back.onlyProposed.count).toBe(diff.onlyCurrent.count);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it("signs cost deltas: a set that pays less shows negative amounts", async () => {
    const diff = compareBacktests(
      await backtest([loadPack("airline")], events),
      await backtest([lower()], events),
    );
    expect(diff.totals.cost.money).toContainEqual({ amount: "-1240.00", currency: "USD" });
    expect(diff.onlyCurrent.count).toBe(0);
  });
});
