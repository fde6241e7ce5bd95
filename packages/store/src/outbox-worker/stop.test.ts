import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  ExecutionAttempt,
  ExecutionResult,
  RemedyExecutor,
  RemedyToExecute,
  Store,
} from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { describePostgres, dropSchema } from "../../../../test/support/postgres.js";
import { approvedOnLedger, ledgerMoves, remedy, T0 } from "../conformance/fixtures.js";
import { ledgerSecret } from "../ingest/secret.js";
import { verifyLedger } from "../ingest/verify-ledger.js";
import { openStore } from "../open-store.js";
import { runOutbox } from "./run-outbox.js";
import { type OutboxPass, startOutboxWorker } from "./worker.js";

/** A payment system whose first call hangs until `answer`, and that records every call. */
class SlowFirstCall implements RemedyExecutor {
  readonly calls: { key: string; attempt: number }[] = [];
  #entered = () => {};
  #answer = () => {};
  /** Resolves once the first call is under way. */
  readonly entered = new Promise<void>((resolve) => {
    this.#entered = resolve;
  });
  readonly #answered = new Promise<void>((resolve) => {
    this.#answer = resolve;
  });
  constructor(readonly onCall: () => void = () => {}) {}
  async execute(remedy: RemedyToExecute, attempt: ExecutionAttempt): Promise<ExecutionResult> {
    this.calls.push({ key: remedy.key, attempt: attempt.number });
    this.onCall();
    if (this.calls.length === 1) {
      this.#entered();
      await this.#answered;
    }
    return { ok: true, reference: `re_${remedy.key}` };
  }
  /** Lets the first call answer. */
  answer(): void {
    this.#answer();
  }
}

/** Three approved remedies, on the ledger as ingest writes them, due at `at`. */
async function threeDue(store: Store, at: number): Promise<readonly string[]> {
  const keys = ["late:o-1", "late:o-2", "late:o-3"];
  const secret = await ledgerSecret(store);
  await store.recordRemedies(
    keys.map((k) => remedy(k, { at, nextAttemptAt: at })),
    1,
    approvedOnLedger(secret, at),
  );
  return keys;
}

async function expectLedgerAgrees(store: Store): Promise<void> {
  const secret = await ledgerSecret(store);
  const verdict = await verifyLedger(store, { remedies: { table: store, secret } });
  expect(verdict.ok).toBe(true);
  expect(verdict.remedies).toMatchObject({ ok: true, mismatched: 0 });
}

function describeStop(
  name: string,
  open: () => Promise<{ store: Store; dispose(): Promise<void> }>,
) {
  describe(`stopping the outbox worker: ${name}`, () => {
    const test = (title: string, body: (store: Store) => Promise<void>) =>
      it(title, async () => {
        const db = await open();
        try {
          await body(db.store);
        } finally {
          await db.dispose();
        }
      });

    test("stop waits only for the call under way, records it, and hands the rest back unstarted", async (store) => {
      const keys = await threeDue(store, Date.now() - 1000);
      const executor = new SlowFirstCall();
      const passes: OutboxPass[] = [];
      const worker = startOutboxWorker(store, executor, {
        intervalMs: 3_600_000,
        onPass: (pass) => passes.push(pass),
      });
      await executor.entered;
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      // The call under way may have reached the payment system: never abandoned.
      await new Promise((r) => setTimeout(r, 50));
      expect(stopped).toBe(false);
      executor.answer();
      await stopping;

      expect(executor.calls.map((c) => c.key)).toEqual([keys[0]]);
      expect(passes).toHaveLength(1);
      expect(passes[0]?.remedies).toMatchObject({
        claimed: 3,
        executed: 1,
        released: 2,
        lost: 0,
        pending: 0,
      });
      expect(passes[0]?.remedies.outcomes.map((o) => [o.key, o.status])).toEqual([
        [keys[0], "executed"],
        [keys[1], "released"],
        [keys[2], "released"],
      ]);
      expect((await store.getRemedy(keys[0] ?? ""))?.remedy).toMatchObject({
        status: "executed",
        attempts: 1,
        reference: `re_${keys[0]}`,
      });
      for (const key of keys.slice(1)) {
        const released = (await store.getRemedy(key))?.remedy;
        expect(released).toMatchObject({ status: "approved", attempts: 0 });
        expect(released?.claimedBy).toBeUndefined();
      }
      await expectLedgerAgrees(store);

      // Another worker takes the rest at once (no lease to wait out), each once, as attempt 1.
      const next = new SlowFirstCall();
      next.answer();
      const run = await runOutbox(store, next, { worker: "w2" });
      expect(run).toMatchObject({ claimed: 2, executed: 2, released: 0 });
      expect(next.calls).toEqual(keys.slice(1).map((key) => ({ key, attempt: 1 })));
      const executed = await store.listRemedies({ status: ["executed"] });
      expect(executed.remedies.map((r) => [r.key, r.attempts])).toEqual(keys.map((k) => [k, 1]));
      expect(await ledgerMoves(store, keys[1] ?? "")).toEqual([
        expect.stringMatching(/^approved>executing@executor:/),
        expect.stringMatching(/^executing>approved@executor:/),
        "approved>executing@executor:w2",
        "executing>executed@executor:w2",
      ]);
      await expectLedgerAgrees(store);
    });

    test("a run stopped by its signal during a call records that call and starts no other", async (store) => {
      const keys = await threeDue(store, T0);
      const controller = new AbortController();
      // The stop comes while the payment system is paying the first remedy.
      const executor = new SlowFirstCall(() => controller.abort());
      executor.answer();
      const options = { worker: "w1", now: () => T0 + 10, signal: controller.signal };
      const run = await runOutbox(store, executor, options);
      expect(run).toMatchObject({ claimed: 3, executed: 1, released: 2 });
      expect(executor.calls).toHaveLength(1);
      const history = await store.getRemedy(keys[2] ?? "");
      expect(history?.transitions.at(-1)).toEqual({
        key: keys[2],
        from: "executing",
        to: "approved",
        actor: "w1",
        at: T0 + 10,
        reason: "released by w1 before its attempt started",
      });
      // Stopped before it claims: nothing is claimed.
      expect(await runOutbox(store, executor, options)).toMatchObject({ claimed: 0 });
      expect((await store.getRemedy(keys[1] ?? ""))?.remedy.status).toBe("approved");
      // The same worker, restarted, takes them at the same instant.
      const again = await runOutbox(store, executor, { worker: "w1", now: () => T0 + 10 });
      expect(again).toMatchObject({ claimed: 2, executed: 2 });
      expect(executor.calls.map((c) => [c.key, c.attempt])).toEqual(keys.map((k) => [k, 1]));
      await expectLedgerAgrees(store);
    });
  });
}

describeStop("SQLite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "goodfaith-stop-"));
  const store = await openStore(join(dir, "goodfaith.db"));
  return {
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

await describePostgres("stopping the outbox worker", ({ url, freshSchema }) => {
  describeStop("PostgreSQL", async () => {
    const schema = freshSchema();
    const store = await openStore(url, { schema, maxConnections: 4 });
    return {
      store,
      async dispose() {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
});
