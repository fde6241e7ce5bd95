import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasNotices, type Notice, type Store, type StoredNotice } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import { describePostgres, dropSchema } from "../../../../test/support/postgres.js";
import { noticeFileOutbox } from "../notice-outbox.js";
import { openStore } from "../open-store.js";
import { eraseCustomer } from "./erase-customer.js";
import { Ingestor } from "./ingestor.js";

const documents = [loadPack("retail")];
// The retail pack's events, with Sam withdrawing service notices before anything happens.
const events: unknown[] = [
  {
    id: "consent-sam",
    type: "consent.changed",
    time: "2026-11-01T09:00:00Z",
    customer: "c-sam",
    data: { purpose: "service_notices", granted: false },
  },
  ...sampleEvents("retail"),
];

async function allNotices(store: Store): Promise<StoredNotice[]> {
  if (!hasNotices(store)) throw new Error("the store keeps no notices");
  return [...(await store.listNotices({}, { limit: 1000 })).notices];
}

interface Target {
  readonly name: string;
  fresh(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }>;
}

function describeNotices(target: Target) {
  describe(`Ingestor notices (${target.name})`, () => {
    async function ingestAll(batch: number, created: Notice[], outbox?: string) {
      const db = await target.fresh();
      const store = await db.open();
      const onCreated = async (notices: readonly Notice[]) => {
        created.push(...notices);
        if (outbox) await noticeFileOutbox(outbox)(notices);
      };
      const ingestor = await Ingestor.open(store, documents, { notices: { onCreated } });
      for (let i = 0; i < events.length; i += batch) {
        await ingestor.ingest(events.slice(i, i + batch));
      }
      return { db, store };
    }

    it("records one notice per remedy, announces it once, and replays add nothing", async () => {
      const created: Notice[] = [];
      const outbox = join(mkdtempSync(join(tmpdir(), "goodfaith-notices-")), "out/notices.jsonl");
      const { db, store } = await ingestAll(events.length, created, outbox);
      try {
        const notices = await allNotices(store);
        const remedies = (await store.listRemedies({}, { limit: 1000 })).remedies;
        const keyed = remedies.filter((r) => JSON.parse(r.detail).notice !== undefined);
        expect(keyed.length).toBeGreaterThanOrEqual(4);
        expect(notices.map((n) => n.key).sort()).toEqual(keyed.map((r) => r.key).sort());
        expect(created.map((n) => n.key).sort()).toEqual(notices.map((n) => n.key).sort());

        const anna = notices.find((n) => n.promise === "late-delivery");
        expect(anna).toMatchObject({ customer: "c-anna", lang: "sv", status: "ready" });
        expect(anna?.body).toMatch(/^Hej Anna Lindqvist,/);
        expect(anna?.body).toContain("4,99\u00a0€ till ditt kort");
        const sam = notices.filter((n) => n.customer === "c-sam");
        expect(sam.length).toBeGreaterThan(0);
        for (const n of sam)
          expect(n).toMatchObject({ status: "suppressed", reason: "no_consent" });

        // The file outbox has the ready ones only, one JSON line each.
        const lines = readFileSync(outbox, "utf8").trim().split("\n");
        const ready = notices.filter((n) => n.status === "ready").map((n) => n.key);
        expect(lines.map((l) => (JSON.parse(l) as Notice).key).sort()).toEqual(ready.sort());

        // A restart without a checkpoint replays every event: nothing is announced again.
        await store.close();
        const again = await db.open();
        const replayed: Notice[] = [];
        const ingestor = await Ingestor.open(again, documents, {
          notices: { onCreated: (n) => void replayed.push(...n) },
        });
        await ingestor.ingest(events);
        expect(replayed).toEqual([]);
        expect(await allNotices(again)).toEqual(notices);
        expect(readFileSync(outbox, "utf8").trim().split("\n")).toHaveLength(lines.length);
        await again.close();
      } finally {
        await db.dispose();
      }
    });

    it("a store that keeps no notices ingests without them", async () => {
      const db = await target.fresh();
      const store = await db.open();
      try {
        const { recordNotices: _, ...bare } = store as Store & { recordNotices: unknown };
        const created: Notice[] = [];
        const ingestor = await Ingestor.open(bare, documents, {
          notices: { onCreated: (n) => void created.push(...n) },
        });
        const result = await ingestor.ingest(events);
        expect(result.remedies.created).toBeGreaterThan(0);
        expect(created).toEqual([]);
        expect(await allNotices(store)).toEqual([]);
      } finally {
        await store.close();
        await db.dispose();
      }
    });

    it("a store that keeps notices but does not write them with their remedies is an error", async () => {
      const db = await target.fresh();
      const store = await db.open();
      try {
        // Breaks the port: it drops `RecordFollowUp.notices`, so nothing records them.
        const careless: Store = {
          ...store,
          recordRemedies: (remedies, atSeq, ledger) => {
            const { notices: _, ...rest } = ledger ?? { chain: "", entries: () => [] };
            return store.recordRemedies(remedies, atSeq, ledger && rest);
          },
        };
        const ingestor = await Ingestor.open(careless, documents);
        await expect(ingestor.ingest(events)).rejects.toThrow(
          "the store keeps notices but did not record them with their remedies",
        );
        expect(await allNotices(store)).toEqual([]);
      } finally {
        await store.close();
        await db.dispose();
      }
    });

    it("batch boundaries do not change a notice", async () => {
      const one = await ingestAll(events.length, []);
      const each = await ingestAll(1, []);
      try {
        const strip = (ns: StoredNotice[]) =>
          ns.map(({ seq: _, ...n }) => n).sort((a, b) => a.key.localeCompare(b.key));
        expect(strip(await allNotices(each.store))).toEqual(strip(await allNotices(one.store)));
      } finally {
        await one.store.close();
        await each.store.close();
        await one.db.dispose();
        await each.db.dispose();
      }
    });

    it("erasing a customer blanks their notices, and a replay does not write them again", async () => {
      const { db, store } = await ingestAll(events.length, []);
      try {
        const before = (await allNotices(store)).filter((n) => n.customer === "c-anna");
        expect(before.length).toBeGreaterThan(0);
        const result = await eraseCustomer(store, "c-anna");
        expect(result).toMatchObject({ ok: true, erasedNotices: before.length });
        await store.close();

        const again = await db.open();
        const replayed: Notice[] = [];
        await Ingestor.open(again, documents, {
          notices: { onCreated: (n) => void replayed.push(...n) },
        });
        const after = (await allNotices(again)).filter((n) => n.customer === "c-anna");
        expect(after.map((n) => n.key)).toEqual(before.map((n) => n.key));
        for (const n of after) expect(n).toMatchObject({ subject: "", body: "", erased: true });
        expect(JSON.stringify(await allNotices(again))).not.toContain("Anna");
        expect(replayed).toEqual([]);
        await again.close();
      } finally {
        await db.dispose();
      }
    });
  });
}

describeNotices({
  name: "SQLite",
  async fresh() {
    const path = join(mkdtempSync(join(tmpdir(), "goodfaith-notices-")), "store.db");
    return { open: () => openStore(path), dispose: async () => {} };
  },
});

await describePostgres("Ingestor notices", ({ url, freshSchema }) => {
  describeNotices({
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      return {
        open: () => openStore(url, { schema, maxConnections: 4 }),
        dispose: async () => {
          await dropSchema(schema);
        },
      };
    },
  });
});
