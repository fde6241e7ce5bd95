/**
 * The background worker through a store outage: it lives on, says so once each way (not once
 * per pass), waits longer after each failed pass, hands back the claims a failed pass never
 * started as soon as the store is back, and a bug still stops it.
 */
import type { Store } from "@goodfaith/core";
import { expect, it } from "vitest";
import { approvedOnLedger, ledgerMoves, remedy } from "../conformance/fixtures.js";
import { ledgerSecret } from "../ingest/secret.js";
import { openStore } from "../open-store.js";
import { resolveOutboxOptions } from "./options.js";
import { RecordingExecutor } from "./recording-executor.js";
import { executorActor } from "./run-outbox.js";
import { addPasses, type OutboxPass, startOutboxWorker } from "./worker.js";

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

// A store that goes away right after its first claim commits, before any attempt starts, and
// answers again once `state.down` is cleared: a pass holding claims it never started.
async function downAfterClaim() {
  const store = await openStore(":memory:");
  const at = Date.now();
  const keys = ["late:o-1", "late:o-2", "late:o-3"];
  await store.recordRemedies(
    keys.map((k) => remedy(k, { at, nextAttemptAt: at })),
    1,
    approvedOnLedger(await ledgerSecret(store), at),
  );
  const state = { down: false, claimed: false, failures: 0 };
  const flaky = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (state.down) {
          state.failures++;
          return Promise.reject(refused());
        }
        const result = value.apply(target, args);
        if (name === "claimDue" && !state.claimed) state.claimed = state.down = true;
        return result;
      };
    },
  });
  const status = async () =>
    Promise.all(keys.map(async (k) => (await store.getRemedy(k))?.remedy.status));
  return { store, flaky, state, keys, status };
}

it("hands back the claims a failed pass never started as soon as the store is back, not after their lease", async () => {
  const { store, flaky, state, keys, status } = await downAfterClaim();
  const executor = new RecordingExecutor();
  const passes: OutboxPass[] = [];
  const worker = startOutboxWorker(flaky, executor, {
    leaseMs: 60_000,
    intervalMs: 50,
    maxOutageIntervalMs: 100,
    onStoreUnavailable: () => {},
    onPass: (pass) => passes.push(pass),
  });
  // The first pass claimed all three and failed; a few more failed while the store was away.
  await expect.poll(() => state.failures).toBeGreaterThanOrEqual(3);
  expect(await status()).toEqual(["executing", "executing", "executing"]);
  expect(executor.calls).toHaveLength(0);
  state.down = false;
  const back = Date.now();
  await expect.poll(() => executor.calls.length, { timeout: 2000 }).toBe(3);
  // Within a couple of passes (100 ms apart at most), not the 60 s lease.
  expect(Date.now() - back).toBeLessThan(1500);
  await worker.stop();
  expect(await status()).toEqual(["executed", "executed", "executed"]);
  // Handed back unstarted: the attempt that paid is the first, none was counted meanwhile.
  expect(executor.calls.map((c) => c.attempt.number)).toEqual([1, 1, 1]);
  const sum = passes.reduce(addPasses);
  expect(sum.remedies).toMatchObject({ released: 3, executed: 3, lost: 0 });
  const actor = executorActor(resolveOutboxOptions().worker);
  for (const key of keys) {
    expect(await ledgerMoves(store, key)).toEqual([
      `approved>executing@${actor}`,
      `executing>approved@${actor}`,
      `approved>executing@${actor}`,
      `executing>executed@${actor}`,
    ]);
  }
  await store.close();
});

it("hands them back when stopped after the store is back, before its next pass", async () => {
  const { store, flaky, state, status } = await downAfterClaim();
  const passes: OutboxPass[] = [];
  let said = 0;
  const worker = startOutboxWorker(flaky, new RecordingExecutor(), {
    leaseMs: 60_000,
    intervalMs: 60_000,
    onStoreUnavailable: () => said++,
    onPass: (pass) => passes.push(pass),
  });
  await expect.poll(() => said).toBe(1);
  state.down = false;
  await worker.stop();
  expect(await status()).toEqual(["approved", "approved", "approved"]);
  expect(passes.map((p) => [p.remedies.claimed, p.remedies.released])).toEqual([[0, 3]]);
  await store.close();
});
