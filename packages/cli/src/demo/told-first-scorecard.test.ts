// The demo's "told before they contacted us" and the trust scorecard on the same store tell one
// story: the demo runs in 2026's first quarter in event time, and the outbox (as `npm start`
// runs it) executes the remedies months later on its own clock.
import { openStore, RecordingExecutor, runOutbox, scorecardFromStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import type { DemoSummary } from "./summary.js";

describe("the demo store's scorecard", () => {
  it("agrees with the demo's told-first figure, before and after the outbox executes", async () => {
    const db = tempDb();
    const run = await cli(["demo", "--no-serve", "--json", "--db", db]);
    expect(run.code).toBe(0);
    const { toldFirst: told } = JSON.parse(run.out[0] ?? "{}") as DemoSummary;
    const store = await openStore(db);
    try {
      const counts = async () => (await scorecardFromStore(store)).report()[0]?.counts;
      const before = await counts();
      // Told first on the scorecard is every problem we told first: the ones the customer
      // contacted us about afterwards (the demo's share) and the ones they never contacted us about.
      expect(before?.incidentsToldFirst).toBe(told.toldFirst + told.uncontacted);
      // Nothing is fixed until the outbox has executed it.
      expect(before?.incidentsRemedied).toBe(0);
      expect(before?.incidentsRemediedProactively).toBe(0);

      const executor = new RecordingExecutor();
      while ((await runOutbox(store, executor, { limit: 500 })).claimed > 0);
      const after = await counts();
      expect(after?.incidentsRemedied).toBeGreaterThan(0);
      // In the demo every remedy that pays comes with its notice, at the time we decided it:
      // what we fixed before the customer asked is exactly what we told them first.
      expect(after?.incidentsRemediedProactively).toBe(after?.incidentsToldFirst);
      expect(after?.incidentsRemediedProactively).toBeGreaterThan(0);
      // The outbox's clock (today) is not event time: it settles nothing the log has not reached.
      for (const c of [
        "incidents",
        "incidentsToldFirst",
        "transactionsFailed",
        "businessPromisesMade",
        "businessPromisesKept",
      ] as const)
        expect(after?.[c], c).toBe(before?.[c]);
    } finally {
      await store.close();
    }
  }, 180_000);
});
