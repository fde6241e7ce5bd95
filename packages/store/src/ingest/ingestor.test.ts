import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Engine,
  loadPromises,
  type PromiseDocument,
  type Remedy,
  type Store,
  toDecimalString,
  validateEvent,
} from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookOrders, loadPack } from "../../../../test/support/packs.js";
import {
  describeOnEachSharedDatabase,
  type SharedDatabase,
  type SharedTarget,
} from "../../../../test/support/sql-targets.js";
import { ChainVerifier } from "../ledger/chain.js";
import { eraseCustomer } from "./erase-customer.js";
import { Ingestor, newRemedy, REMEDIES_CHAIN } from "./ingestor.js";
import { verifyLedger } from "./verify-ledger.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const documents: PromiseDocument[] = ["packs/airline/promises.yaml", "packs/eu261/promises.yaml"]
  .map((file) => loadPromises(readFileSync(join(ROOT, file), "utf8"), file))
  .map((r) => {
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  });
const raw: unknown[] = readFileSync(join(ROOT, "packs/airline/events.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);
// The pack re-delivers one event on purpose.
const unique = new Set(raw.map((e) => (e as { id: string }).id)).size;

/** Remedies of one clean in-memory run: key → amount. */
function cleanRun(): Map<string, string> {
  const engine = new Engine(documents);
  const out = new Map<string, string>();
  for (const e of raw) {
    for (const o of engine.process(e as Parameters<Engine["process"]>[0])) {
      if (o.type === "remedy") out.set(o.key, amountOf(o));
    }
  }
  return out;
}
const amountOf = (r: Remedy) =>
  r.amount ? `${toDecimalString(r.amount)} ${r.amount.currency}` : "-";

async function stored(store: Store): Promise<Map<string, string>> {
  const page = await store.listRemedies({}, { limit: 10_000 });
  return new Map(
    page.remedies.map((r) => [r.key, r.amount ? `${r.amount.amount} ${r.amount.currency}` : "-"]),
  );
}

async function ledgerOf(store: Store) {
  const entries = [];
  for await (const e of store.readLedger(REMEDIES_CHAIN)) entries.push(e);
  return entries;
}

await describeOnEachSharedDatabase("Ingestor", describeIngestor);

function describeIngestor(target: SharedTarget) {
  describe(`Ingestor (${target.name})`, () => {
    let db: SharedDatabase;
    beforeEach(async () => {
      db = await target.fresh();
    });
    afterEach(async () => {
      await db.dispose();
    });

    it("the pack produces remedies (so the tests below can fail)", () => {
      expect(cleanRun().size).toBeGreaterThan(0);
    });

    it("re-ingesting after a restart accepts nothing and creates no remedy", async () => {
      let store = await db.open();
      let ingestor = await Ingestor.open(store, documents);
      const first = await ingestor.ingest(raw);
      expect(unique).toBeLessThan(raw.length);
      expect(first).toMatchObject({ accepted: unique, duplicates: raw.length - unique });
      expect(first.rejected).toEqual([]);
      expect(first.remedies.created).toBe(cleanRun().size);
      await store.close();

      store = await db.open();
      ingestor = await Ingestor.open(store, documents);
      const again = await ingestor.ingest(raw);
      expect(again).toMatchObject({ accepted: 0, duplicates: raw.length });
      expect(again.remedies).toEqual({ created: 0, existing: 0 });
      expect(await stored(store)).toEqual(cleanRun());
      const verdict = await verifyLedger(store);
      expect(verdict.ok).toBe(true);
      const planned = (await ledgerOf(store)).filter((e) => e.kind === "remedy.planned");
      expect(planned).toHaveLength(cleanRun().size);
      await store.close();
    });

    it("a crash after half the events loses nothing and duplicates nothing", async () => {
      const half = Math.floor(raw.length / 2);
      let store = await db.open();
      let ingestor = await Ingestor.open(store, documents, { checkpointEvery: 3 });
      for (const e of raw.slice(0, half)) await ingestor.ingest([e]);
      await store.close(); // no final checkpoint: events after the last one are replayed

      store = await db.open();
      ingestor = await Ingestor.open(store, documents, { checkpointEvery: 3 });
      const result = await ingestor.ingest(raw);
      expect(result).toMatchObject({
        accepted: unique - half,
        duplicates: raw.length - unique + half,
      });
      expect(await stored(store)).toEqual(cleanRun());
      const entries = await ledgerOf(store);
      const verifier = new ChainVerifier({ chain: REMEDIES_CHAIN });
      for (const e of entries) expect(verifier.push(e)).toBeUndefined();
      const keys = entries.filter((e) => e.kind === "remedy.planned").map((e) => e.remedyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(cleanRun().size);
      await store.close();
    });

    it("checkpoints a state in parts, and resumes from them where it was", async () => {
      const retail = [loadPack("retail")];
      const orders = bookOrders(800, 400);
      let store = await db.open();
      const first = await Ingestor.open(store, retail, { checkpointPartChars: 5_000 });
      await first.ingest(orders.slice(0, 600));
      await first.checkpoint();
      const saved = await store.loadCheckpoint();
      expect(Array.isArray(saved?.state) && saved.state.length).toBeGreaterThan(10);
      await store.close();

      store = await db.open();
      // Parts far larger than the state: its next checkpoint is one part.
      const reopened = await Ingestor.open(store, retail, { checkpointPartChars: 64 << 20 });
      expect(reopened.engine.snapshot()).toBe(first.engine.snapshot());
      await reopened.ingest(orders.slice(600));
      const whole = new Engine(retail);
      for (const order of orders) {
        const valid = validateEvent(order);
        if (valid.ok) whole.process(valid.value);
      }
      expect(reopened.engine.snapshot()).toBe(whole.snapshot());
      // A later checkpoint in one part leaves none of the old parts behind.
      await reopened.checkpoint();
      expect(typeof (await store.loadCheckpoint())?.state).toBe("string");
      await store.close();
    });

    it("a reopened ingestor spaces its checkpoints by the size of the state it restored", async () => {
      const half = Math.floor(raw.length / 2);
      let store = await db.open();
      let ingestor = await Ingestor.open(store, documents, { checkpointEvery: 3 });
      await ingestor.ingest(raw.slice(0, half));
      await ingestor.checkpoint();
      const saved = await store.loadCheckpoint();
      const spacing = Math.ceil((saved?.state.length ?? 0) / 50);
      expect(spacing).toBeGreaterThan(raw.length - half);
      await store.close();

      store = await db.open();
      ingestor = await Ingestor.open(store, documents, { checkpointEvery: 3 });
      for (const e of raw.slice(half)) await ingestor.ingest([e]);
      // Fewer events than the state's size calls for: no checkpoint yet, as without a restart.
      expect((await store.loadCheckpoint())?.seq).toBe(saved?.seq);
      await store.close();
    });

    it("remedies recorded before a crash get their missing ledger entries on reopen", async () => {
      let store = await db.open();
      await Ingestor.open(store, documents);
      // Simulate a crash between recording remedies and appending their entries: the events
      // and the remedies are stored, the ledger is not.
      await store.appendEvents(raw.map((e) => e as Parameters<Store["appendEvents"]>[0][number]));
      const engine = new Engine(documents);
      const remedies = raw.flatMap((e) =>
        engine.process(e as Parameters<Engine["process"]>[0]).filter((o) => o.type === "remedy"),
      );
      await store.recordRemedies(remedies.map(newRemedy), 1);
      await store.close();

      store = await db.open();
      await Ingestor.open(store, documents);
      const keys = (await ledgerOf(store)).filter((e) => e.kind === "remedy.planned");
      expect(keys).toHaveLength(cleanRun().size);
      expect((await verifyLedger(store)).ok).toBe(true);
      await store.close();
    });

    it("after a failed write the ingestor refuses more work, and a re-open recovers", async () => {
      const store = await db.open();
      const ingestor = await Ingestor.open(store, documents);
      const failing = Object.create(store) as Store;
      // The events commit; recording their remedies fails.
      const broken = await Ingestor.open(
        Object.assign(failing, {
          recordRemedies: () => Promise.reject(new Error("disk on fire")),
        }),
        documents,
      );
      await expect(broken.ingest(raw)).rejects.toThrow("disk on fire");
      await expect(broken.ingest(raw)).rejects.toThrow("open a new ingestor");
      expect(ingestor.seq).toBe(0);
      const reopened = await Ingestor.open(store, documents);
      expect(reopened.seq).toBe(unique);
      expect(await stored(store)).toEqual(cleanRun());
      expect((await verifyLedger(store)).ok).toBe(true);
      await store.close();
    });

    it("invalid events are reported with their index and never stored", async () => {
      const store = await db.open();
      const ingestor = await Ingestor.open(store, documents);
      const result = await ingestor.ingest([{ nope: true }, raw[0], "x"]);
      expect(result.accepted).toBe(1);
      expect(result.rejected.map((r) => r.index)).toEqual([0, 2]);
      expect(result.rejected[0]?.issues.length).toBeGreaterThan(0);
      expect(await store.countEvents()).toBe(1);
      await store.close();
    });

    it("erasing a customer keeps every chain verifiable and records the erasure", async () => {
      const store = await db.open();
      const ingestor = await Ingestor.open(store, documents);
      await ingestor.ingest(raw);
      await store.putCustomerData("c-1", [{ field: "email", value: "a@example.com", at: 1 }]);
      const erased = await eraseCustomer(store, "c-1");
      expect(erased).toMatchObject({ ok: true, erased: 1 });
      expect(await store.getCustomerData("c-1")).toEqual([]);
      const verdict = await verifyLedger(store);
      expect(verdict.ok).toBe(true);
      expect(verdict.chains.map((c) => c.chain)).toContain("customers");
      await store.close();
    });
  });
}
