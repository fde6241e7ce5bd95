// Exactly once under any interleaving: three workers (claiming, starting and reporting one step
// at a time, or running whole `runOutbox` passes), a payment system (answering, or calling back
// now or late) and a person (retrying, cancelling), in random order on one clock, on a real
// store. Each call is checked as it returns (exactly-once-tracker.ts), the store between steps,
// and the whole history — lifecycle, ledger, verifyLedger — at the end.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@goodfaith/core";
import fc from "fast-check";
import { describe, it } from "vitest";
import { describePostgres, dropSchema } from "../../../../test/support/postgres.js";
import { openStore } from "../open-store.js";
import type { Answer, Step } from "./exactly-once-steps.js";
import { LEASE_MS } from "./exactly-once-tracker.js";
import { World } from "./exactly-once-world.js";

const WORKERS = 3;

const worker = fc.nat(WORKERS - 1);
const remedy = fc.nat(3);
const pick = fc.nat(3);
// Often exactly at a lease's edge, so claims run out and are taken over.
const advance = fc.oneof(
  fc.constantFrom(0, LEASE_MS - 1, LEASE_MS, 2 * LEASE_MS),
  fc.integer({ min: 0, max: 2 * LEASE_MS }),
);
const answer = fc.constantFrom<Answer>("executed", "retryable", "fatal", "pending");

// Steps that may also happen in the middle of another (during a call, inside a callback).
const simple: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("claim"),
    worker,
    advance,
    limit: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("claimTogether"), advance }),
  fc.record({ kind: fc.constant("start"), worker, pick, advance: fc.nat(LEASE_MS) }),
  fc.record({ kind: fc.constant("answer"), worker, pick, answer, advance: fc.nat(LEASE_MS) }),
  fc.record({ kind: fc.constant("stop"), worker }),
  fc.record({
    kind: fc.constant("callback"),
    remedy,
    ok: fc.boolean(),
    retryable: fc.boolean(),
    advance,
  }),
  fc.record({ kind: fc.constant("retry"), remedy }),
  fc.record({ kind: fc.constant("cancel"), remedy, to: fc.constantFrom("cancelled", "dead") }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: simple, weight: 4 },
  {
    arbitrary: fc.record(
      {
        kind: fc.constant("pass"),
        worker,
        advance,
        limit: fc.integer({ min: 1, max: 3 }),
        answers: fc.array(answer, { maxLength: 3 }),
        during: simple,
        stop: fc.boolean(),
        outage: fc.record({ call: fc.nat(5), committed: fc.boolean() }),
      },
      { requiredKeys: ["kind", "worker", "advance", "limit", "answers", "stop"] },
    ),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("callback"),
      remedy,
      ok: fc.boolean(),
      retryable: fc.boolean(),
      advance,
      race: simple,
    }),
    weight: 1,
  },
);

const scenario = fc.record({
  remedies: fc.integer({ min: 1, max: 4 }),
  steps: fc.array(step, { minLength: 1, maxLength: 40 }),
});

// Found by this property: a callback about a hand-over whose lease just ran out, raced by its
// own worker taking the remedy over, must not be recorded as the new, unstarted claim's attempt.
const sameWorkerRace = {
  remedies: 1,
  steps: [
    { kind: "pass", worker: 0, advance: 0, limit: 1, answers: ["pending"], stop: false },
    {
      kind: "callback",
      remedy: 0,
      ok: true,
      retryable: false,
      advance: LEASE_MS,
      race: { kind: "claim", worker: 0, advance: 0, limit: 1 },
    },
  ] satisfies Step[],
};

// A pass that claimed two, started none, and failed with the store away: the next pass of its
// worker hands both back (refusing the one whose start committed), and they are paid once.
const strandedByOutage = (committed: boolean) => ({
  remedies: 2,
  steps: [
    {
      kind: "pass",
      worker: 0,
      advance: 0,
      limit: 2,
      answers: [],
      stop: false,
      outage: { call: 1, committed },
    },
    { kind: "pass", worker: 0, advance: 0, limit: 2, answers: [], stop: false },
  ] satisfies Step[],
});

// Found by this property: a callback whose race starts (and sends) the claim it is about.
const askedDuringCallback = {
  remedies: 1,
  steps: [
    { kind: "claim", worker: 0, advance: 0, limit: 1 },
    {
      kind: "callback",
      remedy: 0,
      ok: false,
      retryable: false,
      advance: 0,
      race: { kind: "start", worker: 0, pick: 0, advance: 0 },
    },
  ] satisfies Step[],
};

// Rare at random: a person gives up on a failed remedy, then the payment system confirms it.
const confirmedAfterGivingUp = {
  remedies: 1,
  steps: [
    { kind: "pass", worker: 0, advance: 0, limit: 1, answers: ["retryable"], stop: false },
    { kind: "cancel", remedy: 0, to: "dead" },
    { kind: "callback", remedy: 0, ok: true, retryable: false, advance: 0 },
  ] satisfies Step[],
};

// A failure of the attempt a takeover moved past, before the takeover sent: recorded as that
// attempt's (retried after the backoff, or dead), and the takeover, starting next, sends nothing.
const failedUnderTakeover = (retryable: boolean) => ({
  remedies: 1,
  steps: [
    { kind: "pass", worker: 0, advance: 0, limit: 1, answers: ["pending"], stop: false },
    { kind: "claim", worker: 1, advance: LEASE_MS, limit: 1 },
    { kind: "callback", remedy: 0, ok: false, retryable, advance: 0 },
    { kind: "start", worker: 1, pick: 0, advance: 0 },
    { kind: "answer", worker: 1, pick: 0, answer: "executed", advance: 0 },
  ] satisfies Step[],
});

/** A fresh database per run, with a store per worker on it. */
type Fresh = () => Promise<{ readonly stores: readonly Store[]; dispose(): Promise<void> }>;

function describeExactlyOnce(name: string, fresh: Fresh, numRuns: number): void {
  describe(`the outbox, exactly once: ${name}`, () => {
    it("holds its guarantees under any interleaving of workers, callbacks, retries and cancels", async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ remedies, steps }) => {
          const db = await fresh();
          try {
            const world = await World.create(db.stores, remedies);
            for (const s of steps) await world.run(s);
            await world.finish();
          } finally {
            await db.dispose();
          }
        }),
        {
          numRuns,
          examples: [
            [sameWorkerRace],
            [confirmedAfterGivingUp],
            [failedUnderTakeover(true)],
            [failedUnderTakeover(false)],
            [strandedByOutage(false)],
            [strandedByOutage(true)],
            [askedDuringCallback],
          ],
        },
      );
    }, 120_000);
  });
}

describeExactlyOnce(
  "SQLite",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "goodfaith-exactly-once-"));
    const path = join(dir, "goodfaith.db");
    const stores: Store[] = [];
    for (let i = 0; i < WORKERS; i++) stores.push(await openStore(path));
    return {
      stores,
      async dispose() {
        for (const store of stores) await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  40,
);

await describePostgres("outbox exactly once", ({ url, freshSchema }) => {
  describeExactlyOnce(
    "PostgreSQL",
    async () => {
      const schema = freshSchema();
      const stores: Store[] = [];
      for (let i = 0; i < WORKERS; i++) {
        stores.push(await openStore(url, { schema, maxConnections: 2 }));
      }
      return {
        stores,
        async dispose() {
          for (const store of stores) await store.close();
          await dropSchema(schema);
        },
      };
    },
    10,
  );
});
