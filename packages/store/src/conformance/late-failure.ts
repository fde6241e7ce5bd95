/**
 * Conformance: late failures — the other system fails the attempt of a claim whose lease ran
 * out, after another worker took the remedy over and before that takeover sent it again.
 */
import type { LateFailure, RemedyMove } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { collect, namedMoves, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

const LEASE = { leaseMs: 1000, maxAttempts: 3 };

function failure(attempts: number, nextAttemptAt?: number): LateFailure {
  return {
    actor: "api-key:payments",
    at: T0 + 1500,
    error: "card declined",
    attempts,
    reason: "failed after the lease of its attempt ran out: card declined",
    ...(nextAttemptAt !== undefined && { nextAttemptAt }),
  };
}

/** Registers the late-failure tests. */
export function lateFailureConformance(target: ConformanceTarget): void {
  describe("late failures", () => {
    storeTest(
      target,
      "a failure of the attempt an unstarted takeover moved past is recorded as that attempt's, and the takeover never sends",
      async ({ store }) => {
        const moves: RemedyMove[] = [];
        const followUp = namedMoves(moves);
        await store.recordRemedies(
          ["retry", "fatal", "fresh", "started"].map((k) => remedy(k)),
          1,
        );
        await store.claimDue({ now: T0, limit: 10, worker: "w", ...LEASE });
        for (const k of ["retry", "fatal", "started"]) {
          expect(await store.startAttempt(k, "w", T0)).toBe(true);
        }
        // Taken over: the attempts started are counted; "fresh" never sent, so none for it.
        await store.claimDue({ now: T0 + 1000, limit: 10, worker: "w2", ...LEASE });
        expect(await store.startAttempt("started", "w2", T0 + 1001)).toBe(true);
        // Nothing was sent for "fresh"; "started" has the takeover's own attempt under way (its
        // outcome is reported as usual); an attempt counted since the failure was read is not
        // the one it is about.
        for (const [k, f] of [
          ["fresh", failure(0, T0 + 5000)],
          ["started", failure(1, T0 + 5000)],
          ["retry", failure(0, T0 + 5000)],
        ] as const) {
          expect(await store.failLate(k, f, followUp)).toEqual({
            ok: false,
            code: "status_mismatch",
            status: "executing",
          });
        }
        expect(await store.failLate("nope", failure(1))).toEqual({
          ok: false,
          code: "unknown_remedy",
        });
        expect(moves).toEqual([]);

        expect(await store.failLate("retry", failure(1, T0 + 5000), followUp)).toEqual({
          ok: true,
          from: "executing",
          to: "failed",
          attempts: 1,
        });
        expect(await store.failLate("fatal", failure(1), followUp)).toEqual({
          ok: true,
          from: "executing",
          to: "dead",
          attempts: 1,
        });
        // The takeover's claims are gone: it sends neither again.
        expect(await store.startAttempt("retry", "w2", T0 + 1600)).toBe(false);
        expect(await store.startAttempt("fatal", "w2", T0 + 1600)).toBe(false);
        const retry = await store.getRemedy("retry");
        expect(retry?.remedy).toMatchObject({
          status: "failed",
          attempts: 1,
          lastError: "card declined",
          nextAttemptAt: T0 + 5000,
        });
        expect(retry?.remedy.claimedBy).toBeUndefined();
        expect(retry?.remedy.attemptStartedAt).toBeUndefined();
        expect(retry?.transitions.at(-1)).toEqual({
          key: "retry",
          from: "executing",
          to: "failed",
          actor: "api-key:payments",
          at: T0 + 1500,
          reason: "failed after the lease of its attempt ran out: card declined",
        });
        expect((await store.getRemedy("fatal"))?.remedy).toMatchObject({
          status: "dead",
          attempts: 1,
          lastError: "card declined",
        });
        expect((await store.getRemedy("fatal"))?.remedy.nextAttemptAt).toBeUndefined();
        expect(moves).toEqual([
          { key: "retry", from: "executing", to: "failed" },
          { key: "fatal", from: "executing", to: "dead" },
        ]);
        const entries = await collect(store.readLedger("remedies"));
        expect(entries.map((e) => e.actor)).toEqual(["executing>failed", "executing>dead"]);

        // Back on the retry schedule: due after the backoff, claimed with no attempt counted;
        // the failure, once recorded, is not recorded again against the new claim.
        const early = await store.claimDue({ now: T0 + 4999, limit: 10, worker: "w3", ...LEASE });
        expect(early.map((r) => r.key)).not.toContain("retry");
        const due = await store.claimDue({ now: T0 + 5000, limit: 10, worker: "w3", ...LEASE });
        expect(due.map((r) => [r.key, r.attempts])).toEqual([["retry", 1]]);
        expect(await store.failLate("retry", failure(1, T0 + 9000))).toMatchObject({
          ok: false,
          status: "executing",
        });
        // A dead remedy stays out of the outbox; only a person brings it back.
        expect(await store.failLate("fatal", failure(1))).toMatchObject({ status: "dead" });
        const later = await store.claimDue({ now: T0 + 60_000, limit: 10, worker: "w4" });
        expect(later.map((r) => r.key)).not.toContain("fatal");
      },
    );

    storeTest(
      target,
      "a takeover taken over again before sending still settles the first attempt's failure",
      async ({ store }) => {
        await store.recordRemedies([remedy("r")], 1);
        await store.claimDue({ now: T0, limit: 1, worker: "w", ...LEASE });
        await store.startAttempt("r", "w", T0);
        await store.claimDue({ now: T0 + 1000, limit: 1, worker: "w2", ...LEASE });
        const [again] = await store.claimDue({ now: T0 + 2000, limit: 1, worker: "w3", ...LEASE });
        expect(again).toMatchObject({ claimedBy: "w3", attempts: 1 });
        expect(await store.failLate("r", failure(1, T0 + 9000))).toMatchObject({
          ok: true,
          to: "failed",
        });
        expect(await store.startAttempt("r", "w3", T0 + 2001)).toBe(false);
        const history = await store.getRemedy("r");
        expect(history?.transitions.slice(1).map((t) => `${t.from}>${t.to}`)).toEqual([
          "approved>executing",
          "executing>executing",
          "executing>executing",
          "executing>failed",
        ]);
      },
    );

    storeTest(
      target,
      "a late failure racing the takeover's start: one wins, nothing is sent after the failure",
      async ({ store, open }) => {
        const other = await open();
        await store.recordRemedies([remedy("r")], 1);
        await store.claimDue({ now: T0, limit: 1, worker: "w", ...LEASE });
        await store.startAttempt("r", "w", T0);
        await store.claimDue({ now: T0 + 1000, limit: 1, worker: "w2", ...LEASE });
        const [failed, started] = await Promise.all([
          store.failLate("r", failure(1)),
          other.startAttempt("r", "w2", T0 + 1001),
        ]);
        // Either the failure came first (the takeover may not start), or the takeover started
        // its own attempt and the failure is refused (the callback reports it against that one).
        expect(failed.ok).toBe(!started);
        const now = (await store.getRemedy("r"))?.remedy;
        if (started) expect(now).toMatchObject({ status: "executing", claimedBy: "w2" });
        else expect(now).toMatchObject({ status: "dead", attempts: 1 });
      },
    );
  });
}
