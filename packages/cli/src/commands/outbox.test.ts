import type { ExecutionResult } from "@goodfaith/core";
import { type OutboxPass, openStore, RecordingExecutor, startOutboxWorker } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { tempDb } from "../../../../test/support/cli.js";
import { approvedRemedy, stopWhilePaying } from "../../../../test/support/outbox.js";
import { outboxRunCommand, perBurst } from "./outbox.js";

describe("the background outbox worker", () => {
  it("drains a backlog pass after pass without waiting for the interval, and reports it once", async () => {
    const store = await openStore(tempDb());
    try {
      const at = Date.now() - 1000;
      const keys = Array.from({ length: 120 }, (_, i) => `gate:o-${i}`);
      await store.recordRemedies(
        keys.map((k) => approvedRemedy(k, at)),
        1,
      );
      const bursts: OutboxPass[] = [];
      const passes: number[] = [];
      const report = perBurst((pass) => bursts.push(pass));
      // An hour between idle passes: only passes run back to back can execute all 120 here.
      const worker = startOutboxWorker(store, new RecordingExecutor(), {
        intervalMs: 3_600_000,
        onPass: (pass) => {
          passes.push(pass.remedies.claimed);
          report(pass);
        },
      });
      for (let i = 0; i < 200 && bursts.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      await worker.stop();
      expect(passes).toEqual([50, 50, 20, 0]);
      expect(bursts).toHaveLength(1);
      expect(bursts[0]?.remedies).toMatchObject({ claimed: 120, executed: 120 });
      expect(bursts[0]?.remedies.outcomes).toHaveLength(120);
      const executed = await store.listRemedies({ status: ["executed"] }, { limit: 200 });
      expect(executed.remedies).toHaveLength(120);
    } finally {
      await store.close();
    }
  });

  it("stops after the executor call under way, leaving no remedy executing", async () => {
    const store = await openStore(tempDb());
    try {
      const at = Date.now() - 1000;
      await store.recordRemedies([approvedRemedy("gate:o-1", at)], 1);
      let entered = () => {};
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let calls = 0;
      const executor = {
        async execute(): Promise<ExecutionResult> {
          calls++;
          entered();
          await released;
          return { ok: true, reference: "re_gate" };
        },
      };
      const passes: number[] = [];
      const worker = startOutboxWorker(store, executor, {
        intervalMs: 10,
        onPass: (pass) => passes.push(pass.remedies.executed),
      });
      await inside;
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(stopped).toBe(false);
      expect((await store.getRemedy("gate:o-1"))?.remedy.status).toBe("executing");
      release();
      await stopping;
      expect((await store.getRemedy("gate:o-1"))?.remedy).toMatchObject({
        status: "executed",
        reference: "re_gate",
      });
      expect(calls).toBe(1);
      expect(passes).toEqual([1]);
    } finally {
      await store.close();
    }
  });

  it("says what a burst did when the worker is stopped in the middle of it, and hands back the rest", async () => {
    const db = tempDb();
    const { until, receiver } = await stopWhilePaying(db, 3);
    const out: string[] = [];
    const ctx = { out: (l: string) => out.push(l), err: () => {}, lang: "en" as const };
    try {
      const code = await outboxRunCommand(
        { db, executor: "webhook", url: receiver.url, secret: "whsec_t", until },
        ctx,
      );
      expect(code).toBe(0);
      // The payment under way when told to stop is paid and recorded; no other is sent.
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
    expect(out).toEqual([
      "outbox: 1 executed, 0 awaiting confirmation, 0 to retry, 0 dead; webhooks: 0 delivered, 0 to retry, 0 dead; 2 claimed but not started, handed back to run again at once",
      "outbox worker stopped",
    ]);
    const store = await openStore(db);
    try {
      const remedies = (await store.listRemedies()).remedies;
      expect(remedies.map((r) => [r.key, r.status, r.attempts, r.claimedBy])).toEqual([
        ["gate:o-1", "executed", 1, undefined],
        ["gate:o-2", "approved", 0, undefined],
        ["gate:o-3", "approved", 0, undefined],
      ]);
    } finally {
      await store.close();
    }
  });
});
