/**
 * Conformance: late confirmations — the other system confirms a remedy after the outbox gave up
 * on or moved past its attempt (dead-lettered, failed, retried by hand, taken over).
 */
import type { RemedyMove } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { collect, namedMoves, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** Registers the late-confirmation tests. */
export function lateConfirmationConformance(target: ConformanceTarget): void {
  describe("late confirmations", () => {
    storeTest(
      target,
      "a late confirmation settles an attempt the outbox gave up on, exactly once, with its ledger entry",
      async ({ store }) => {
        const moves: RemedyMove[] = [];
        const followUp = namedMoves(moves);
        const late = (reference?: string) => ({
          actor: "api-key:payments",
          at: T0 + 9000,
          reason: "confirmed after dead-lettering",
          ...(reference !== undefined && { reference }),
        });
        await store.recordRemedies(
          ["gave-up", "by-hand", "failing", "never", "waiting"].map((k) =>
            remedy(k, k === "waiting" ? { status: "awaiting_approval" } : {}),
          ),
          1,
        );
        expect(await store.confirmLate("never", late())).toEqual({
          ok: false,
          code: "status_mismatch",
          status: "approved",
        });
        await store.claimDue({ now: T0, limit: 10, worker: "w", leaseMs: 1000 });
        for (const k of ["gave-up", "by-hand", "failing"]) {
          expect(await store.startAttempt(k, "w", T0)).toBe(true);
        }
        // Claimed, never sent: nothing to confirm.
        expect(await store.confirmLate("never", late())).toMatchObject({ status: "executing" });
        await store.recordAttempt("gave-up", { ok: false, worker: "w", at: T0 + 1, error: "503" });
        await store.recordAttempt("failing", {
          ok: false,
          worker: "w",
          at: T0 + 1,
          error: "timeout",
          nextAttemptAt: T0 + 60_000,
        });
        await store.recordAttempt("by-hand", {
          ok: false,
          worker: "w",
          at: T0 + 1,
          error: "timeout",
          nextAttemptAt: T0 + 60_000,
        });
        // A person dead-lettered "by-hand": not the outbox giving up, so not confirmed late.
        await store.transition("by-hand", {
          from: ["failed"],
          to: "dead",
          actor: "agent:a-1",
          at: T0 + 2,
        });
        expect(await store.confirmLate("by-hand", late())).toEqual({
          ok: false,
          code: "status_mismatch",
          status: "dead",
        });
        expect(await store.confirmLate("waiting", late())).toMatchObject({ ok: false });
        expect(await store.confirmLate("nope", late())).toEqual({
          ok: false,
          code: "unknown_remedy",
        });
        expect(moves).toEqual([]);

        expect(await store.confirmLate("gave-up", late("re_7"), followUp)).toEqual({
          ok: true,
          from: "dead",
          attempts: 1,
        });
        expect(await store.confirmLate("failing", late(), followUp)).toEqual({
          ok: true,
          from: "failed",
          attempts: 1,
        });
        const paid = await store.getRemedy("gave-up");
        expect(paid?.remedy).toMatchObject({ status: "executed", attempts: 1, reference: "re_7" });
        expect(paid?.remedy.lastError).toBeUndefined();
        expect(paid?.transitions.at(-1)).toEqual({
          key: "gave-up",
          from: "dead",
          to: "executed",
          actor: "api-key:payments",
          at: T0 + 9000,
          reason: "confirmed after dead-lettering",
        });
        expect((await store.getRemedy("failing"))?.remedy.nextAttemptAt).toBeUndefined();
        // Once executed: a second late confirmation, a manual retry and the outbox change nothing.
        expect(await store.confirmLate("gave-up", late("re_7"))).toEqual({
          ok: false,
          code: "status_mismatch",
          status: "executed",
        });
        expect(
          await store.transition("gave-up", {
            from: ["dead", "failed"],
            to: "approved",
            actor: "agent:a-1",
            at: T0 + 9001,
          }),
        ).toMatchObject({ ok: false, code: "status_mismatch", status: "executed" });
        const due = await store.claimDue({ now: T0 + 100_000, limit: 10, worker: "w2" });
        expect(due.map((r) => r.key)).toEqual([]);
        expect(moves).toEqual([
          { key: "gave-up", from: "dead", to: "executed" },
          { key: "failing", from: "failed", to: "executed" },
        ]);
        const entries = await collect(store.readLedger("remedies"));
        expect(entries.map((e) => e.actor)).toEqual(["dead>executed", "failed>executed"]);
      },
    );

    storeTest(
      target,
      "a late confirmation racing a manual retry and a takeover: one wins, the remedy is paid once",
      async ({ store, open }) => {
        const other = await open();
        await store.recordRemedies([remedy("r")], 1);
        await store.claimDue({ now: T0, limit: 1, worker: "w" });
        await store.startAttempt("r", "w", T0);
        await store.recordAttempt("r", { ok: false, worker: "w", at: T0 + 1, error: "503" });
        const confirmation = { actor: "api-key:p", at: T0 + 5, reason: "confirmed late" };
        const [confirmed, retried] = await Promise.all([
          store.confirmLate("r", confirmation),
          other.transition("r", {
            from: ["dead"],
            to: "approved",
            actor: "agent:a-1",
            at: T0 + 5,
          }),
        ]);
        // Either the confirmation came first (the retry is refused), or the retry did and the
        // confirmation settles the retried remedy before it is sent again: executed either way.
        expect(confirmed.ok).toBe(true);
        if (retried.ok) expect(confirmed).toMatchObject({ from: "approved" });
        else expect(retried).toMatchObject({ code: "status_mismatch", status: "executed" });
        expect(await store.claimDue({ now: T0 + 10_000, limit: 1, worker: "w2" })).toEqual([]);
        expect((await store.getRemedy("r"))?.remedy).toMatchObject({
          status: "executed",
          attempts: 1,
        });

        // A takeover claim that has not sent yet is settled by the confirmation of the earlier
        // attempt: it may not start, so nothing is sent again.
        await store.recordRemedies([remedy("t")], 2);
        await store.claimDue({ now: T0, limit: 1, worker: "w", leaseMs: 1000 });
        await store.startAttempt("t", "w", T0);
        await store.claimDue({ now: T0 + 1000, limit: 1, worker: "w2", leaseMs: 1000 });
        expect(await store.confirmLate("t", confirmation)).toEqual({
          ok: true,
          from: "executing",
          attempts: 1,
        });
        expect(await store.startAttempt("t", "w2", T0 + 1001)).toBe(false);
        // Started, the takeover's own attempt is under way: its outcome is reported as usual.
        await store.recordRemedies([remedy("s")], 3);
        await store.claimDue({ now: T0, limit: 1, worker: "w", leaseMs: 1000 });
        await store.startAttempt("s", "w", T0);
        await store.claimDue({ now: T0 + 1000, limit: 1, worker: "w2", leaseMs: 1000 });
        await store.startAttempt("s", "w2", T0 + 1001);
        expect(await store.confirmLate("s", confirmation)).toEqual({
          ok: false,
          code: "status_mismatch",
          status: "executing",
        });
      },
    );
  });
}
