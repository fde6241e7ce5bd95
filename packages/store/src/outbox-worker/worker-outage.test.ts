/**
 * The background worker through a store outage: it lives on, says so once each way (not once
 * per pass), waits longer after each failed pass, and a bug still stops it.
 */
import type { Store } from "@goodfaith/core";
import { expect, it } from "vitest";
import { openStore } from "../open-store.js";
import { RecordingExecutor } from "./recording-executor.js";
import { startOutboxWorker } from "./worker.js";

// A store whose claims fail with `failure` while it is set, as a store behind a cut network.
async function flakyStore() {
  const store = await openStore(":memory:");
  const state: { failure?: Error; claims: number[] } = { claims: [] };
  const flaky = new Proxy(store, {
    get(target, name, receiver) {
      if (name !== "claimDue") return Reflect.get(target, name, receiver);
      return (...args: Parameters<Store["claimDue"]>) => {
        state.claims.push(Date.now());
        if (state.failure) return Promise.reject(state.failure);
        return target.claimDue(...args);
      };
    },
  });
  return { store, flaky, state };
}

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

it("says once that the store is unavailable and once that it is back, backing off meanwhile", async () => {
  const { store, flaky, state } = await flakyStore();
  const said: string[] = [];
  state.failure = refused();
  const worker = startOutboxWorker(flaky, new RecordingExecutor(), {
    intervalMs: 20,
    maxOutageIntervalMs: 160,
    onStoreUnavailable: (error) => said.push(`down: ${(error as Error).message}`),
    onStoreBack: () => said.push("back"),
    onError: (error) => said.push(`error: ${String(error)}`),
  });
  await new Promise((resolve) => setTimeout(resolve, 700));
  // 20, 40, 80, then 160 ms apart: a handful of passes, not one every 20 ms.
  expect(state.claims.length).toBeGreaterThanOrEqual(4);
  expect(state.claims.length).toBeLessThanOrEqual(9);
  const gaps = state.claims.slice(1).map((t, i) => t - (state.claims[i] as number));
  expect(gaps.at(-1)).toBeGreaterThanOrEqual(150);
  delete state.failure;
  await expect.poll(() => said.length).toBe(2);
  expect(said).toEqual(["down: connect ECONNREFUSED 127.0.0.1:5432", "back"]);
  await worker.stop();
  await store.close();
});

it("stops on an error that is not an outage when nobody handles errors", async () => {
  const { store, flaky, state } = await flakyStore();
  state.failure = new TypeError("a bug");
  const worker = startOutboxWorker(flaky, new RecordingExecutor(), {
    intervalMs: 20,
    onStoreUnavailable: () => {},
  });
  await expect(worker.done).rejects.toThrow("a bug");
  await store.close();
});
