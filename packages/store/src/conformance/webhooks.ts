/**
 * Conformance: webhook endpoints and the delivery outbox — fan-out to subscribed, active
 * endpoints; each due delivery claimed by one worker at a time; outcomes, dead letter and
 * replay; and events enqueued in the same transaction as the remedy move that made them.
 */
import {
  hasWebhooks,
  type NewWebhookEvent,
  type Store,
  type WebhookEventType,
  type WebhookStore,
} from "@goodfaith/core";
import { describe, expect } from "vitest";
import { remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** The store as a webhook store; the suite requires one. */
export function webhooksOf(store: Store): WebhookStore {
  if (!hasWebhooks(store)) throw new Error("the store does not implement WebhookStore");
  return store;
}

/** Registers endpoint `id` for `events`. */
export async function endpoint(
  store: WebhookStore,
  id: string,
  events: WebhookEventType[] = ["remedy.executed"],
): Promise<void> {
  const created = await store.createWebhookEndpoint({
    id,
    url: `https://example.com/${id}`,
    secret: `secret-${id}`,
    events,
    createdAt: T0,
  });
  if (!created) throw new Error(`endpoint ${id} not created`);
}

function event(id: string, type: WebhookEventType = "remedy.executed", at = T0): NewWebhookEvent {
  return { id, type, at, data: { n: id } };
}

const claim = (store: WebhookStore, worker: string, now = T0, limit = 10, leaseMs = 60_000) =>
  store.claimWebhookDeliveries({ now, limit, worker, leaseMs });

/** Registers the webhook tests. */
export function webhookConformance(target: ConformanceTarget): void {
  describe("webhooks", () => {
    storeTest(target, "registers, lists (never a secret) and disables endpoints", async (ctx) => {
      const store = webhooksOf(ctx.store);
      await endpoint(store, "we_a", ["remedy.executed", "remedy.dead", "remedy.executed"]);
      expect(
        await store.createWebhookEndpoint({
          id: "we_a",
          url: "https://other.example",
          secret: "s",
          events: ["notice.created"],
          createdAt: T0,
        }),
      ).toBe(false);
      expect(await store.disableWebhookEndpoint("we_a", T0 + 5)).toBe(true);
      expect(await store.disableWebhookEndpoint("we_a", T0 + 6)).toBe(false);
      expect(await store.disableWebhookEndpoint("nope", T0)).toBe(false);
      const listed = await store.listWebhookEndpoints();
      expect(listed).toEqual([
        {
          id: "we_a",
          url: "https://example.com/we_a",
          events: ["remedy.executed", "remedy.dead"],
          createdAt: T0,
          disabledAt: T0 + 5,
        },
      ]);
      expect(JSON.stringify(listed)).not.toContain("secret-");
      // Enabled again: active, and enabling twice (or an unknown id) changes nothing.
      expect(await store.enableWebhookEndpoint("we_a")).toBe(true);
      expect(await store.enableWebhookEndpoint("we_a")).toBe(false);
      expect(await store.enableWebhookEndpoint("nope")).toBe(false);
      expect((await store.listWebhookEndpoints())[0]).not.toHaveProperty("disabledAt");
    });

    storeTest(
      target,
      "fans an event out to active subscribed endpoints, once per id",
      async (ctx) => {
        const store = webhooksOf(ctx.store);
        await endpoint(store, "we_a", ["remedy.executed"]);
        await endpoint(store, "we_b", ["remedy.executed", "notice.created"]);
        await endpoint(store, "we_c", ["notice.created"]);
        await endpoint(store, "we_off", ["remedy.executed"]);
        await store.disableWebhookEndpoint("we_off", T0);
        expect(
          await store.enqueueWebhookEvents([event("evt_1"), event("evt_2", "notice.created")]),
        ).toBe(4);
        // The same event again (a retried call) adds nothing.
        expect(await store.enqueueWebhookEvents([event("evt_1")])).toBe(0);
        const all = await store.listWebhookDeliveries();
        expect(all.map((d) => `${d.event}>${d.endpoint}`).sort()).toEqual([
          "evt_1>we_a",
          "evt_1>we_b",
          "evt_2>we_b",
          "evt_2>we_c",
        ]);
        const d = all.find((x) => x.event === "evt_1" && x.endpoint === "we_a");
        expect(d).toMatchObject({
          type: "remedy.executed",
          status: "pending",
          attempts: 0,
          nextAttemptAt: T0,
        });
        expect(JSON.parse(d?.body ?? "")).toEqual({
          id: "evt_1",
          type: "remedy.executed",
          created: new Date(T0).toISOString(),
          data: { n: "evt_1" },
        });
      },
    );

    storeTest(target, "two workers claiming at once never hold the same delivery", async (ctx) => {
      const a = webhooksOf(ctx.store);
      const b = webhooksOf(await ctx.open());
      await endpoint(a, "we_a");
      await a.enqueueWebhookEvents(Array.from({ length: 30 }, (_, i) => event(`evt_${i}`)));
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claim(i % 2 === 0 ? a : b, `w${i}`, T0, 5)),
      );
      const ids = claims.flat().map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(30);
      const first = claims.flat()[0];
      expect(first).toMatchObject({
        url: "https://example.com/we_a",
        secret: "secret-we_a",
        status: "delivering",
      });
    });

    storeTest(
      target,
      "records outcomes; a lapsed claim is taken over and its old worker refused",
      async (ctx) => {
        const store = webhooksOf(ctx.store);
        await endpoint(store, "we_a");
        await store.enqueueWebhookEvents([
          event("evt_ok"),
          event("evt_retry"),
          event("evt_dead"),
          event("evt_slow"),
        ]);
        const held = await claim(store, "w1");
        expect(held).toHaveLength(4);
        const id = (e: string) => held.find((d) => d.event === e)?.id ?? "";
        expect(
          await store.recordWebhookDelivery(id("evt_ok"), { worker: "w1", at: T0 + 1, ok: true }),
        ).toBe(true);
        expect(
          await store.recordWebhookDelivery(id("evt_retry"), {
            worker: "w1",
            at: T0 + 1,
            ok: false,
            error: "HTTP 503",
            nextAttemptAt: T0 + 1000,
          }),
        ).toBe(true);
        expect(
          await store.recordWebhookDelivery(id("evt_dead"), {
            worker: "w1",
            at: T0 + 1,
            ok: false,
            error: "HTTP 500",
          }),
        ).toBe(true);
        // Not yet due, not lapsed: nothing to claim.
        expect(await claim(store, "w2", T0 + 999)).toEqual([]);
        const later = await claim(store, "w2", T0 + 60_000);
        expect(later.map((d) => d.event).sort()).toEqual(["evt_retry", "evt_slow"]);
        expect(
          await store.recordWebhookDelivery(id("evt_slow"), {
            worker: "w1",
            at: T0 + 60_001,
            ok: true,
          }),
        ).toBe(false);
        expect(
          await store.recordWebhookDelivery(id("evt_slow"), {
            worker: "w2",
            at: T0 + 60_001,
            ok: true,
          }),
        ).toBe(true);
        const byEvent = new Map((await store.listWebhookDeliveries()).map((d) => [d.event, d]));
        expect(byEvent.get("evt_ok")).toMatchObject({ status: "delivered", attempts: 1 });
        expect(byEvent.get("evt_ok")?.lastError).toBeUndefined();
        expect(byEvent.get("evt_retry")).toMatchObject({
          status: "delivering",
          attempts: 1,
          lastError: "HTTP 503",
        });
        expect(byEvent.get("evt_dead")).toMatchObject({
          status: "dead",
          attempts: 1,
          lastError: "HTTP 500",
        });
        expect(byEvent.get("evt_dead")?.nextAttemptAt).toBeUndefined();
        expect(
          (await store.listWebhookDeliveries({ status: ["dead"] })).map((d) => d.event),
        ).toEqual(["evt_dead"]);
      },
    );

    storeTest(
      target,
      "replays dead deliveries (all, or by id), and skips disabled endpoints",
      async (ctx) => {
        const store = webhooksOf(ctx.store);
        await endpoint(store, "we_a");
        await endpoint(store, "we_b");
        await store.enqueueWebhookEvents([event("evt_1"), event("evt_2")]);
        for (const d of await claim(store, "w1")) {
          await store.recordWebhookDelivery(d.id, {
            worker: "w1",
            at: T0,
            ok: false,
            error: "gone",
          });
        }
        const dead = await store.listWebhookDeliveries({ status: ["dead"] });
        expect(dead).toHaveLength(4);
        const one = dead[0]?.id ?? "";
        expect(await store.replayWebhookDeliveries({ ids: [one, "dlv_unknown"] }, T0 + 10)).toEqual(
          [one],
        );
        // A pending delivery is not replayed again.
        expect(await store.replayWebhookDeliveries({ ids: [one] }, T0 + 11)).toEqual([]);
        expect(await store.replayWebhookDeliveries({ dead: true }, T0 + 20)).toHaveLength(3);
        expect(await store.listWebhookDeliveries({ status: ["dead"] })).toEqual([]);
        const replayed = (await store.listWebhookDeliveries()).find((d) => d.id === one);
        expect(replayed).toMatchObject({
          status: "pending",
          attempts: 0,
          nextAttemptAt: T0 + 10,
          lastError: "gone",
        });
        await store.disableWebhookEndpoint("we_b", T0 + 20);
        const due = await claim(store, "w2", T0 + 20);
        expect(due.map((d) => d.endpoint)).toEqual(["we_a", "we_a"]);
      },
    );

    storeTest(
      target,
      "replaces an event's data in every delivery of it, sent or not, and nothing else",
      async (ctx) => {
        const store = webhooksOf(ctx.store);
        await endpoint(store, "we_a", ["notice.created"]);
        await endpoint(store, "we_b", ["notice.created"]);
        const notice = (key: string): NewWebhookEvent => ({
          id: `notice:${key}`,
          type: "notice.created",
          at: T0,
          data: { notice: { key, body: `Dear Anna, about ${key}` } },
        });
        await store.enqueueWebhookEvents([notice("n1"), notice("n2"), notice("n3")]);
        // One delivery of n1 already sent, one waiting to be sent again.
        const held = await claim(store, "w1");
        for (const d of held.filter((x) => x.event === "notice:n1")) {
          await store.recordWebhookDelivery(d.id, {
            worker: "w1",
            at: T0 + 1,
            ok: d.endpoint === "we_a",
            error: "HTTP 503",
            nextAttemptAt: T0 + 1000,
          });
        }
        const before = await store.listWebhookDeliveries();
        const erased = (key: string) => ({
          id: `notice:${key}`,
          data: { notice: { key, status: "erased" } },
        });
        expect(
          await store.replaceWebhookEventData([erased("n1"), erased("n2"), erased("unknown")]),
        ).toBe(2);
        // The same data again changes nothing; none at all neither.
        expect(await store.replaceWebhookEventData([erased("n1")])).toBe(0);
        expect(await store.replaceWebhookEventData([])).toBe(0);
        const after = await store.listWebhookDeliveries();
        expect(after).toHaveLength(6);
        for (const d of after) {
          const was = before.find((x) => x.id === d.id);
          const { body: _b, ...rest } = d;
          const { body: _w, ...restBefore } = was ?? d;
          expect(rest).toEqual(restBefore);
          const body = JSON.parse(d.body) as Record<string, unknown>;
          expect(Object.keys(body)).toEqual(["id", "type", "created", "data"]);
          expect(body).toMatchObject({
            id: d.event,
            type: "notice.created",
            created: new Date(T0).toISOString(),
          });
          const key = d.event.slice("notice:".length);
          expect(body.data).toEqual(
            key === "n3"
              ? { notice: { key, body: "Dear Anna, about n3" } }
              : { notice: { key, status: "erased" } },
          );
        }
        // A delivery claimed again after the change sends the new data.
        const resent = await claim(store, "w2", T0 + 60_000);
        const n1 = resent.filter((d) => d.event === "notice:n1");
        expect(n1.map((d) => d.endpoint)).toEqual(["we_b"]);
        expect(n1[0]?.body).not.toContain("Dear Anna");
      },
    );

    storeTest(
      target,
      "events of a remedy move are enqueued with it, and only if it is made",
      async (ctx) => {
        const store = webhooksOf(ctx.store);
        await endpoint(store, "we_a", ["remedy.approved", "remedy.rejected"]);
        await ctx.store.recordRemedies([remedy("r1", { status: "awaiting_approval" })], 1);
        const followUp = (to: string) => ({
          chain: "test",
          entries: () => [],
          events: (
            moves: readonly { key: string; to: string }[],
            remedies: readonly { key: string; status: string }[],
          ) =>
            moves.map(
              (m): NewWebhookEvent => ({
                id: `evt_${m.key}_${to}`,
                type: to === "approved" ? "remedy.approved" : "remedy.rejected",
                at: T0,
                data: { key: m.key, status: remedies.find((r) => r.key === m.key)?.status },
              }),
            ),
        });
        const request = { from: ["awaiting_approval" as const], at: T0, actor: "a-1" };
        expect(
          await ctx.store.transition("r1", { ...request, to: "approved" }, followUp("approved")),
        ).toMatchObject({ ok: true });
        // Refused (already approved): no event.
        expect(
          await ctx.store.transition("r1", { ...request, to: "rejected" }, followUp("rejected")),
        ).toMatchObject({ ok: false });
        const deliveries = await store.listWebhookDeliveries();
        expect(deliveries.map((d) => d.event)).toEqual(["evt_r1_approved"]);
        expect(JSON.parse(deliveries[0]?.body ?? "").data).toEqual({
          key: "r1",
          status: "approved",
        });
      },
    );
  });
}
