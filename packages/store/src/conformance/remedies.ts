/** Conformance: remedies exactly once per key, and the lifecycle with every move recorded. */
import {
  canTransition,
  type InitialRemedyStatus,
  type LedgerEntry,
  type LedgerHead,
  MANUAL_TRANSITIONS,
  REMEDY_STATUSES,
  type RemedyMove,
  type RemedyStatus,
  type Store,
} from "@goodfaith/core";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { collect, link, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

const FAR = 1e15;

/** Records a remedy and moves it into `status` the way the system would. */
async function reach(store: Store, key: string, status: RemedyStatus): Promise<void> {
  switch (status) {
    case "planned":
    case "awaiting_approval":
    case "approved":
      await store.recordRemedies([remedy(key, { status })], 1);
      return;
    case "failed":
    case "dead": {
      // Due at 0, before anything else in the database, so the claim takes only this one.
      await store.recordRemedies([remedy(key, { nextAttemptAt: 0 })], 1);
      const claimed = await store.claimDue({ now: 0, limit: 1, worker: "w" });
      expect(claimed.map((r) => r.key)).toEqual([key]);
      const result = await store.recordAttempt(key, {
        ok: false,
        worker: "w",
        at: T0,
        error: "gateway timeout",
        ...(status === "failed" && { nextAttemptAt: FAR }),
      });
      expect(result).toEqual({ ok: true, status, attempts: 1 });
      return;
    }
    default:
      throw new Error(`the suite cannot reach ${status} by hand`);
  }
}

/** Registers the remedy store tests. */
export function remedyConformance(target: ConformanceTarget): void {
  describe("remedies", () => {
    storeTest(target, "records a remedy with its creation on record", async ({ store }) => {
      const r = remedy("late-delivery:order:o-1", { status: "awaiting_approval" });
      expect(await store.recordRemedies([r], 7)).toEqual({
        created: ["late-delivery:order:o-1"],
        existing: [],
      });
      const history = await store.getRemedy(r.key);
      expect(history?.remedy).toEqual({
        key: r.key,
        promise: r.promise,
        version: r.version,
        customer: r.customer,
        kind: r.kind,
        amount: { amount: "4.99", currency: "EUR" },
        status: "awaiting_approval",
        at: T0,
        dueBy: r.dueBy,
        detail: r.detail,
        seq: 7,
        attempts: 0,
        updatedAt: T0,
      });
      expect(history?.transitions).toEqual([
        { key: r.key, to: "awaiting_approval", actor: "engine", at: T0 },
      ]);
      const gesture = remedy("g", { kind: "gesture", status: "approved" });
      const { amount: _, ...noAmount } = gesture;
      await store.recordRemedies([noAmount], 8);
      const stored = (await store.getRemedy("g"))?.remedy;
      expect(stored?.amount).toBeUndefined();
      expect(stored?.nextAttemptAt).toBe(T0);
      expect(await store.getRemedy("missing")).toBeUndefined();
    });

    storeTest(
      target,
      "ledger entries follow every move in the same transaction, and only the moves made",
      async ({ store }) => {
        const made: RemedyMove[][] = [];
        // Each entry names its move in `actor` (any string will do for the store).
        const followUp = {
          chain: "remedies",
          entries: (moves: readonly RemedyMove[], head: LedgerHead | undefined) => {
            made.push([...moves]);
            const out: LedgerEntry[] = [];
            for (const m of moves) {
              out.push(link("remedies", out.at(-1) ?? head, `${m.key}:${m.from ?? ""}>${m.to}`));
            }
            return out;
          },
        };
        await store.recordRemedies([remedy("k1"), remedy("k2")], 1, followUp);
        const again = await store.recordRemedies([remedy("k2"), remedy("k3")], 2, followUp);
        expect(again).toEqual({ created: ["k3"], existing: ["k2"] });
        const claimed = await store.claimDue({ now: FAR, limit: 1, worker: "w" }, followUp);
        const [key = ""] = claimed.map((r) => r.key);
        await store.recordAttempt(key, { ok: true, worker: "w", at: T0 }, followUp);
        // A refused move writes nothing.
        const refused = await store.transition(
          key,
          { from: ["dead"], to: "approved", actor: "a", at: T0 },
          followUp,
        );
        expect(refused.ok).toBe(false);
        const entries = await collect(store.readLedger("remedies"));
        expect(entries.map((e) => e.actor)).toEqual([
          "k1:>approved",
          "k2:>approved",
          "k3:>approved",
          `${key}:approved>executing`,
          `${key}:executing>executed`,
        ]);
        expect(made).toHaveLength(4);
        // Entries that do not continue the chain roll their moves back with them.
        const broken = { chain: "remedies", entries: () => [link("remedies", undefined, "fork")] };
        await expect(store.recordRemedies([remedy("k4")], 3, broken)).rejects.toThrow(
          /does not continue/,
        );
        expect(await store.getRemedy("k4")).toBeUndefined();
        const other = claimed.length === 1 && key === "k1" ? "k2" : "k1";
        await expect(
          store.transition(
            other,
            { from: ["approved"], to: "cancelled", actor: "a", at: T0 },
            broken,
          ),
        ).rejects.toThrow(/does not continue/);
        expect((await store.getRemedy(other))?.remedy.status).toBe("approved");
        expect(await store.ledgerHead("remedies")).toEqual({ seq: 5, hash: entries[4]?.hash });
      },
    );

    storeTest(
      target,
      "redaction rewrites only the customer's details redact returns, and nothing else",
      async ({ store }) => {
        await store.recordRemedies(
          [remedy("a1"), remedy("l1", { customer: "c-2" }), remedy("a2", { status: "planned" })],
          1,
        );
        const before = await store.getRemedy("a2");
        const seen: string[] = [];
        const rewritten = await store.redactRemedies("c-1", (detail) => {
          const key = (JSON.parse(detail) as { key: string }).key;
          seen.push(key);
          return key === "a2" ? JSON.stringify({ key, redacted: true }) : undefined;
        });
        expect(rewritten).toBe(1);
        expect(seen.sort()).toEqual(["a1", "a2"]);
        const after = await store.getRemedy("a2");
        expect(after?.remedy.detail).toBe(JSON.stringify({ key: "a2", redacted: true }));
        expect({ ...after?.remedy, detail: "" }).toEqual({ ...before?.remedy, detail: "" });
        expect(after?.transitions).toEqual(before?.transitions);
        expect((await store.getRemedy("a1"))?.remedy.detail).toBe(remedy("a1").detail);
        expect((await store.getRemedy("l1"))?.remedy.detail).toBe(remedy("l1").detail);
        // Returning the detail unchanged is no rewrite.
        expect(await store.redactRemedies("c-1", (detail) => detail)).toBe(0);
      },
    );

    storeTest(target, "a key recorded again is left as it was", async ({ store }) => {
      await store.recordRemedies([remedy("k1"), remedy("k2")], 1);
      const again = await store.recordRemedies(
        [
          remedy("k2", { amount: { amount: "999.00", currency: "EUR" } }),
          remedy("k3"),
          remedy("k3"),
        ],
        2,
      );
      expect(again).toEqual({ created: ["k3"], existing: ["k2", "k3"] });
      const k2 = await store.getRemedy("k2");
      expect(k2?.remedy.amount).toEqual({ amount: "4.99", currency: "EUR" });
      expect(k2?.remedy.seq).toBe(1);
      expect(k2?.transitions).toHaveLength(1);
    });

    storeTest(
      target,
      "two writers recording the same remedies at once create each exactly once",
      async ({ store, open }) => {
        const other = await open();
        const keys = Array.from({ length: 40 }, (_, i) => `incident-${i}`);
        const created: string[] = [];
        for (let round = 0; round < 4; round++) {
          const batch = keys.slice(round * 5).map((k) => remedy(k));
          const results = await Promise.all([
            store.recordRemedies(batch, 1),
            other.recordRemedies([...batch].reverse(), 1),
            other.recordRemedies(batch.slice(0, 10), 1),
          ]);
          for (const r of results) created.push(...r.created);
        }
        expect([...created].sort()).toEqual([...keys].sort());
        const page = await store.listRemedies({}, { limit: 1000 });
        expect(page.remedies).toHaveLength(40);
        for (const key of keys.slice(0, 3)) {
          expect((await store.getRemedy(key))?.transitions).toHaveLength(1);
        }
      },
    );

    const allowed = REMEDY_STATUSES.flatMap((from) =>
      MANUAL_TRANSITIONS[from].map((to) => [from, to] as const),
    );
    for (const [from, to] of allowed) {
      storeTest(
        target,
        `moves ${from} → ${to}, on record with who, when and why`,
        async ({ store }) => {
          await reach(store, "r", from);
          const before = (await store.getRemedy("r"))?.transitions.length ?? 0;
          const result = await store.transition("r", {
            from: [from],
            to,
            actor: "agent:a-17",
            at: T0 + 60_000,
            reason: "checked with the customer",
          });
          expect(result).toEqual({ ok: true, from });
          const history = await store.getRemedy("r");
          expect(history?.remedy.status).toBe(to);
          expect(history?.remedy.updatedAt).toBe(T0 + 60_000);
          expect(history?.transitions).toHaveLength(before + 1);
          expect(history?.transitions.at(-1)).toEqual({
            key: "r",
            from,
            to,
            actor: "agent:a-17",
            at: T0 + 60_000,
            reason: "checked with the customer",
          });
          if (to === "approved") expect(history?.remedy.nextAttemptAt).toBe(T0 + 60_000);
        },
      );
    }

    storeTest(
      target,
      "refuses moves the lifecycle does not have, and moves from elsewhere",
      async ({ store }) => {
        await store.recordRemedies([remedy("r", { status: "awaiting_approval" })], 1);
        for (const from of REMEDY_STATUSES) {
          for (const to of REMEDY_STATUSES) {
            if (canTransition(from, to)) continue;
            const result = await store.transition("r", { from: [from], to, actor: "a", at: T0 });
            expect(result, `${from} → ${to}`).toEqual({ ok: false, code: "not_allowed" });
          }
        }
        expect(
          await store.transition("r", { from: [], to: "approved", actor: "a", at: T0 }),
        ).toEqual({
          ok: false,
          code: "not_allowed",
        });
        // Allowed from `planned`, but the remedy is awaiting approval: someone else moved it.
        expect(
          await store.transition("r", { from: ["planned"], to: "cancelled", actor: "a", at: T0 }),
        ).toEqual({ ok: false, code: "status_mismatch", status: "awaiting_approval" });
        expect(
          await store.transition("nope", {
            from: ["planned"],
            to: "cancelled",
            actor: "a",
            at: T0,
          }),
        ).toEqual({ ok: false, code: "unknown_remedy" });
        const history = await store.getRemedy("r");
        expect(history?.remedy.status).toBe("awaiting_approval");
        expect(history?.transitions).toHaveLength(1);
      },
    );

    storeTest(
      target,
      "any sequence of requested moves follows the lifecycle (property)",
      async ({ store }) => {
        let run = 0;
        const statuses = fc.constantFrom(...REMEDY_STATUSES);
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom<InitialRemedyStatus>("planned", "awaiting_approval", "approved"),
            fc.array(fc.tuple(fc.uniqueArray(statuses, { maxLength: 3 }), statuses), {
              maxLength: 8,
            }),
            async (initial, moves) => {
              const key = `prop-${run++}`;
              await store.recordRemedies([remedy(key, { status: initial, nextAttemptAt: FAR })], 1);
              let status: RemedyStatus = initial;
              let made = 1;
              for (const [from, to] of moves) {
                const result = await store.transition(key, { from, to, actor: "p", at: T0 });
                if (from.length === 0 || !from.every((f) => canTransition(f, to))) {
                  expect(result).toEqual({ ok: false, code: "not_allowed" });
                } else if (!from.includes(status)) {
                  expect(result).toEqual({ ok: false, code: "status_mismatch", status });
                } else {
                  expect(result).toEqual({ ok: true, from: status });
                  status = to;
                  made++;
                }
              }
              const history = await store.getRemedy(key);
              expect(history?.remedy.status).toBe(status);
              expect(history?.transitions).toHaveLength(made);
            },
          ),
          { numRuns: 30 },
        );
      },
    );

    storeTest(target, "lists by filter in (time, key) order, page by page", async ({ store }) => {
      const batch = Array.from({ length: 25 }, (_, i) =>
        remedy(`k${String(i).padStart(2, "0")}`, {
          at: T0 + (i % 5) * 1000,
          customer: i % 2 === 0 ? "c-even" : "c-odd",
          promise: i < 20 ? "late-delivery" : "price-drop",
          status: i % 3 === 0 ? "awaiting_approval" : "approved",
        }),
      );
      await store.recordRemedies(batch, 1);
      const seen: string[] = [];
      let page = await store.listRemedies({}, { limit: 7 });
      for (;;) {
        seen.push(...page.remedies.map((r) => r.key));
        if (!page.next) break;
        page = await store.listRemedies({}, { limit: 7, after: page.next });
      }
      const expected = [...batch]
        .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1))
        .map((r) => r.key);
      expect(seen).toEqual(expected);
      // A limit that is not a number (a caller's failed parse) is the default page.
      expect((await store.listRemedies({}, { limit: Number.NaN })).remedies.length).toBeGreaterThan(
        7,
      );
      const evenWaiting = await store.listRemedies({
        customer: "c-even",
        status: ["awaiting_approval"],
      });
      expect(evenWaiting.remedies.map((r) => r.key).sort()).toEqual([
        "k00",
        "k06",
        "k12",
        "k18",
        "k24",
      ]);
      const priceDrop = await store.listRemedies({
        promise: "price-drop",
        from: T0 + 1000,
        to: T0 + 3000,
      });
      expect(priceDrop.remedies.map((r) => r.key)).toEqual(["k21", "k22"]);
      expect((await store.listRemedies({ status: [] })).remedies).toEqual([]);
    });
  });
}
