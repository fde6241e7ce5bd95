/**
 * The webhook executor end to end: a real payment endpoint (node:http on 127.0.0.1) receives
 * each remedy from the outbox and confirms it by calling the API back, as the company would.
 */
import { hasWebhooks } from "@goodfaith/core";
import {
  executorActor,
  ledgerSecret,
  movesOnLedger,
  retryRemedy,
  runOutbox,
  verifyWebhookSignature,
  WebhookExecutor,
} from "@goodfaith/store";
import { afterEach, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "../../../../test/support/receiver.js";
import { awaitingRemedy, type Harness, harness } from "../../test/harness.js";

const SECRET = "whsec_payments";
let clock = Date.UTC(2026, 10, 10);
let h: Harness | undefined;
let receiver: Receiver | undefined;

afterEach(async () => {
  await receiver?.close();
  await h?.close();
  receiver = undefined;
  h = undefined;
});

// An approved remedy, and an endpoint subscribed to what happens to it.
async function approvedRemedy(harnessed: Harness): Promise<string> {
  const key = await awaitingRemedy(harnessed);
  const hook = await harnessed.call("/v1/webhooks", {
    json: { url: "https://hooks.example.com/x", events: ["remedy.approved", "remedy.executed"] },
  });
  expect(hook.status).toBe(201);
  const approved = await harnessed.call(`/v1/remedies/${encodeURIComponent(key)}/approve`, {
    json: {},
    as: "agent",
  });
  expect(approved.status).toBe(200);
  return key;
}

const confirm = (key: string, json: object = { reference: "re_1" }) =>
  h?.call(`/v1/remedies/${encodeURIComponent(key)}/confirm`, { json, as: "executor" });

async function deliveredTypes(): Promise<string[]> {
  const store = h?.store;
  if (store === undefined || !hasWebhooks(store)) throw new Error("no webhooks");
  return (await store.listWebhookDeliveries()).map((d) => d.type).sort();
}

describe("the webhook executor", () => {
  it("POSTs the refund with its tenders, signed; the company confirms by callback", async () => {
    clock = Date.UTC(2026, 10, 10);
    h = await harness({ now: () => clock });
    const key = await approvedRemedy(h);
    receiver = await startReceiver(async (request) => {
      const body = JSON.parse(request.body) as { remedy: { key: string } };
      // Accepted now, confirmed by callback before answering: the worst order for a race.
      const res = await confirm(body.remedy.key);
      expect(res?.status).toBe(200);
      return { status: 202 };
    });
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    const run = await runOutbox(h.store, executor, { worker: "w1", now: () => clock });
    expect(run).toMatchObject({ claimed: 1, pending: 1, executed: 0 });

    const [sent] = receiver.received;
    expect(sent?.headers["idempotency-key"]).toBe(key);
    const check = verifyWebhookSignature(
      sent?.body ?? "",
      sent?.headers["goodfaith-signature"] as string,
      SECRET,
      { now: Math.floor(clock / 1000) },
    );
    expect(check.ok).toBe(true);
    expect(JSON.parse(sent?.body ?? "")).toMatchObject({
      type: "remedy.execute",
      idempotencyKey: key,
      attempt: 1,
      remedy: {
        key,
        kind: "refund",
        amount: { amount: "500.00", currency: "EUR" },
        tenders: [{ method: "card", amount: "500.00", currency: "EUR" }],
      },
      callbacks: { confirm: `/v1/remedies/${encodeURIComponent(key)}/confirm` },
    });
    const history = await h.store.getRemedy(key);
    if (history === undefined) throw new Error("no remedy");
    expect(history.remedy).toMatchObject({ status: "executed", attempts: 1, reference: "re_1" });
    expect(history.transitions.map((t) => `${t.from}>${t.to}`).slice(-2)).toEqual([
      "approved>executing",
      "executing>executed",
    ]);
    // The payment system's reference is shown with the remedy.
    const shown = await h.call(`/v1/remedies/${encodeURIComponent(key)}`);
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as { remedy: { reference?: string } }).remedy.reference).toBe(
      "re_1",
    );
    // Each move's webhook event was enqueued with it.
    expect(await deliveredTypes()).toEqual(["remedy.approved", "remedy.executed"]);
    // A repeated confirmation is harmless; one naming another payment, or failing an executed
    // remedy, is a conflict.
    expect((await confirm(key))?.status).toBe(200);
    expect((await confirm(key, {}))?.status).toBe(200);
    const other = await confirm(key, { reference: "re_2" });
    expect(other?.status).toBe(409);
    expect(await other?.json()).toMatchObject({ remedyStatus: "executed" });
    const fail = await h.call(`/v1/remedies/${encodeURIComponent(key)}/fail`, {
      json: { error: "too late" },
      as: "executor",
    });
    expect(fail.status).toBe(409);
    expect(await deliveredTypes()).toEqual(["remedy.approved", "remedy.executed"]);
  });

  it("re-sends an unconfirmed remedy after the lease, same key, and executes it once", async () => {
    clock = Date.UTC(2026, 10, 11);
    h = await harness({ now: () => clock });
    const key = await approvedRemedy(h);
    receiver = await startReceiver(() => ({ status: 202, body: '{"status":"accepted"}' }));
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    const options = { worker: "w1", leaseMs: 60_000, now: () => clock };

    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
    clock += 59_999; // still within the lease: nothing is sent again
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 0 });
    clock += 1;
    expect(await runOutbox(h.store, executor, { ...options, worker: "w2" })).toMatchObject({
      claimed: 1,
      pending: 1,
    });
    clock += 60_000;
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.map((r) => r.headers["idempotency-key"])).toEqual([key, key, key]);
    expect(
      receiver.received.map((r) => (JSON.parse(r.body) as { attempt: number }).attempt),
    ).toEqual([1, 2, 3]);

    clock += 1000;
    expect((await confirm(key))?.status).toBe(200);
    clock += 120_000;
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(3);
    const history = await h.store.getRemedy(key);
    if (history === undefined) throw new Error("no remedy");
    // Each re-send after a lease ran out was an attempt: three sends, one execution.
    expect(history.remedy).toMatchObject({ status: "executed", attempts: 3, reference: "re_1" });
    expect(history.transitions.filter((t) => t.to === "executed")).toHaveLength(1);
    expect(history.transitions.map((t) => `${t.from}>${t.to}`).slice(-4)).toEqual([
      "approved>executing",
      "executing>executing",
      "executing>executing",
      "executing>executed",
    ]);
  });

  it("a remedy acknowledged but never confirmed goes to the dead letter after maxAttempts", async () => {
    clock = Date.UTC(2026, 10, 13);
    h = await harness({ now: () => clock });
    const key = await approvedRemedy(h);
    const hook = await h.call("/v1/webhooks", {
      json: { url: "https://hooks.example.com/dead", events: ["remedy.dead"] },
    });
    expect(hook.status).toBe(201);
    receiver = await startReceiver(() => ({ status: 202, body: '{"status":"accepted"}' }));
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    const options = { worker: "w1", leaseMs: 60_000, maxAttempts: 4, now: () => clock };
    for (let i = 0; i < 4; i++) {
      expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
      clock += 60_000;
    }
    const gaveUp = await runOutbox(h.store, executor, options);
    expect(gaveUp).toMatchObject({ claimed: 0, pending: 0, dead: 1 });
    clock += 3_600_000;
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 0 });
    expect(
      receiver.received.map((r) => (JSON.parse(r.body) as { attempt: number }).attempt),
    ).toEqual([1, 2, 3, 4]);
    const history = await h.store.getRemedy(key);
    expect(history?.remedy).toMatchObject({
      status: "dead",
      attempts: 4,
      lastError: "not confirmed after 4 attempts",
    });
    expect(history?.transitions.at(-1)).toMatchObject({
      from: "executing",
      to: "dead",
      reason: "not confirmed after 4 attempts",
    });
    // The move's webhook event went with it.
    expect(await deliveredTypes()).toEqual(["remedy.approved", "remedy.dead"]);
    // A failure reported now changes nothing; a confirmation now is the truth: the customer was
    // paid. It is recorded like any confirmation, by the callback, noting it came late.
    const failPath = `/v1/remedies/${encodeURIComponent(key)}/fail`;
    const failed = await h.call(failPath, { json: { error: "declined" }, as: "executor" });
    expect(failed.status).toBe(409);
    expect(await failed.json()).toMatchObject({ remedyStatus: "dead" });
    clock += 1000;
    const late = await confirm(key, { reference: "re_late" });
    expect(late?.status).toBe(200);
    const body = (await late?.json()) as {
      remedy: { status: string; attempts: number; reference?: string };
      transitions: { from?: string; to: string; actor: string; reason?: string }[];
    };
    expect(body.remedy).toMatchObject({ status: "executed", attempts: 4, reference: "re_late" });
    expect(body.transitions.at(-1)).toMatchObject({
      from: "dead",
      to: "executed",
      actor: expect.stringMatching(/^api-key:/),
      reason: "confirmed after dead-lettering",
    });
    expect(await deliveredTypes()).toEqual(["remedy.approved", "remedy.dead", "remedy.executed"]);
    // Idempotent: the same confirmation again is a 200 and records nothing more; a manual retry
    // (which could pay a second time) and the outbox leave it alone.
    expect((await confirm(key, { reference: "re_late" }))?.status).toBe(200);
    expect((await confirm(key, { reference: "re_other" }))?.status).toBe(409);
    expect(await retryRemedy(h.store, key, "agent:a-1", clock)).toMatchObject({
      ok: false,
      status: "executed",
    });
    clock += 3_600_000;
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(4);
    const after = await h.store.getRemedy(key);
    expect(after?.transitions.filter((t) => t.to === "executed")).toHaveLength(1);
    expect(await deliveredTypes()).toEqual(["remedy.approved", "remedy.dead", "remedy.executed"]);
    const verdict = await h.call("/v1/ledger/verify");
    expect(await verdict.json()).toMatchObject({ ok: true, remedies: { ok: true } });
  });

  it("a confirmation of a remedy never sent is refused; one racing a manual retry pays once", async () => {
    clock = Date.UTC(2026, 10, 14);
    h = await harness({ now: () => clock });
    const key = await approvedRemedy(h);
    // Approved, never sent: there is nothing to confirm.
    const early = await confirm(key);
    expect(early?.status).toBe(409);
    expect(await early?.json()).toMatchObject({ remedyStatus: "approved" });
    receiver = await startReceiver(() => ({ status: 503 }));
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    const options = { worker: "w1", maxAttempts: 1, now: () => clock };
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ dead: 1 });
    // An operator retries while the payment system's confirmation is on its way.
    expect(await retryRemedy(h.store, key, "agent:a-1", clock)).toMatchObject({ ok: true });
    expect((await confirm(key))?.status).toBe(200);
    expect(await runOutbox(h.store, executor, options)).toMatchObject({ claimed: 0 });
    expect(receiver.received).toHaveLength(1);
    const history = await h.store.getRemedy(key);
    expect(history?.remedy).toMatchObject({ status: "executed", attempts: 1 });
    expect(history?.transitions.at(-1)).toMatchObject({
      from: "approved",
      to: "executed",
      reason: "confirmed after a manual retry",
    });
    const verdict = await h.call("/v1/ledger/verify");
    expect(await verdict.json()).toMatchObject({ ok: true, remedies: { ok: true } });
  });

  it("a failure callback schedules a retry (same key) or dead-letters", async () => {
    clock = Date.UTC(2026, 10, 12);
    h = await harness({ now: () => clock });
    const key = await approvedRemedy(h);
    receiver = await startReceiver(() => ({ status: 202 }));
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    await runOutbox(h.store, executor, { worker: "w1", now: () => clock });
    const path = `/v1/remedies/${encodeURIComponent(key)}/fail`;
    const retry = await h.call(path, {
      json: { error: "bank timeout", retryable: true },
      as: "executor",
    });
    expect(retry.status).toBe(200);
    expect((await h.store.getRemedy(key))?.remedy).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "bank timeout",
    });
    // Not executing any more: a late failure report changes nothing; the retry carries the same key.
    const again = await h.call(path, { json: { error: "bank timeout" }, as: "executor" });
    expect(again.status).toBe(409);
    clock += 3_600_000;
    await runOutbox(h.store, executor, { worker: "w1", now: () => clock });
    expect(receiver.received.map((r) => r.headers["idempotency-key"])).toEqual([key, key]);
    const dead = await h.call(path, { json: { error: "account closed" }, as: "executor" });
    expect(dead.status).toBe(200);
    expect((await h.store.getRemedy(key))?.remedy).toMatchObject({ status: "dead", attempts: 2 });
    expect(await h.call("/v1/remedies/nope/confirm", { json: {}, as: "executor" })).toHaveProperty(
      "status",
      404,
    );
  });

  it("a failure of the attempt a takeover moved past, before it sent again, is recorded; the takeover sends nothing", async () => {
    clock = Date.UTC(2026, 10, 15);
    h = await harness({ now: () => clock });
    const store = h.store;
    const key = await approvedRemedy(h);
    receiver = await startReceiver(() => ({ status: 202 }));
    const executor = new WebhookExecutor({ url: receiver.url, secret: SECRET, now: () => clock });
    const secret = await ledgerSecret(store);
    const lease = { leaseMs: 60_000, maxAttempts: 5 };
    // Another worker takes the remedy over once the lease of the send ran out, and has not
    // sent it again when the payment system's failure of the first send comes in.
    const takeOver = async (worker: string) => {
      clock += 60_000;
      const request = { now: clock, limit: 1, worker, ...lease };
      const actor = executorActor(worker);
      const [claim] = await store.claimDue(request, movesOnLedger(secret, actor, clock));
      expect(claim).toMatchObject({ key, claimedBy: worker });
      expect(claim?.attemptStartedAt).toBeUndefined();
    };
    const fail = (json: object) =>
      h?.call(`/v1/remedies/${encodeURIComponent(key)}/fail`, { json, as: "executor" });

    await runOutbox(store, executor, { worker: "w1", now: () => clock, ...lease });
    await takeOver("w2");
    const retry = await fail({ error: "bank timeout", retryable: true });
    expect(retry?.status).toBe(200);
    const failed = (await store.getRemedy(key))?.remedy;
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: "bank timeout" });
    expect(failed?.nextAttemptAt).toBeGreaterThan(clock);
    // The takeover's claim is gone: it may not start, so nothing is sent twice.
    expect(await store.startAttempt(key, "w2", clock)).toBe(false);
    expect(receiver.received).toHaveLength(1);

    // After the backoff, the retry sends it again (same key); a refusal for good of that send,
    // coming while a takeover has not sent yet, dead-letters it.
    clock += 3_600_000;
    expect(
      await runOutbox(store, executor, { worker: "w1", now: () => clock, ...lease }),
    ).toMatchObject({ claimed: 1, pending: 1 });
    await takeOver("w3");
    const dead = await fail({ error: "account closed" });
    expect(dead?.status).toBe(200);
    expect(await dead?.json()).toMatchObject({
      remedy: { status: "dead", attempts: 2, lastError: "account closed" },
    });
    expect(await store.startAttempt(key, "w3", clock)).toBe(false);
    clock += 3_600_000;
    expect(
      await runOutbox(store, executor, { worker: "w3", now: () => clock, ...lease }),
    ).toMatchObject({ claimed: 0 });
    expect(receiver.received.map((r) => r.headers["idempotency-key"])).toEqual([key, key]);
    const history = await store.getRemedy(key);
    expect(history?.transitions.slice(-5).map((t) => `${t.from}>${t.to}`)).toEqual([
      "executing>executing",
      "executing>failed",
      "failed>executing",
      "executing>executing",
      "executing>dead",
    ]);
    expect(history?.transitions.at(-1)).toMatchObject({
      actor: expect.stringMatching(/^api-key:/),
      reason: "failed after the lease of its attempt ran out: account closed",
    });
    const verdict = await h.call("/v1/ledger/verify");
    expect(await verdict.json()).toMatchObject({ ok: true, remedies: { ok: true } });
  });

  it("a misspelt callback field is a located 400, not a confirmation without its reference", async () => {
    h = await harness();
    const key = encodeURIComponent(await approvedRemedy(h));
    for (const [action, json] of [
      ["confirm", { referenc: "re_1" }],
      ["fail", { error: "x", retriable: true }],
    ] as const) {
      const res = await h.call(`/v1/remedies/${key}/${action}`, {
        json,
        as: "executor",
        headers: { "accept-language": "sv" },
      });
      expect(res.status).toBe(400);
      const field = Object.keys(json).at(-1);
      expect(await res.json()).toMatchObject({
        code: "invalid_request",
        issues: [{ code: "request.unrecognized_keys", path: field }],
      });
    }
    expect((await h.store.getRemedy(decodeURIComponent(key)))?.remedy.status).toBe("approved");
  });
});
