import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasWebhooks, type Store, type WebhookStore } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startReceiver } from "../../../../test/support/receiver.js";
import { T0 } from "../conformance/fixtures.js";
import { openStore } from "../open-store.js";
import { runWebhookDeliveries } from "./deliver.js";
import { registerWebhookEndpoint } from "./endpoints.js";
import { enqueueWebhookEvent } from "./events.js";
import { verifyWebhookSignature } from "./signature.js";

let dir: string;
let store: Store & WebhookStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "goodfaith-webhooks-"));
  const opened = await openStore(join(dir, "goodfaith.db"));
  if (!hasWebhooks(opened)) throw new Error("no webhooks");
  store = opened;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("webhook delivery against a real receiver", () => {
  it("signs each delivery, retries with backoff until a 2xx, the same body every time", async () => {
    const statuses = [503, 500, 200];
    const receiver = await startReceiver((_r, i) => ({ status: statuses[i] ?? 200 }));
    try {
      const { secret } = await registerWebhookEndpoint(
        store,
        receiver.url,
        ["remedy.executed"],
        T0,
      );
      const { id } = await enqueueWebhookEvent(store, "remedy.executed", { key: "r1" }, { at: T0 });
      let now = T0;
      const options = {
        worker: "w1",
        now: () => now,
        random: () => 0.5,
        backoff: { baseMs: 1000, maxMs: 60_000 },
      };
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ claimed: 1, retried: 1 });
      const [pending] = await store.listWebhookDeliveries();
      expect(pending).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: T0 + 500 });
      expect(pending?.lastError).toBe("HTTP 503");
      now = T0 + 499; // not before the backoff
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ claimed: 0 });
      now = T0 + 500;
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ retried: 1 });
      now = T0 + 1500; // second retry waits up to 2000 ms: 0.5 of it
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ delivered: 1 });
      expect((await store.listWebhookDeliveries())[0]).toMatchObject({
        status: "delivered",
        attempts: 3,
      });

      expect(receiver.received).toHaveLength(3);
      const bodies = new Set(receiver.received.map((r) => r.body));
      expect(bodies.size).toBe(1);
      for (const [i, r] of receiver.received.entries()) {
        const t = Math.floor(([T0, T0 + 500, T0 + 1500][i] ?? 0) / 1000);
        const header = r.headers["goodfaith-signature"] as string;
        expect(verifyWebhookSignature(r.body, header, secret, { now: t })).toEqual({
          ok: true,
          timestamp: t,
        });
        expect(r.headers["goodfaith-event"]).toBe("remedy.executed");
      }
      expect(JSON.parse(receiver.received[0]?.body ?? "")).toEqual({
        id,
        type: "remedy.executed",
        created: new Date(T0).toISOString(),
        data: { key: "r1" },
      });
    } finally {
      await receiver.close();
    }
  });

  it("dead-letters after maxAttempts; a replay delivers it once the receiver is fixed", async () => {
    let healthy = false;
    const receiver = await startReceiver(() => ({ status: healthy ? 204 : 500, body: "boom" }));
    try {
      await registerWebhookEndpoint(store, receiver.url, ["notice.created"], T0);
      await enqueueWebhookEvent(store, "notice.created", { notice: "n1" }, { at: T0 });
      let now = T0;
      const options = { worker: "w1", now: () => now, maxAttempts: 3, random: () => 0 };
      const runs = [];
      for (let i = 0; i < 4; i++) runs.push(await runWebhookDeliveries(store, options));
      expect(runs.map((r) => [r.retried, r.dead])).toEqual([
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ]);
      const [dead] = await store.listWebhookDeliveries({ status: ["dead"] });
      expect(dead).toMatchObject({ attempts: 3, lastError: "HTTP 500: boom" });
      expect(receiver.received).toHaveLength(3);

      healthy = true;
      now = T0 + 10_000;
      expect(await store.replayWebhookDeliveries({ dead: true }, now)).toEqual([dead?.id]);
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ delivered: 1 });
      expect(receiver.received).toHaveLength(4);
      expect(receiver.received[3]?.body).toBe(receiver.received[0]?.body);
    } finally {
      await receiver.close();
    }
  });

  it("does not replay the deliveries of a disabled endpoint: nothing would ever send them", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    try {
      const { endpoint } = await registerWebhookEndpoint(store, receiver.url, ["remedy.dead"], T0);
      await enqueueWebhookEvent(store, "remedy.dead", {}, { at: T0 });
      const options = { worker: "w1", now: () => T0, maxAttempts: 1 };
      expect(await runWebhookDeliveries(store, options)).toMatchObject({ dead: 1 });
      const [dead] = await store.listWebhookDeliveries();
      await store.disableWebhookEndpoint(endpoint.id, T0 + 1);
      expect(await store.replayWebhookDeliveries({ dead: true }, T0 + 2)).toEqual([]);
      expect(await store.replayWebhookDeliveries({ ids: [dead?.id ?? ""] }, T0 + 2)).toEqual([]);
      expect((await store.listWebhookDeliveries())[0]?.status).toBe("dead");
    } finally {
      await receiver.close();
    }
  });

  it("counts an unreachable receiver as a retryable failure", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    await receiver.close(); // nothing listens on its port any more
    await registerWebhookEndpoint(store, receiver.url, ["remedy.dead"], T0);
    await enqueueWebhookEvent(store, "remedy.dead", {}, { at: T0 });
    const summary = await runWebhookDeliveries(store, { worker: "w1", now: () => T0 });
    expect(summary).toMatchObject({ claimed: 1, retried: 1 });
    expect((await store.listWebhookDeliveries())[0]?.lastError).toMatch(/fetch failed/);
  });
});
