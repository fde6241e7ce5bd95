/**
 * Test support for the outbox's commands: a remedy waiting for it, and a payment system that
 * asks the worker to stop while it pays the first of them (so no idle pass ends the burst the
 * worker is in, and the others are handed back unstarted).
 */
import type { NewRemedy } from "@goodfaith/core";
import { openStore } from "@goodfaith/store";
import { type Receiver, startReceiver } from "./receiver.js";

/** A refund approved at `at` (epoch ms): due for the outbox. */
export function approvedRemedy(key: string, at: number): NewRemedy {
  return {
    key,
    promise: "gate",
    version: "1",
    customer: "c-1",
    kind: "refund",
    amount: { amount: "5.00", currency: "EUR" },
    status: "approved",
    at,
    detail: "{}",
  };
}

/**
 * A store at `db` holding `count` approved remedies (`gate:o-1`…), and a payment system that
 * pays what it is sent and, while it pays the first, resolves `until` (the command's stop).
 */
export async function stopWhilePaying(
  db: string,
  count = 1,
): Promise<{ until: Promise<void>; receiver: Receiver }> {
  const store = await openStore(db);
  const at = Date.now() - 1000;
  await store.recordRemedies(
    Array.from({ length: count }, (_, i) => approvedRemedy(`gate:o-${i + 1}`, at)),
    1,
  );
  await store.close();
  let stop = () => {};
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const receiver = await startReceiver(() => {
    stop();
    return { status: 200, body: '{"status":"executed"}' };
  });
  return { until, receiver };
}
