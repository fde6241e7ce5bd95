import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPromises, type PromiseSource, type Store } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  describeOnEachDatabase,
  type FreshStore,
  type SqlTarget,
} from "../../../../test/support/sql-targets.js";
import { promiseSetDigest } from "../promise-sets.js";
import { adoptPromises } from "./adopt-promises.js";
import { eraseCustomer } from "./erase-customer.js";
import { Ingestor } from "./ingestor.js";
import { ledgerSecret } from "./secret.js";
import { verifyLedger } from "./verify-ledger.js";
import type { PromiseSetTable } from "./verify-promise-sets.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const read = (file: string): PromiseSource => ({
  file,
  text: readFileSync(join(ROOT, file), "utf8"),
});
const RETAIL = read("packs/retail/promises.yaml");
const AIRLINE = read("packs/airline/promises.yaml");
const T0 = Date.UTC(2026, 10, 20, 9);

/** Three versions: the retail pack, then with the airline's, then the airline's alone. */
async function adopted(store: Store): Promise<void> {
  const adopt = (sources: PromiseSource[], actor: string, at: number) =>
    adoptPromises(store, sources, { actor, now: () => at });
  await adopt([RETAIL], "cli:ingest", T0);
  await adopt([RETAIL, AIRLINE], "cli:serve", T0 + 60_000);
  await adopt([AIRLINE], "agent:a-17", T0 + 120_000);
}

const verify = (store: Store, table: PromiseSetTable = store) =>
  verifyLedger(store, { promiseSets: { table } });

function describeComparison(target: SqlTarget) {
  describe(`ledger verify compares the promise sets (${target.name})`, () => {
    let db: FreshStore;
    beforeEach(async () => {
      db = await target.fresh();
      await adopted(db.store);
    });
    afterEach(() => db.dispose());

    it("the versions adopted agree with their promises.adopted entries", async () => {
      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(true);
      expect(verdict.chains.find((c) => c.chain === "promises")?.count).toBe(3);
      expect(verdict.promiseSets).toEqual({ ok: true, checked: 3, mismatched: 0, mismatches: [] });
    });

    it("catches one byte changed in a stored text, and names the version", async () => {
      // `goodfaith: 1` occurs once in the airline pack: one byte of version 2's second document.
      await db.sql(
        "update promise_set_documents set source = replace(source, 'goodfaith: 1', 'goodfaith: 2') " +
          "where set_version = 2 and position = 1",
      );
      const changed = (await db.store.promiseSet(2))?.sources[1]?.text ?? "";
      const differing = [...changed].filter((c, i) => c !== AIRLINE.text[i]);
      expect([changed.length, differing]).toEqual([AIRLINE.text.length, ["2"]]);

      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(true); // the chains themselves still verify
      expect(verdict.promiseSets).toEqual({
        ok: false,
        checked: 3,
        mismatched: 1,
        mismatches: [
          {
            reason: "texts_differ",
            version: 2,
            expected: promiseSetDigest([RETAIL, AIRLINE]),
            found: promiseSetDigest([RETAIL, { ...AIRLINE, text: changed }]),
          },
        ],
      });
    });

    it("catches a document removed from a version, or added to one", async () => {
      await db.sql("delete from promise_set_documents where set_version = 2 and position = 1");
      await db.sql(
        "insert into promise_set_documents (set_version, position, file, source) " +
          "select 3, 1, file, source from promise_set_documents where set_version = 1",
      );
      expect((await verify(db.store)).promiseSets?.mismatches).toEqual([
        expect.objectContaining({ reason: "texts_differ", version: 2 }),
        expect.objectContaining({ reason: "texts_differ", version: 3 }),
      ]);
    });

    it("catches a version's actor or time changed", async () => {
      await db.sql("update promise_sets set actor = 'agent:a-99' where version = 1");
      await db.sql(`update promise_sets set adopted_at_ms = ${T0 + 1} where version = 3`);
      expect((await verify(db.store)).promiseSets).toEqual({
        ok: false,
        checked: 3,
        mismatched: 2,
        mismatches: [
          { reason: "actor_differs", version: 1, expected: "cli:ingest", found: "agent:a-99" },
          {
            reason: "adopted_at_differs",
            version: 3,
            expected: "2026-11-20T09:02:00.000Z",
            found: "2026-11-20T09:00:00.001Z",
          },
        ],
      });
    });

    it("catches the digest kept with a version changed", async () => {
      await db.sql(`update promise_sets set digest = '${"0".repeat(64)}' where version = 2`);
      expect((await verify(db.store)).promiseSets?.mismatches).toEqual([
        {
          reason: "digest_differs",
          version: 2,
          expected: promiseSetDigest([RETAIL, AIRLINE]),
          found: "0".repeat(64),
        },
      ]);
    });

    it("catches a deleted version, in the middle or the one in effect", async () => {
      await db.sql("delete from promise_set_documents where set_version in (2, 3)");
      await db.sql("delete from promise_sets where version in (2, 3)");
      const verdict = await verify(db.store);
      expect(verdict.promiseSets).toMatchObject({ ok: false, checked: 3, mismatched: 2 });
      expect(verdict.promiseSets?.mismatches).toEqual([
        { reason: "deleted_version", version: 2, expected: promiseSetDigest([RETAIL, AIRLINE]) },
        { reason: "deleted_version", version: 3, expected: promiseSetDigest([AIRLINE]) },
      ]);
    });

    it("catches a version added outside the ledger, and a deleted last entry", async () => {
      await db.sql(
        "insert into promise_sets (version, digest, adopted_at_ms, actor) " +
          `select 4, digest, adopted_at_ms, actor from promise_sets where version = 1`,
      );
      await db.sql(
        "insert into promise_set_documents (set_version, position, file, source) " +
          "select 4, position, file, source from promise_set_documents where set_version = 1",
      );
      // The last entry of a chain can go unseen by the chain alone (FORMAT.md §3).
      await db.sql("delete from ledger_entries where chain = 'promises' and seq = 3");
      const verdict = await verify(db.store);
      expect(verdict.ok).toBe(true);
      expect(verdict.promiseSets).toEqual({
        ok: false,
        checked: 4,
        mismatched: 2,
        mismatches: [
          { reason: "unrecorded_version", version: 3 },
          { reason: "unrecorded_version", version: 4 },
        ],
      });
    });

    it("compares nothing when a chain does not verify, or when not asked", async () => {
      await db.sql("update promise_sets set actor = 'x' where version = 1");
      expect((await verifyLedger(db.store)).promiseSets).toBeUndefined();
      await db.sql("delete from ledger_entries where chain = 'promises' and seq = 2");
      const verdict = await verify(db.store);
      expect(verdict).toMatchObject({ ok: false, chain: "promises" });
      expect(verdict.promiseSets).toBeUndefined();
    });

    it("a version adopted while the sets are read is not a mismatch", async () => {
      let adopting = true;
      const table: PromiseSetTable = {
        promiseSetHistory: async () => {
          if (adopting) {
            adopting = false;
            await adoptPromises(db.store, [RETAIL], { actor: "cli:serve" });
          }
          return db.store.promiseSetHistory();
        },
        promiseSet: (version) => db.store.promiseSet(version),
      };
      const verdict = await verify(db.store, table);
      expect(verdict.promiseSets).toEqual({ ok: true, checked: 4, mismatched: 0, mismatches: [] });
    });

    it("an erasure leaves the promise sets and the remedies verifying", async () => {
      const loaded = loadPromises(AIRLINE.text, AIRLINE.file);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const events: unknown[] = readFileSync(join(ROOT, "packs/airline/events.jsonl"), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as unknown);
      await (await Ingestor.open(db.store, [loaded.value])).ingest(events);
      expect((await eraseCustomer(db.store, "c-sam")).ok).toBe(true);
      const secret = await ledgerSecret(db.store);
      const verdict = await verifyLedger(db.store, {
        remedies: { table: db.store, secret },
        promiseSets: { table: db.store },
      });
      expect(verdict.chains.map((c) => c.chain)).toEqual(["customers", "promises", "remedies"]);
      expect(verdict).toMatchObject({
        ok: true,
        remedies: { ok: true, mismatched: 0 },
        promiseSets: { ok: true, checked: 3, mismatched: 0 },
      });
    });
  });

  describe(`ledger verify compares the promise sets of a store with none (${target.name})`, () => {
    it("verifies, with no version compared", async () => {
      const db = await target.fresh();
      try {
        const verdict = await verify(db.store);
        expect(verdict).toMatchObject({ ok: true, chains: [] });
        expect(verdict.promiseSets).toEqual({
          ok: true,
          checked: 0,
          mismatched: 0,
          mismatches: [],
        });
      } finally {
        await db.dispose();
      }
    });
  });
}

await describeOnEachDatabase("promise sets vs ledger", describeComparison);
