/**
 * Conformance: notices written in the transaction of their remedies (`RecordFollowUp.notices`)
 * — remedies, ledger entries, notices and webhook events commit together or not at all, and a
 * replay writes no notice and no event twice.
 */
import type {
  LedgerEntry,
  LedgerHead,
  NewRemedy,
  NewWebhookEvent,
  Notice,
  RecordFollowUp,
  RemedyMove,
  Store,
} from "@goodfaith/core";
import { describe, expect } from "vitest";
import { collect, link, notice, remedy, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";
import { noticesOf } from "./notices.js";
import { endpoint, webhooksOf } from "./webhooks.js";

/** A follow-up as ingest makes one: an entry and a `remedy.approved` event per move, and `notices`. */
function followUp(notices: readonly Notice[], changes: Partial<RecordFollowUp> = {}) {
  const made: RecordFollowUp = {
    chain: "remedies",
    entries: (moves: readonly RemedyMove[], head: LedgerHead | undefined) => {
      const out: LedgerEntry[] = [];
      for (const m of moves) out.push(link("remedies", out.at(-1) ?? head, `${m.key}>${m.to}`));
      return out;
    },
    events: (moves) =>
      moves
        .filter((m) => m.to === "approved")
        .map((m) => ({
          id: `evt_${m.key}`,
          type: "remedy.approved",
          at: T0,
          data: { key: m.key },
        })),
    notices: {
      notices,
      events: (ns) =>
        ns
          .filter((n) => n.status === "ready")
          .map(
            (n): NewWebhookEvent => ({
              id: `notice:${n.key}`,
              type: "notice.created",
              at: T0,
              data: { notice: n },
            }),
          ),
    },
  };
  return { ...made, ...changes };
}

/** Everything a `recordRemedies` call can write, by key. */
async function written(store: Store) {
  return {
    remedies: (await store.listRemedies()).remedies.map((r) => r.key),
    notices: (await noticesOf(store).listNotices()).notices.map((n) => n.key),
    deliveries: (await webhooksOf(store).listWebhookDeliveries()).map((d) => d.event).sort(),
    ledger: (await collect(store.readLedger("remedies"))).map((e) => e.actor),
  };
}

const NOTHING = { remedies: [], notices: [], deliveries: [], ledger: [] };

/** Registers the tests of notices recorded with their remedies. */
export function noticeFollowUpConformance(target: ConformanceTarget): void {
  describe("notices with their remedies", () => {
    const batch: NewRemedy[] = [remedy("k1"), remedy("k2", { status: "awaiting_approval" })];
    const told = [notice("k1"), notice("k2", { status: "held", reason: "awaiting_approval" })];

    storeTest(
      target,
      "a failing part rolls back remedies, entries, notices and events together",
      async ({ store }) => {
        await endpoint(webhooksOf(store), "we_a", ["remedy.approved", "notice.created"]);
        const record = (follow: RecordFollowUp) => store.recordRemedies(batch, 1, follow);
        // The database refuses a notice (no subject).
        const unwritable = notice("k2", { subject: null as unknown as string });
        await expect(record(followUp([notice("k1"), unwritable]))).rejects.toThrow();
        expect(await written(store)).toEqual(NOTHING);
        // The notices' events fail, after everything else was written.
        const failing = {
          notices: told,
          events: () => {
            throw new Error("no events today");
          },
        };
        await expect(record(followUp(told, { notices: failing }))).rejects.toThrow(/no events/);
        expect(await written(store)).toEqual(NOTHING);
        // The ledger part fails: entries that do not continue the chain.
        const fork = { entries: () => [link("remedies", { seq: 4, hash: "f".repeat(64) })] };
        await expect(record(followUp(told, fork))).rejects.toThrow(/does not continue/);
        expect(await written(store)).toEqual(NOTHING);
        // A notice of no remedy of the call is refused whole.
        await expect(record(followUp([...told, notice("k9")]))).rejects.toThrow(/k9/);
        expect(await written(store)).toEqual(NOTHING);
      },
    );

    storeTest(
      target,
      "notices commit with their remedies, announced if ready, and a replay adds nothing",
      async ({ store }) => {
        await endpoint(webhooksOf(store), "we_a", ["remedy.approved", "notice.created"]);
        expect(await store.recordRemedies(batch, 1, followUp(told))).toEqual({
          created: ["k1", "k2"],
          existing: [],
          notices: { created: ["k1", "k2"], existing: [] },
        });
        const first = await written(store);
        expect(first).toEqual({
          remedies: ["k1", "k2"],
          notices: ["k1", "k2"],
          // The held notice is not announced; its remedy waits for a person.
          deliveries: ["evt_k1", "notice:k1"],
          ledger: ["k1>approved", "k2>awaiting_approval"],
        });
        const stored = await noticesOf(store).getNotice("k1");
        expect(stored).toMatchObject({ ...notice("k1"), erased: false });

        // The same call again (a replay after a crash): nothing new, nothing twice.
        const replayed = told.map((n) => ({ ...n, body: "other" }));
        expect(await store.recordRemedies(batch, 1, followUp(replayed))).toEqual({
          created: [],
          existing: ["k1", "k2"],
          notices: { created: [], existing: ["k1", "k2"] },
        });
        expect(await written(store)).toEqual(first);
        expect(await noticesOf(store).getNotice("k1")).toEqual(stored);

        // A replay that reaches further writes only what is new.
        const more = [...batch, remedy("k3")];
        expect(await store.recordRemedies(more, 2, followUp([...told, notice("k3")]))).toEqual({
          created: ["k3"],
          existing: ["k1", "k2"],
          notices: { created: ["k3"], existing: ["k1", "k2"] },
        });
        const deliveries = await webhooksOf(store).listWebhookDeliveries();
        expect(deliveries.map((d) => d.event).sort()).toEqual([
          "evt_k1",
          "evt_k3",
          "notice:k1",
          "notice:k3",
        ]);
      },
    );

    storeTest(
      target,
      "two writers recording the same remedies and notices write each once",
      async ({ store, open }) => {
        const other = await open();
        await endpoint(webhooksOf(store), "we_a", ["notice.created"]);
        const remedies = Array.from({ length: 40 }, (_, i) => remedy(`r-${i}`));
        const notices = remedies.map((r) => notice(r.key));
        const [a, b] = await Promise.all([
          store.recordRemedies(remedies, 1, followUp(notices)),
          other.recordRemedies([...remedies].reverse(), 1, followUp([...notices].reverse())),
        ]);
        // Whoever recorded a remedy recorded its notice, in the same transaction.
        expect([...(a.notices?.created ?? [])].sort()).toEqual([...a.created].sort());
        expect([...(b.notices?.created ?? [])].sort()).toEqual([...b.created].sort());
        expect([...a.created, ...b.created].sort()).toEqual(remedies.map((r) => r.key).sort());
        const all = await written(store);
        expect(all.notices.sort()).toEqual(remedies.map((r) => r.key).sort());
        expect(all.deliveries).toEqual(notices.map((n) => `notice:${n.key}`).sort());
        expect(all.ledger).toHaveLength(remedies.length);
      },
    );
  });
}
