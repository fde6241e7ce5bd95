import {
  type ExecutionAttempt,
  type ExecutionResult,
  hasWebhooks,
  type RemedyExecutor,
  type RemedyToExecute,
  type Store,
} from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import {
  describeOnEachSharedDatabase,
  type SharedDatabase,
} from "../../../../test/support/sql-targets.js";
import { ledgerMoves, remedy, T0 } from "../conformance/fixtures.js";
import { ledgerSecret } from "../ingest/secret.js";
import { verifyLedger } from "../ingest/verify-ledger.js";
import { registerWebhookEndpoint } from "../webhooks/endpoints.js";
import { RecordingExecutor } from "./recording-executor.js";
import { retryRemedy } from "./retry-remedy.js";
import { runOutbox } from "./run-outbox.js";
import { settleRemedy } from "./settle-remedy.js";

/** An executor that answers from a script (then succeeds), recording every call. */
class ScriptedExecutor implements RemedyExecutor {
  readonly calls: { key: string; attempt: ExecutionAttempt }[] = [];
  constructor(readonly script: (ExecutionResult | Error)[]) {}
  async execute(remedy: RemedyToExecute, attempt: ExecutionAttempt): Promise<ExecutionResult> {
    this.calls.push({ key: remedy.key, attempt });
    const next = this.script.shift() ?? { ok: true };
    if (next instanceof Error) throw next;
    return next;
  }
}

const fail = (error: string, retryable = true): ExecutionResult => ({
  ok: false,
  error,
  retryable,
});

async function expectLedgerVerifies(store: Store): Promise<void> {
  const verdict = await verifyLedger(store);
  expect(verdict.ok).toBe(true);
}

function describeOutboxWorker(name: string, fresh: () => Promise<SharedDatabase>): void {
  describe(`outbox worker: ${name}`, () => {
    const test = (title: string, body: (db: SharedDatabase, store: Store) => Promise<void>) =>
      it(title, async () => {
        const db = await fresh();
        try {
          await body(db, await db.open());
        } finally {
          await db.dispose();
        }
      });

    test("two workers running at once execute each approved remedy exactly once", async (db, store) => {
      const other = await db.open();
      const keys = Array.from({ length: 24 }, (_, i) => `late:o-${i}:customer:c-${i % 5}`);
      await store.recordRemedies(
        keys.map((k) => remedy(k)),
        1,
      );
      await ledgerSecret(store); // generated once, so both workers use the same secret
      const executor = new RecordingExecutor();
      const worker = (s: Store, w: string) => async () => {
        const runs = [];
        for (let i = 0; i < 6; i++) {
          runs.push(await runOutbox(s, executor, { worker: w, limit: 3, now: () => T0 + 1000 }));
        }
        return runs;
      };
      const [a, b] = await Promise.all([worker(store, "w1")(), worker(other, "w2")()]);
      const seen = executor.calls.map((c) => c.remedy.key);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...keys].sort());
      for (const c of executor.calls) {
        expect(c.attempt).toEqual({ number: 1, idempotencyKey: c.remedy.key });
      }
      const total = [...a, ...b].reduce(
        (t, s) => ({ claimed: t.claimed + s.claimed, executed: t.executed + s.executed }),
        { claimed: 0, executed: 0 },
      );
      expect(total).toEqual({ claimed: 24, executed: 24 });
      const page = await store.listRemedies({ status: ["executed"] }, { limit: 100 });
      expect(page.remedies).toHaveLength(24);
      await expectLedgerVerifies(store);
      for (const key of keys) {
        const history = await store.getRemedy(key);
        const w = history?.remedy.attempts === 1 ? history.transitions.at(-1)?.actor : undefined;
        expect(w === "w1" || w === "w2").toBe(true);
        expect(await ledgerMoves(store, key)).toEqual([
          `approved>executing@executor:${w}`,
          `executing>executed@executor:${w}`,
        ]);
      }
    });

    test("a retryable failure is retried after the backoff, then dead after maxAttempts; a manual retry brings it back", async (_db, store) => {
      const key = "late:o-1:customer:c-1";
      await store.recordRemedies([remedy(key)], 1);
      const executor = new ScriptedExecutor([
        fail("timeout"),
        new Error("socket hang up"),
        fail("503"),
      ]);
      let now = T0;
      const options = {
        worker: "w1",
        maxAttempts: 3,
        backoff: { baseMs: 1000, maxMs: 60_000 },
        random: () => 0.5,
        now: () => now,
      };

      const first = await runOutbox(store, executor, options);
      expect(first).toMatchObject({ claimed: 1, executed: 0, retried: 1, dead: 0, lost: 0 });
      expect(first.outcomes[0]).toMatchObject({
        status: "failed",
        attempt: 1,
        error: "timeout",
        nextAttemptAt: T0 + 500,
      });
      let stored = (await store.getRemedy(key))?.remedy;
      expect(stored).toMatchObject({
        status: "failed",
        attempts: 1,
        nextAttemptAt: T0 + 500,
        lastError: "timeout",
      });

      now = T0 + 499; // not before the backoff
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0 });
      expect(executor.calls).toHaveLength(1);

      now = T0 + 500;
      const second = await runOutbox(store, executor, options);
      expect(second.outcomes[0]).toMatchObject({
        status: "failed",
        attempt: 2,
        error: "socket hang up",
        nextAttemptAt: T0 + 500 + 1000,
      });

      now = T0 + 1499;
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0 });
      now = T0 + 1500;
      const third = await runOutbox(store, executor, options);
      expect(third).toMatchObject({ claimed: 1, retried: 0, dead: 1 });
      stored = (await store.getRemedy(key))?.remedy;
      expect(stored).toMatchObject({ status: "dead", attempts: 3, lastError: "503" });
      expect(stored?.nextAttemptAt).toBeUndefined();

      now = T0 + 100_000; // dead stays dead
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0 });

      const retried = await retryRemedy(store, key, "agent:a-17", now);
      expect(retried).toEqual({ ok: true, from: "dead" });
      expect(await retryRemedy(store, key, "agent:a-17", now)).toMatchObject({
        ok: false,
        code: "status_mismatch",
        status: "approved",
      });
      const fourth = await runOutbox(store, executor, options);
      expect(fourth).toMatchObject({ claimed: 1, executed: 1 });
      expect((await store.getRemedy(key))?.remedy).toMatchObject({
        status: "executed",
        attempts: 4,
      });

      expect(executor.calls.map((c) => c.attempt)).toEqual(
        [1, 2, 3, 4].map((number) => ({ number, idempotencyKey: key })),
      );
      const history = await store.getRemedy(key);
      expect(history?.transitions.find((t) => t.actor === "agent:a-17")).toMatchObject({
        from: "dead",
        to: "approved",
        at: T0 + 100_000,
        reason: "manual retry",
      });
      await expectLedgerVerifies(store);
      expect(await ledgerMoves(store, key)).toEqual([
        "approved>executing@executor:w1",
        "executing>failed@executor:w1",
        "failed>executing@executor:w1",
        "executing>failed@executor:w1",
        "failed>executing@executor:w1",
        "executing>dead@executor:w1",
        "dead>approved@agent:a-17",
        "approved>executing@executor:w1",
        "executing>executed@executor:w1",
      ]);
    });

    test("a hand-over never confirmed is re-sent each lease as a new attempt, dead after maxAttempts; a manual retry sends it once more", async (_db, store) => {
      const key = "refund:o-unconfirmed";
      await store.recordRemedies([remedy(key)], 1);
      const executor = new ScriptedExecutor(
        Array.from({ length: 5 }, (): ExecutionResult => ({ ok: false, pending: true })),
      );
      let now = T0;
      const options = { worker: "w1", leaseMs: 60_000, maxAttempts: 3, now: () => now };
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
      now += 59_999; // within the lease: not sent again
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0 });
      now += 1;
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
      now += 60_000;
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
      expect((await store.getRemedy(key))?.remedy).toMatchObject({
        status: "executing",
        attempts: 2,
      });
      now += 60_000;
      const gaveUp = await runOutbox(store, executor, options);
      expect(gaveUp).toMatchObject({ claimed: 0, pending: 0, dead: 1 });
      expect(gaveUp.outcomes).toEqual([
        { key, status: "dead", attempt: 3, error: "not confirmed after 3 attempts" },
      ]);
      expect(executor.calls.map((c) => c.attempt)).toEqual(
        [1, 2, 3].map((number) => ({ number, idempotencyKey: key })),
      );
      const dead = await store.getRemedy(key);
      expect(dead?.remedy).toMatchObject({
        status: "dead",
        attempts: 3,
        lastError: "not confirmed after 3 attempts",
      });
      expect(dead?.remedy.claimedBy).toBeUndefined();
      expect(dead?.transitions.at(-1)).toMatchObject({
        from: "executing",
        to: "dead",
        actor: "w1",
        at: now,
        reason: "not confirmed after 3 attempts",
      });
      now += 3_600_000; // dead stays dead
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0, dead: 0 });
      expect(executor.calls).toHaveLength(3);

      expect(await retryRemedy(store, key, "agent:a-2", now)).toEqual({ ok: true, from: "dead" });
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 1, pending: 1 });
      expect(executor.calls.at(-1)?.attempt).toEqual({ number: 4, idempotencyKey: key });
      now += 60_000;
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0, dead: 1 });
      expect((await store.getRemedy(key))?.remedy).toMatchObject({
        status: "dead",
        lastError: "not confirmed after 4 attempts",
      });
      await expectLedgerVerifies(store);
      expect(await ledgerMoves(store, key)).toEqual([
        "approved>executing@executor:w1",
        "executing>executing@executor:w1",
        "executing>executing@executor:w1",
        "executing>dead@executor:w1",
        "dead>approved@agent:a-2",
        "approved>executing@executor:w1",
        "executing>dead@executor:w1",
      ]);
    });

    test("an executed remedy keeps the executor's reference", async (_db, store) => {
      if (!hasWebhooks(store)) throw new Error("the store delivers no webhooks");
      await registerWebhookEndpoint(store, "https://example.com/hooks", ["remedy.executed"]);
      await store.recordRemedies([remedy("ref:o-1"), remedy("ref:o-2")], 1);
      const executor = new ScriptedExecutor([{ ok: true, reference: "re_42" }, { ok: true }]);
      const run = await runOutbox(store, executor, { worker: "w1", now: () => T0 });
      expect(run.outcomes.map((o) => [o.key, o.reference])).toEqual([
        ["ref:o-1", "re_42"],
        ["ref:o-2", undefined],
      ]);
      expect((await store.getRemedy("ref:o-1"))?.remedy).toMatchObject({
        status: "executed",
        reference: "re_42",
      });
      const second = (await store.getRemedy("ref:o-2"))?.remedy;
      expect(second?.status).toBe("executed");
      expect(second).not.toHaveProperty("reference");
      // The payment system's id also reaches the company's endpoints with remedy.executed.
      const executed = (await store.listWebhookDeliveries({ limit: 10 })).map(
        (d) => JSON.parse(d.body).data.remedy,
      );
      expect(executed.map((r) => [r.key, r.reference]).sort()).toEqual([
        ["ref:o-1", "re_42"],
        ["ref:o-2", undefined],
      ]);
      await store.recordRemedies([remedy("ref:o-3")], 2);
      await runOutbox(store, new RecordingExecutor(), { worker: "w1", now: () => T0 });
      expect((await store.getRemedy("ref:o-3"))?.remedy.reference).toBe("recorded:ref:o-3");
    });

    test("a remedy the payment system confirms by callback before answering counts as executed, not lost", async (_db, store) => {
      await store.recordRemedies([remedy("cb:o-1"), remedy("cb:o-2")], 1);
      // It confirms (or fails) through the API first, then answers the POST: both say the same.
      const executor: RemedyExecutor = {
        async execute(r) {
          const settlement =
            r.key === "cb:o-1"
              ? { ok: true as const, reference: "re_cb" }
              : { ok: false as const, error: "card closed", retryable: false };
          await settleRemedy(store, r.key, settlement, "api-key:payments", T0);
          return settlement;
        },
      };
      const run = await runOutbox(store, executor, { worker: "w1", now: () => T0 });
      expect(run).toMatchObject({ claimed: 2, executed: 1, dead: 1, lost: 0 });
      expect(run.outcomes).toEqual([
        { key: "cb:o-1", status: "executed", attempt: 1, reference: "re_cb" },
        { key: "cb:o-2", status: "dead", attempt: 1, error: "card closed" },
      ]);
    });

    test("a non-retryable failure goes straight to the dead letter", async (_db, store) => {
      const key = "refund:o-9";
      await store.recordRemedies([remedy(key)], 1);
      const executor = new ScriptedExecutor([fail("card closed", false)]);
      const summary = await runOutbox(store, executor, { worker: "w9", now: () => T0 });
      expect(summary).toMatchObject({ claimed: 1, executed: 0, retried: 0, dead: 1 });
      expect((await store.getRemedy(key))?.remedy).toMatchObject({
        status: "dead",
        attempts: 1,
        lastError: "card closed",
      });
      await expectLedgerVerifies(store);
      expect(await ledgerMoves(store, key)).toEqual([
        "approved>executing@executor:w9",
        "executing>dead@executor:w9",
      ]);
      // A failed remedy can be retried by hand too, before its time.
      const other = "refund:o-10";
      await store.recordRemedies([remedy(other)], 2);
      await runOutbox(store, new ScriptedExecutor([fail("timeout")]), {
        worker: "w9",
        now: () => T0,
        random: () => 0.99,
      });
      expect(await retryRemedy(store, other, "agent:a-1", T0 + 1)).toEqual({
        ok: true,
        from: "failed",
      });
      expect(
        await runOutbox(store, new RecordingExecutor(), { worker: "w9", now: () => T0 + 1 }),
      ).toMatchObject({ claimed: 1, executed: 1 });
      await expectLedgerVerifies(store);
    });

    test("a claim whose lease ran out before its turn is not executed, and is taken over", async (_db, store) => {
      await store.recordRemedies([remedy("a"), remedy("b")], 1);
      const executor = new ScriptedExecutor([]);
      let calls = 0;
      let clock = T0;
      // The claim happens at T0; by the time "b" comes up, its lease of 1000 ms has run out.
      const slow = async (r: RemedyToExecute, attempt: ExecutionAttempt) => {
        clock = T0 + 1000;
        return executor.execute(r, attempt);
      };
      const summary = await runOutbox(
        store,
        { execute: slow },
        {
          worker: "w1",
          leaseMs: 1000,
          now: () => {
            calls++;
            return clock;
          },
        },
      );
      expect(calls).toBeGreaterThan(1);
      expect(summary).toMatchObject({ claimed: 2, executed: 1, lost: 1 });
      expect(summary.outcomes.map((o) => `${o.key}:${o.status}`)).toEqual(["a:executed", "b:lost"]);
      expect(executor.calls.map((c) => c.key)).toEqual(["a"]);
      const next = await runOutbox(store, executor, {
        worker: "w2",
        leaseMs: 1000,
        now: () => clock,
      });
      expect(next).toMatchObject({ claimed: 1, executed: 1, lost: 0 });
      // "b" was never sent: the takeover counts no attempt for it, so its first send is attempt 1.
      expect(executor.calls.map((c) => c.attempt)).toEqual([
        { number: 1, idempotencyKey: "a" },
        { number: 1, idempotencyKey: "b" },
      ]);
      expect((await store.getRemedy("b"))?.remedy).toMatchObject({
        status: "executed",
        attempts: 1,
      });
      await expectLedgerVerifies(store);
      expect(await ledgerMoves(store, "b")).toEqual([
        "approved>executing@executor:w1",
        "executing>executing@executor:w2",
        "executing>executed@executor:w2",
      ]);
    });

    test("remedies not approved, or not yet due, are left alone", async (_db, store) => {
      await store.recordRemedies(
        [
          remedy("waiting", { status: "awaiting_approval" }),
          remedy("planned", { status: "planned" }),
          remedy("later", { nextAttemptAt: T0 + 60_000 }),
        ],
        1,
      );
      const executor = new RecordingExecutor();
      expect(await runOutbox(store, executor, { worker: "w1", now: () => T0 })).toEqual({
        claimed: 0,
        executed: 0,
        retried: 0,
        dead: 0,
        lost: 0,
        pending: 0,
        released: 0,
        outcomes: [],
      });
      expect(executor.calls).toEqual([]);
      expect(await retryRemedy(store, "nope", "agent:a-1", T0)).toEqual({
        ok: false,
        code: "unknown_remedy",
      });
    });
  });
}

await describeOnEachSharedDatabase("outbox worker", (target) =>
  describeOutboxWorker(target.name, () => target.fresh()),
);
