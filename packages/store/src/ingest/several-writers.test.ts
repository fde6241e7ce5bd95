import { Guard, hasNotices, hasWebhooks, type PromiseDocument, type Store } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import {
  describeOnEachSharedDatabase,
  type SharedDatabase,
  type SharedTarget,
} from "../../../../test/support/sql-targets.js";
import { registerWebhookEndpoint } from "../webhooks/endpoints.js";
import { Ingestor, REMEDIES_CHAIN } from "./ingestor.js";
import { verifyLedger } from "./verify-ledger.js";

const RETAIL = [loadPack("retail")];
// Packs with notices (retail, eu261) and a governed promise (airline's delay refund).
const SCENARIOS = [
  { name: "retail", documents: RETAIL, events: sampleEvents("retail") },
  {
    name: "airline",
    documents: [loadPack("airline"), loadPack("eu261")],
    events: sampleEvents("airline"),
  },
  { name: "eu261", documents: [loadPack("eu261")], events: sampleEvents("eu261") },
];

/** `events` cut into batches of 1, 2, 3, 1, 2, 3… events. */
function batches<T>(events: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, size = 1; i < events.length; i += size, size = (size % 3) + 1) {
    out.push(events.slice(i, i + size));
  }
  return out;
}

/** Everything ingestion leaves in a store, comparable across stores. */
async function outcome(store: Store) {
  const remedies = (await store.listRemedies({}, { limit: 1000 })).remedies.map((r) => ({
    key: r.key,
    seq: r.seq,
    status: r.status,
    amount: r.amount,
    detail: r.detail,
  }));
  // Remedy keys on the ledger are pseudonyms under each store's own secret: kinds compare,
  // and no key may have a kind twice.
  const ledger: string[] = [];
  const moves = new Set<string>();
  for await (const e of store.readLedger(REMEDIES_CHAIN)) {
    ledger.push(e.kind);
    const move = `${e.kind} ${e.remedyKey}`;
    if (moves.has(move)) throw new Error(`on the ledger twice: ${move}`);
    moves.add(move);
  }
  if (!hasNotices(store) || !hasWebhooks(store)) throw new Error("a store keeps both");
  const notices = (await store.listNotices({}, { limit: 1000 })).notices.map(
    (n) => `${n.key} ${n.status}`,
  );
  const hooks = (await store.listWebhookDeliveries({ limit: 1000 })).map((d) => {
    const data = JSON.parse(d.body).data as { remedy?: { key: string }; notice?: { key: string } };
    return `${d.type} ${data.remedy?.key ?? data.notice?.key}`;
  });
  const sorted = (list: string[]) => [...list].sort();
  return {
    remedies: [...remedies].sort((a, b) => (a.key < b.key ? -1 : 1)),
    ledger: sorted(ledger),
    notices: sorted(notices),
    hooks: sorted(hooks),
  };
}

async function withEndpoint(store: Store): Promise<Store> {
  if (!hasWebhooks(store)) throw new Error("the store delivers no webhooks");
  await registerWebhookEndpoint(store, "https://example.com/hooks", [
    "remedy.approved",
    "notice.created",
  ]);
  return store;
}

await describeOnEachSharedDatabase("Ingestors sharing a store", describeSeveralWriters);

function describeSeveralWriters(target: SharedTarget) {
  describe(`Ingestors sharing a store (${target.name})`, () => {
    let dbs: SharedDatabase[] = [];
    const fresh = async () => {
      const db = await target.fresh();
      dbs.push(db);
      return db;
    };
    beforeEach(() => {
      dbs = [];
    });
    afterEach(async () => {
      for (const db of dbs) await db.dispose();
    });

    /** One ingestor fed `parts` in order: what the stream decides. */
    async function alone(documents: readonly PromiseDocument[], parts: readonly unknown[][]) {
      const store = await withEndpoint(await (await fresh()).open());
      const ingestor = await Ingestor.open(store, documents);
      for (const part of parts) await ingestor.ingest(part);
      return { store, ingestor };
    }

    /** Two ingestors (two stores: two connections) over one database, fed `parts` in turn. */
    async function shared(documents: readonly PromiseDocument[], parts: readonly unknown[][]) {
      const db = await fresh();
      const stores = [await withEndpoint(await db.open()), await db.open()] as const;
      const writers = [
        await Ingestor.open(stores[0], documents),
        await Ingestor.open(stores[1], documents),
      ] as const;
      for (const [i, part] of parts.entries()) await writers[i % 2]?.ingest(part);
      return { db, stores, writers };
    }

    for (const { name, documents, events } of SCENARIOS) {
      it(`${name}: two writers taking turns record what one writer records, once`, async () => {
        const parts = batches(events);
        const one = await alone(documents, parts);
        const two = await shared(documents, parts);
        const expected = await outcome(one.store);
        expect(expected.remedies.length).toBeGreaterThan(0);
        expect(await outcome(two.stores[0])).toEqual(expected);
        // Each remedy once on the ledger: planned, and approved unless a person decides.
        expect(expected.ledger.filter((l) => l === "remedy.planned")).toHaveLength(
          expected.remedies.length,
        );
        expect((await verifyLedger(two.stores[0])).ok).toBe(true);
        // Both engines end where one engine ends: the writer of the last batch at once, the
        // other once it has caught up.
        const [a, b] = two.writers;
        await a.catchUp();
        await b.catchUp();
        expect(a.engine.snapshot()).toEqual(one.ingestor.engine.snapshot());
        expect(b.engine.snapshot()).toEqual(one.ingestor.engine.snapshot());
      });

      it(`${name}: a restart from either writer's checkpoint equals a full replay`, async () => {
        const parts = batches(events);
        const cut = Math.ceil((parts.length * 2) / 3);
        const one = await alone(documents, parts);
        for (const w of [0, 1] as const) {
          const two = await shared(documents, parts.slice(0, cut));
          await two.writers[w].checkpoint();
          for (const store of two.stores) await store.close();
          const store = await two.db.open();
          const restarted = await Ingestor.open(store, documents);
          for (const part of parts.slice(cut)) await restarted.ingest(part);
          expect(restarted.engine.snapshot()).toEqual(one.ingestor.engine.snapshot());
          expect((await outcome(store)).remedies).toEqual((await outcome(one.store)).remedies);
        }
      });
    }

    it("catchUp shows the guard a purchase another writer ingested", async () => {
      const [writer, server] = (await shared(RETAIL, [])).writers;
      const guard = new Guard(server.engine);
      const ebook = { sku: "ebook-three-body", kind: "digital", workId: "w-three-body" };
      const check = () => guard.check({ customer: "c-li", items: [ebook] }).map((w) => w.code);
      const order = sampleEvents("retail").filter((e) => e.customer === "c-li");
      await writer.ingest(order);
      expect(check()).toEqual([]);
      expect(await server.catchUp()).toBe(order.length);
      expect(check()).toEqual(["already_owned"]);
      expect(server.seq).toBe(writer.seq);
      expect(await server.catchUp()).toBe(0);
    });

    it("a batch's remedy counts leave out the remedies of events caught up with", async () => {
      const [first, second] = (await shared(RETAIL, [])).writers;
      const events = sampleEvents("retail");
      const all = await first.ingest(events.slice(0, -1));
      expect(all.remedies.created).toBeGreaterThan(0);
      const last = await second.ingest(events.slice(-1));
      const one = await alone(RETAIL, []);
      const whole = await one.ingestor.ingest(events);
      expect(all.remedies.created + last.remedies.created).toBe(whole.remedies.created);
      expect(last.remedies.existing).toBe(0);
    });
  });
}
