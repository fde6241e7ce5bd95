/**
 * Conformance: claims handed back by a stopping worker (`releaseClaims`) — only its own claims
 * whose attempt never started, back to where they were, due at once, no attempt counted.
 */
import type { RemedyMove } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { ledgerSecret } from "../ingest/secret.js";
import { verifyLedger } from "../ingest/verify-ledger.js";
import { movesOnLedger } from "../outbox-worker/run-outbox.js";
import { approvedOnLedger, collect, namedMoves, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** Registers the release tests. */
export function releaseClaimsConformance(target: ConformanceTarget): void {
  describe("released claims", () => {
    storeTest(
      target,
      "a worker hands back only its own unstarted claims, each to where it was, with its ledger entry",
      async ({ store }) => {
        // "f" failed once and is due again at T0 + 50.
        await store.recordRemedies([remedy("f")], 1);
        await store.claimDue({ now: T0, limit: 10, worker: "w0" });
        await store.recordAttempt("f", {
          ok: false,
          worker: "w0",
          at: T0 + 1,
          error: "503",
          nextAttemptAt: T0 + 50,
        });
        await store.recordRemedies(
          [
            remedy("a", { nextAttemptAt: T0 + 10 }),
            remedy("b", { nextAttemptAt: T0 + 20 }),
            remedy("s", { nextAttemptAt: T0 + 30 }),
            remedy("o", { nextAttemptAt: T0 + 150 }),
          ],
          2,
        );
        const claimed = await store.claimDue({ now: T0 + 100, limit: 10, worker: "w1" });
        expect(claimed.map((r) => r.key)).toEqual(["a", "b", "s", "f"]);
        expect(await store.startAttempt("s", "w1", T0 + 101)).toBe(true);
        await store.claimDue({ now: T0 + 200, limit: 10, worker: "w2" });

        const moves: RemedyMove[] = [];
        const released = await store.releaseClaims(
          "w1",
          ["a", "b", "s", "f", "o", "nope"],
          T0 + 300,
          namedMoves(moves),
        );
        expect(released).toEqual(["a", "b", "f"]);
        expect(moves).toEqual([
          { key: "a", from: "executing", to: "approved" },
          { key: "b", from: "executing", to: "approved" },
          { key: "f", from: "executing", to: "failed" },
        ]);
        const a = await store.getRemedy("a");
        expect(a?.remedy).toMatchObject({
          status: "approved",
          attempts: 0,
          nextAttemptAt: T0 + 10,
          updatedAt: T0 + 300,
        });
        expect(a?.remedy.claimedBy).toBeUndefined();
        expect(a?.remedy.claimedAt).toBeUndefined();
        expect(a?.transitions.at(-1)).toEqual({
          key: "a",
          from: "executing",
          to: "approved",
          actor: "w1",
          at: T0 + 300,
          reason: "released by w1 before its attempt started",
        });
        expect((await store.getRemedy("f"))?.remedy).toMatchObject({
          status: "failed",
          attempts: 1,
          nextAttemptAt: T0 + 50,
          lastError: "503",
        });
        // Started (it may have reached the other system), or another worker's: left alone.
        expect((await store.getRemedy("s"))?.remedy).toMatchObject({
          status: "executing",
          claimedBy: "w1",
          attemptStartedAt: T0 + 101,
        });
        expect((await store.getRemedy("o"))?.remedy).toMatchObject({
          status: "executing",
          claimedBy: "w2",
        });
        const entries = await collect(store.readLedger("remedies"));
        expect(entries.map((e) => e.actor)).toEqual([
          "executing>approved",
          "executing>approved",
          "executing>failed",
        ]);

        // Claimable at once by anyone, no lease to wait out, no attempt counted.
        const again = await store.claimDue({ now: T0 + 300, limit: 10, worker: "w3" });
        expect(again.map((r) => [r.key, r.attempts])).toEqual([
          ["a", 0],
          ["b", 0],
          ["f", 1],
        ]);
        // No longer w1's: a second release, or an empty one, changes nothing.
        expect(await store.releaseClaims("w1", ["a", "b", "f"], T0 + 400)).toEqual([]);
        expect(await store.releaseClaims("w3", [], T0 + 400)).toEqual([]);
        expect((await store.getRemedy("a"))?.remedy).toMatchObject({
          status: "executing",
          claimedBy: "w3",
        });
        // The old worker cannot start a released claim either.
        expect(await store.startAttempt("s", "w1", T0 + 401)).toBe(false);
      },
    );

    storeTest(
      target,
      "a released takeover returns to where it was first claimed from, keeping the attempt it counted",
      async ({ store }) => {
        await store.recordRemedies([remedy("r"), remedy("never")], 1);
        const lease = { limit: 10, leaseMs: 1000 };
        await store.claimDue({ ...lease, now: T0, worker: "dies" });
        expect(await store.startAttempt("r", "dies", T0)).toBe(true);
        const taken = await store.claimDue({ ...lease, now: T0 + 1000, worker: "w2" });
        expect(taken.map((x) => [x.key, x.attempts])).toEqual([
          ["never", 0],
          ["r", 1],
        ]);
        expect(await store.releaseClaims("w2", ["r", "never"], T0 + 1100)).toEqual(["r", "never"]);
        expect((await store.getRemedy("r"))?.remedy).toMatchObject({
          status: "approved",
          attempts: 1,
        });
        // The attempt "dies" made may still be confirmed; "never" was never sent.
        const late = { actor: "api-key:payments", at: T0 + 1200, reason: "confirmed late" };
        expect(await store.confirmLate("r", late)).toEqual({
          ok: true,
          from: "approved",
          attempts: 1,
        });
        expect(await store.confirmLate("never", late)).toEqual({
          ok: false,
          code: "status_mismatch",
          status: "approved",
        });
      },
    );

    storeTest(
      target,
      "the ledger verifies against the remedies table after a release",
      async ({ store }) => {
        const secret = await ledgerSecret(store);
        const onLedger = (at: number) => movesOnLedger(secret, "executor:w1", at);
        await store.recordRemedies(
          [remedy("x"), remedy("y"), remedy("z")],
          1,
          approvedOnLedger(secret),
        );
        await store.claimDue({ now: T0, limit: 10, worker: "w1" }, onLedger(T0));
        expect(await store.startAttempt("x", "w1", T0 + 1)).toBe(true);
        await store.recordAttempt("x", { ok: true, worker: "w1", at: T0 + 2 }, onLedger(T0 + 2));
        expect(await store.releaseClaims("w1", ["y", "z"], T0 + 3, onLedger(T0 + 3))).toEqual([
          "y",
          "z",
        ]);
        const verdict = await verifyLedger(store, { remedies: { table: store, secret } });
        expect(verdict.ok).toBe(true);
        expect(verdict.remedies).toMatchObject({ ok: true });
      },
    );
  });
}
