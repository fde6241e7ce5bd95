import type { ExecutionResult } from "@goodfaith/core";
import { openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { tempDb } from "../../../../test/support/cli.js";
import { startOutboxWorker } from "./outbox.js";

describe("the background outbox worker", () => {
  it("stops after the pass under way, leaving no remedy executing", async () => {
    const store = await openStore(tempDb());
    try {
      const at = Date.now() - 1000;
      await store.recordRemedies(
        [
          {
            key: "gate:o-1",
            promise: "gate",
            version: "1",
            customer: "c-1",
            kind: "refund",
            amount: { amount: "5.00", currency: "EUR" },
            status: "approved",
            at,
            detail: "{}",
          },
        ],
        1,
      );
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
});
