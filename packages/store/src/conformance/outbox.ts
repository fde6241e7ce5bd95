/** Conformance: the outbox — claims, attempts, retries, the dead letter, leases. */
import type { LedgerEntry, LedgerFollowUp, RemedyMove, Store } from "@goodfaith/core";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { collect, link, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** Registers the outbox tests. */
export function outboxConformance(target: ConformanceTarget): void {
  describe("outbox", () => {
    storeTest(
      target,
      "claims due approved remedies, oldest first, up to the limit",
      async ({ store }) => {
        await store.recordRemedies(
          [
            remedy("later", { nextAttemptAt: T0 + 5000 }),
            remedy("b", { nextAttemptAt: T0 + 1000 }),
            remedy("a", { nextAttemptAt: T0 + 1000 }),
            remedy("first", { nextAttemptAt: T0 }),
            remedy("waiting", { status: "awaiting_approval" }),
            remedy("planned", { status: "planned" }),
          ],
          1,
        );
        const claimed = await store.claimDue({ now: T0 + 2000, limit: 2, worker: "w1" });
        expect(claimed.map((r) => r.key)).toEqual(["first", "a"]);
        for (const r of claimed) {
          expect(r).toMatchObject({ status: "executing", claimedBy: "w1", claimedAt: T0 + 2000 });
        }
        const rest = await store.claimDue({ now: T0 + 2000, limit: 10, worker: "w2" });
        expect(rest.map((r) => r.key)).toEqual(["b"]);
        expect(await store.claimDue({ now: T0 + 2000, limit: 10, worker: "w2" })).toEqual([]);
        expect(await store.claimDue({ now: T0 + 9000, limit: 0, worker: "w2" })).toEqual([]);
        const history = await store.getRemedy("first");
        expect(history?.transitions.at(-1)).toEqual({
          key: "first",
          from: "approved",
          to: "executing",
          actor: "w1",
          at: T0 + 2000,
        });
      },
    );

    storeTest(
      target,
      "attempts: executed, failed and retried, dead, and a manual retry",
      async ({ store }) => {
        await store.recordRemedies([remedy("ok"), remedy("flaky"), remedy("broken")], 1);
        await store.claimDue({ now: T0, limit: 10, worker: "w" });
        expect(await store.recordAttempt("ok", { ok: true, worker: "w", at: T0 + 1 })).toEqual({
          ok: true,
          status: "executed",
          attempts: 1,
        });
        expect(
          await store.recordAttempt("flaky", {
            ok: false,
            worker: "w",
            at: T0 + 1,
            error: "503 from the payment gateway",
            nextAttemptAt: T0 + 60_000,
          }),
        ).toEqual({ ok: true, status: "failed", attempts: 1 });
        expect(
          await store.recordAttempt("broken", {
            ok: false,
            worker: "w",
            at: T0 + 1,
            error: "card closed",
          }),
        ).toEqual({ ok: true, status: "dead", attempts: 1 });
        // Reporting twice, or for something not claimed, changes nothing.
        expect(await store.recordAttempt("ok", { ok: true, worker: "w", at: T0 + 2 })).toEqual({
          ok: false,
          code: "not_claimed",
          status: "executed",
        });
        expect(await store.recordAttempt("nope", { ok: true, worker: "w", at: T0 })).toEqual({
          ok: false,
          code: "unknown_remedy",
        });

        expect(await store.claimDue({ now: T0 + 59_999, limit: 10, worker: "w" })).toEqual([]);
        const retry = await store.claimDue({ now: T0 + 60_000, limit: 10, worker: "w2" });
        expect(retry.map((r) => [r.key, r.attempts, r.lastError])).toEqual([
          ["flaky", 1, "503 from the payment gateway"],
        ]);
        expect(
          await store.recordAttempt("flaky", { ok: true, worker: "w2", at: T0 + 60_001 }),
        ).toEqual({
          ok: true,
          status: "executed",
          attempts: 2,
        });

        const dead = await store.getRemedy("broken");
        expect(dead?.remedy).toMatchObject({ status: "dead", lastError: "card closed" });
        expect(dead?.transitions.at(-1)).toMatchObject({
          from: "executing",
          to: "dead",
          reason: "card closed",
        });
        expect(
          await store.transition("broken", {
            from: ["dead"],
            to: "approved",
            actor: "agent:a-1",
            at: T0 + 90_000,
          }),
        ).toEqual({ ok: true, from: "dead" });
        const again = await store.claimDue({ now: T0 + 90_000, limit: 10, worker: "w3" });
        expect(again.map((r) => [r.key, r.attempts])).toEqual([["broken", 1]]);
      },
    );

    storeTest(
      target,
      "a claim whose lease ran out is taken over; the old worker's report is refused",
      async ({ store }) => {
        await store.recordRemedies([remedy("r")], 1);
        await store.claimDue({ now: T0, limit: 1, worker: "dies" });
        expect(await store.startAttempt("r", "dies", T0)).toBe(true);
        expect(await store.claimDue({ now: T0 + 10_000, limit: 1, worker: "w2" })).toEqual([]);
        expect(
          await store.claimDue({ now: T0 + 10_000, limit: 1, worker: "w2", leaseMs: 30_000 }),
        ).toEqual([]);
        const taken = await store.claimDue({
          now: T0 + 30_000,
          limit: 1,
          worker: "w2",
          leaseMs: 30_000,
        });
        expect(taken.map((r) => [r.key, r.claimedBy, r.attempts])).toEqual([["r", "w2", 1]]);
        expect(taken[0]?.attemptStartedAt).toBeUndefined();
        // The old worker can neither start another attempt nor report one.
        expect(await store.startAttempt("r", "dies", T0 + 30_500)).toBe(false);
        expect(
          await store.recordAttempt("r", { ok: true, worker: "dies", at: T0 + 31_000 }),
        ).toEqual({
          ok: false,
          code: "not_claimed",
          status: "executing",
        });
        const history = await store.getRemedy("r");
        expect(history?.transitions.at(-1)).toMatchObject({
          from: "executing",
          to: "executing",
          actor: "w2",
          reason: "lease of dies expired",
        });
      },
    );

    storeTest(
      target,
      "a taken-over claim that started its attempt counts it; past maxAttempts it is dead-lettered with its ledger entry",
      async ({ store }) => {
        await store.recordRemedies([remedy("u"), remedy("v", { nextAttemptAt: T0 + 5000 })], 1);
        const lease = { limit: 10, leaseMs: 1000, maxAttempts: 2 };
        expect(
          (await store.claimDue({ ...lease, now: T0, worker: "w1" })).map((r) => r.key),
        ).toEqual(["u"]);
        expect(await store.startAttempt("u", "w1", T0)).toBe(true);
        const again = await store.claimDue({ ...lease, now: T0 + 1000, worker: "w2" });
        expect(again.map((r) => [r.key, r.attempts, r.claimedBy])).toEqual([["u", 1, "w2"]]);
        expect(await store.startAttempt("u", "w2", T0 + 1000)).toBe(true);
        const moves: RemedyMove[][] = [];
        // Each entry names its move in `actor` (any string will do for the store).
        const followUp: LedgerFollowUp = {
          chain: "remedies",
          entries: (m, head) => {
            moves.push([...m]);
            const out: LedgerEntry[] = [];
            for (const move of m) {
              out.push(link("remedies", out.at(-1) ?? head, `${move.from ?? ""}>${move.to}`));
            }
            return out;
          },
        };
        // "u" has used up its two attempts; "v" is due for the first time.
        const third = await store.claimDue({ ...lease, now: T0 + 5000, worker: "w3" }, followUp);
        expect(third.map((r) => [r.key, r.attempts])).toEqual([["v", 0]]);
        expect(moves).toEqual([
          [
            { key: "u", from: "executing", to: "dead" },
            { key: "v", from: "approved", to: "executing" },
          ],
        ]);
        const dead = await store.getRemedy("u");
        expect(dead?.remedy).toMatchObject({
          status: "dead",
          attempts: 2,
          lastError: "not confirmed after 2 attempts",
        });
        expect(dead?.remedy.claimedBy).toBeUndefined();
        expect(dead?.remedy.nextAttemptAt).toBeUndefined();
        expect(dead?.transitions.at(-1)).toEqual({
          key: "u",
          from: "executing",
          to: "dead",
          actor: "w3",
          at: T0 + 5000,
          reason: "not confirmed after 2 attempts",
        });
        const entries = await collect(store.readLedger("remedies"));
        expect(entries.map((e) => e.actor)).toEqual(["executing>dead", "approved>executing"]);
        // The old worker's late report is refused; without maxAttempts there is no cap.
        expect(await store.recordAttempt("u", { ok: true, worker: "w2", at: T0 + 5001 })).toEqual({
          ok: false,
          code: "not_claimed",
          status: "dead",
        });
        expect(await store.startAttempt("v", "w3", T0 + 5000)).toBe(true);
        const uncapped = await store.claimDue({
          now: T0 + 9000,
          limit: 1,
          worker: "w4",
          leaseMs: 1,
        });
        expect(uncapped.map((r) => [r.key, r.attempts])).toEqual([["v", 1]]);
      },
    );

    storeTest(
      target,
      "a taken-over claim that never started its attempt counts none, and is never dead-lettered for it",
      async ({ store }) => {
        await store.recordRemedies([remedy("idle"), remedy("sent")], 1);
        const lease = { limit: 10, leaseMs: 1000, maxAttempts: 1 };
        await store.claimDue({ ...lease, now: T0, worker: "w1" });
        // w1 sends "sent" and dies before it reaches "idle".
        expect(await store.startAttempt("sent", "w1", T0 + 10)).toBe(true);
        const started = (await store.getRemedy("sent"))?.remedy;
        expect(started).toMatchObject({ claimedAt: T0 + 10, attemptStartedAt: T0 + 10 });
        // Starting renews the lease: "sent" is not due for takeover until T0 + 1010.
        const taken = await store.claimDue({ ...lease, now: T0 + 1000, worker: "w2" });
        expect(taken.map((r) => [r.key, r.attempts, r.claimedBy])).toEqual([["idle", 0, "w2"]]);
        const idle = await store.getRemedy("idle");
        expect(idle?.transitions.at(-1)).toEqual({
          key: "idle",
          from: "executing",
          to: "executing",
          actor: "w2",
          at: T0 + 1000,
          reason: "lease of w1 expired before its attempt started",
        });
        // Takeovers of claims that never sent, however many, use up nothing.
        for (let i = 1; i <= 3; i++) {
          const again = await store.claimDue({ ...lease, now: T0 + 1000 + 1000 * i, worker: "w3" });
          expect(again.map((r) => [r.key, r.attempts])).toContainEqual(["idle", 0]);
          if (i === 1) {
            // "sent" made its one allowed attempt and was never confirmed: dead.
            expect((await store.getRemedy("sent"))?.remedy).toMatchObject({
              status: "dead",
              attempts: 1,
            });
          }
        }
        expect(await store.startAttempt("idle", "w3", T0 + 4000)).toBe(true);
        expect(await store.startAttempt("idle", "w3", T0 + 4001)).toBe(false);
        expect(
          await store.recordAttempt("idle", { ok: true, worker: "w3", at: T0 + 4002 }),
        ).toEqual({ ok: true, status: "executed", attempts: 1 });
        const done = (await store.getRemedy("idle"))?.remedy;
        expect(done?.attemptStartedAt).toBeUndefined();
        expect(await store.startAttempt("nope", "w3", T0)).toBe(false);
      },
    );

    storeTest(
      target,
      "an executed remedy keeps the reference its attempt reported",
      async ({ store }) => {
        await store.recordRemedies([remedy("paid"), remedy("plain")], 1);
        await store.claimDue({ now: T0, limit: 10, worker: "w" });
        expect(
          await store.recordAttempt("paid", {
            ok: true,
            worker: "w",
            at: T0 + 1,
            reference: "re_9",
          }),
        ).toEqual({ ok: true, status: "executed", attempts: 1 });
        await store.recordAttempt("plain", { ok: true, worker: "w", at: T0 + 1 });
        expect((await store.getRemedy("paid"))?.remedy.reference).toBe("re_9");
        const listed = await store.listRemedies({ status: ["executed"] });
        expect(listed.remedies.map((r) => [r.key, r.reference])).toEqual([
          ["paid", "re_9"],
          ["plain", undefined],
        ]);
        expect(listed.remedies[1]).not.toHaveProperty("reference");
      },
    );

    storeTest(
      target,
      "concurrent claimers never claim the same remedy (property)",
      async ({ store, open }) => {
        const workers: Store[] = [store, await open(), await open()];
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.record({ due: fc.integer({ min: 0, max: 100 }), waiting: fc.boolean() }), {
              minLength: 1,
              maxLength: 30,
            }),
            fc.array(
              fc.record({
                now: fc.integer({ min: 0, max: 120 }),
                limits: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)),
              }),
              { minLength: 1, maxLength: 6 },
            ),
            async (specs, rounds) => {
              const base = 1e9 * ++run;
              const keys = specs.map((_, i) => `run${run}-${i}`);
              await store.recordRemedies(
                specs.map((s, i) =>
                  remedy(keys[i] ?? "", {
                    at: base,
                    nextAttemptAt: base + s.due,
                    status: s.waiting ? "awaiting_approval" : "approved",
                  }),
                ),
                1,
              );
              const claimedAt = new Map<string, number>();
              const claim = async (now: number, limits: readonly number[]) => {
                const results = await Promise.all(
                  workers.map((w, i) =>
                    w.claimDue({ now: base + now, limit: limits[i] ?? 0, worker: `w${i}` }),
                  ),
                );
                for (const [i, claimed] of results.entries()) {
                  for (const r of claimed) {
                    expect(claimedAt.has(r.key), `${r.key} claimed twice`).toBe(false);
                    claimedAt.set(r.key, now);
                    expect(r.claimedBy).toBe(`w${i}`);
                  }
                }
              };
              for (const round of rounds) await claim(round.now, round.limits);
              // Drain: everything due by the end is claimed, by someone, once.
              await claim(1000, [100, 100, 100]);
              specs.forEach((s, i) => {
                const at = claimedAt.get(keys[i] ?? "");
                if (s.waiting) expect(at).toBeUndefined();
                else {
                  expect(at).toBeDefined();
                  expect(at).toBeGreaterThanOrEqual(s.due);
                }
              });
            },
          ),
          { numRuns: 15 },
        );
      },
    );
  });
}
