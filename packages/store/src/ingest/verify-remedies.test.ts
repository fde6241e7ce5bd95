import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPromises, type Store } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  describeOnEachDatabase,
  type FreshStore,
  type SqlTarget,
} from "../../../../test/support/sql-targets.js";
import { decideRemedy } from "../outbox-worker/decide-remedy.js";
import { RecordingExecutor } from "../outbox-worker/recording-executor.js";
import { runOutbox } from "../outbox-worker/run-outbox.js";
import { Ingestor } from "./ingestor.js";
import { ledgerSecret } from "./secret.js";
import { verifyLedger } from "./verify-ledger.js";
import type { RemedyTable } from "./verify-remedies.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
// The airline pack with delay refunds held for a person, so some remedies await approval.
const yaml = readFileSync(join(ROOT, "packs/airline/promises.yaml"), "utf8").replace(
  /autoApproveUpTo: \{[^}]*\}/,
  'autoApproveUpTo: { EUR: "1.00", USD: "1.00", SEK: "1.00" }',
);
const loaded = loadPromises(yaml, "airline.yaml");
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const airline = loaded.value;
const events: unknown[] = readFileSync(join(ROOT, "packs/airline/events.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);

const APPROVED = "delay-refund:flight:NW101@2026-11-20:booking:NW-5001";
const REJECTED = "delay-refund:flight:NW101@2026-11-20:booking:NW-5002";
const AWAITING = "delay-refund:flight:NW101@2026-11-20:booking:NW-5003";
const AUTO = "child-seated-apart:booking:NW-7001:pax:p2";

/**
 * A store as ingest and the outbox leave it: one delay refund approved then executed, one
 * rejected, one awaiting approval, and the auto-approved remedies executed.
 */
async function ingested(store: Store): Promise<void> {
  await (await Ingestor.open(store, [airline])).ingest(events);
  expect((await decideRemedy(store, APPROVED, "approve", "agent:a-1", Date.now())).ok).toBe(true);
  expect((await decideRemedy(store, REJECTED, "reject", "agent:a-1", Date.now())).ok).toBe(true);
  await runOutbox(store, new RecordingExecutor());
}

const verify = async (store: Store, table: RemedyTable = store) =>
  verifyLedger(store, { remedies: { table, secret: await ledgerSecret(store) } });

function describeComparison(target: SqlTarget) {
  describe(`ledger verify compares the remedies table (${target.name})`, () => {
    let db: FreshStore;
    beforeEach(async () => {
      db = await target.fresh();
      await ingested(db.store);
    });
    afterEach(() => db.dispose());

    it("a store written by ingest, decisions and the outbox agrees with its ledger", async () => {
      const statuses = (await db.store.listRemedies()).remedies.map((r) => r.status).sort();
      expect(statuses).toEqual([
        "awaiting_approval",
        "executed",
        "executed",
        "executed",
        "rejected",
      ]);
      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(true);
      expect(verdict.remedies).toEqual({ ok: true, checked: 5, mismatched: 0, mismatches: [] });
    });

    it("catches an amount changed in the table", async () => {
      await db.sql(`update remedies set amount = '4180.00' where key = '${APPROVED}'`);
      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(true); // the chains themselves still verify
      expect(verdict.remedies).toMatchObject({
        ok: false,
        mismatched: 1,
        mismatches: [
          { reason: "amount_differs", key: APPROVED, expected: "418.00 EUR", found: "4180.00 EUR" },
        ],
      });
    });

    it("catches a status changed in the table", async () => {
      await db.sql(`update remedies set status = 'approved' where key = '${REJECTED}'`);
      expect((await verify(db.store)).remedies?.mismatches).toEqual([
        expect.objectContaining({
          reason: "status_differs",
          key: REJECTED,
          expected: "rejected",
          found: "approved",
        }),
      ]);
    });

    it("catches a deleted row", async () => {
      await db.sql(`delete from remedy_transitions where key = '${AUTO}'`);
      await db.sql(`delete from remedies where key = '${AUTO}'`);
      const verdict = await verify(db.store);
      expect(verdict.remedies).toMatchObject({ ok: false, checked: 5, mismatched: 1 });
      const [missing] = verdict.remedies?.mismatches ?? [];
      expect(missing?.reason).toBe("missing_from_table");
      expect(missing?.key).toBeUndefined(); // the row is gone: only the ledger's pseudonym is left
      expect(missing?.remedyKey).toMatch(/^[0-9a-f]{64}$/);
    });

    it("catches a row added outside the ledger", async () => {
      const columns =
        "promise, version, customer, kind, amount, currency, status, at_ms, detail, seq";
      await db.sql(
        `insert into remedies (key, attempts, updated_at_ms, ${columns}) ` +
          `select 'copy:' || key, 0, 0, ${columns} from remedies where key = '${APPROVED}'`,
      );
      expect((await verify(db.store)).remedies?.mismatches).toEqual([
        expect.objectContaining({ reason: "missing_from_ledger", key: `copy:${APPROVED}` }),
      ]);
    });

    it("a remedy that moves while the table is read is not a mismatch", async () => {
      let moved = false;
      const table: RemedyTable = {
        listRemedies: async (filter, page) => {
          if (!moved) {
            moved = true;
            await decideRemedy(db.store, AWAITING, "approve", "agent:a-1", Date.now());
          }
          return db.store.listRemedies(filter, page);
        },
        getRemedy: (key) => db.store.getRemedy(key),
      };
      expect((await verify(db.store, table)).remedies?.ok).toBe(true);
    });

    it("compares nothing when asked for the chains only, or when a chain does not verify", async () => {
      await db.sql(`update remedies set amount = '0.01' where key = '${APPROVED}'`);
      expect((await verifyLedger(db.store)).remedies).toBeUndefined();
      await db.sql(
        "update ledger_entries set actor = 'someone' where chain = 'remedies' and seq = 1",
      );
      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(false);
      expect(verdict.remedies).toBeUndefined();
    });
  });
}

await describeOnEachDatabase("remedies table vs ledger", describeComparison);
