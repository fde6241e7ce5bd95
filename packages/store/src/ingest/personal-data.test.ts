import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  hasIdempotency,
  hasWebhooks,
  loadPromises,
  type PromiseDocument,
  type Store,
} from "@goodfaith/core";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { describePostgres, dropSchema, pgAdmin } from "../../../../test/support/postgres.js";
import { pseudonym } from "../ledger/pseudonym.js";
import { openStore } from "../open-store.js";
import { registerWebhookEndpoint } from "../webhooks/endpoints.js";
import { CUSTOMERS_CHAIN, eraseCustomer } from "./erase-customer.js";
import { Ingestor } from "./ingestor.js";
import { personalData } from "./personal-data.js";
import { ledgerSecret, SYSTEM_CUSTOMER } from "./secret.js";
import { verifyLedger } from "./verify-ledger.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
function loadPack(name: string): PromiseDocument {
  const file = `packs/${name}/promises.yaml`;
  const loaded = loadPromises(readFileSync(join(ROOT, file), "utf8"), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}
const packEvents = (name: string): unknown[] =>
  readFileSync(join(ROOT, `packs/${name}/events.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
const documents: PromiseDocument[] = [loadPack("retail")];
const pack = packEvents("retail");
// Anna also flew with her brother on the EU 261 pack's LH404, which arrived 3½ hours late
// for a technical fault: each passenger's compensation is a remedy that names them.
const airline: PromiseDocument[] = [...documents, loadPack("eu261")];
const annaFlight = {
  id: "bk-anna-lh404",
  type: "booking.created",
  time: "2026-09-05T10:00:00Z",
  customer: "c-anna",
  data: {
    booking: "bk-anna-lh404",
    flight: "LH404@2026-11-14",
    carrier: { code: "LH", euLicensed: true },
    origin: "FRA",
    destination: "JFK",
    passengers: [
      { id: "p1", name: "Anna Lindqvist", age: 34, seat: "30A" },
      { id: "p2", name: "Nils Lindqvist", age: 31, seat: "30B" },
    ],
    fare: "1210.00",
    currency: "EUR",
    payments: [{ method: "card", amount: "1210.00" }],
  },
};
const flights = [annaFlight, ...packEvents("eu261")];
// The pack has names; an email, a phone, a consent and a collection make the test complete.
const extra: unknown[] = [
  {
    id: "crm-x1",
    type: "customer.updated",
    time: "2026-11-01T09:00:00Z",
    customer: "c-anna",
    data: { email: "anna.lindqvist@example.se", phone: "+46 70 123 45 67" },
  },
  {
    id: "pref-x1",
    type: "consent.changed",
    time: "2026-11-01T09:01:00Z",
    customer: "c-anna",
    data: { purpose: "marketing", granted: false, channel: "email" },
  },
  {
    id: "pref-x2",
    type: "data.collected",
    time: "2026-11-01T09:02:00Z",
    customer: "c-anna",
    data: { category: "purchase history", purpose: "duplicate-purchase warnings", source: "shop" },
  },
  {
    id: "crm-x2",
    type: "customer.updated",
    time: "2026-11-01T09:03:00Z",
    customer: "c-li",
    data: { email: "li.wei@example.cn" },
  },
  // A misspelt type: kept as an event the contract does not define, her email in it.
  {
    id: "crm-x3",
    type: "customer.update",
    time: "2026-11-01T09:04:00Z",
    customer: "c-anna",
    data: { email: "anna.typo@example.se" },
  },
];
const tempDb = () => join(mkdtempSync(join(tmpdir(), "goodfaith-pd-")), "store.db");

describe("personal data at ingest, and erasure", () => {
  it("maps the three event types to fields and purposes", () => {
    const at = Date.parse("2026-11-01T09:00:00Z");
    const ev = (e: unknown) => personalData(e as Parameters<typeof personalData>[0]);
    expect(ev(extra[0])).toEqual({
      customer: "c-anna",
      items: [
        { field: "email", value: "anna.lindqvist@example.se", purpose: "contact", at },
        { field: "phone", value: "+46 70 123 45 67", purpose: "contact", at },
      ],
    });
    expect(ev(extra[1])?.items).toEqual([
      {
        field: "consent.marketing.email",
        value: "withdrawn",
        purpose: "marketing",
        at: at + 60_000,
      },
    ]);
    expect(ev(extra[2])?.items).toEqual([
      {
        field: "collected.purchase history",
        value: "shop",
        purpose: "duplicate-purchase warnings",
        at: at + 120_000,
      },
    ]);
    expect(ev(pack[3])).toBeUndefined(); // an order carries no personal data kept here
    expect(ev({ ...(extra[0] as object), customer: SYSTEM_CUSTOMER })).toBeUndefined();
  });

  it("a replay after a crash does not bring back an erased customer's data", async () => {
    const db = tempDb();
    let store = await openStore(db);
    // Events stored, no checkpoint: the next open replays them all.
    await store.appendEvents(
      extra.map((e) => e as Parameters<typeof store.appendEvents>[0][number]),
    );
    await eraseCustomer(store, "c-anna");
    await store.close();
    store = await openStore(db);
    await Ingestor.open(store, documents);
    expect(await store.getCustomerData("c-anna")).toEqual([]);
    expect((await store.getCustomerData("c-li")).map((i) => i.value)).toEqual([
      "li.wei@example.cn",
    ]);
    await store.close();
  });

  it("a late event never overwrites a newer value", async () => {
    const store = await openStore(tempDb());
    const ingestor = await Ingestor.open(store, documents);
    const update = (id: string, time: string, email: string) => ({
      id,
      type: "customer.updated",
      time,
      customer: "c-x",
      data: { email },
    });
    await ingestor.ingest([update("u2", "2026-11-02T00:00:00Z", "new@example.com")]);
    await ingestor.ingest([update("u1", "2026-11-01T00:00:00Z", "old@example.com")]);
    expect((await store.getCustomerData("c-x")).map((i) => i.value)).toEqual(["new@example.com"]);
    await store.close();
  });
});

/** A fresh store, opened as many times as a test needs, and every row of every table in it. */
interface Target {
  readonly name: string;
  fresh(): Promise<{
    open(): Promise<Store>;
    tables(): Promise<Record<string, readonly unknown[]>>;
    /** The database's own files, byte for byte, where the test can read them (SQLite). */
    files?(): string;
    dispose(): Promise<void>;
  }>;
}

function describeErasure(target: Target) {
  describe(`erasure (${target.name})`, () => {
    it("ingest stores them; erase removes one customer's, keeps the others', and the ledger holds no personal data", async () => {
      const db = await target.fresh();
      try {
        const store = await db.open();
        // Each ready notice is also a `notice.created` webhook event, its whole text in the body.
        if (!hasWebhooks(store)) throw new Error("the store does not implement WebhookStore");
        await registerWebhookEndpoint(store, "https://example.com/hooks", ["notice.created"]);
        const ingestor = await Ingestor.open(store, airline);
        const result = await ingestor.ingest([...pack, ...flights, ...extra]);
        expect(result.rejected).toEqual([]);
        expect(result.remedies.created).toBeGreaterThan(0);
        await ingestor.checkpoint();
        const noticeOf = (body: string) =>
          (JSON.parse(body) as { data: { notice: { key: string; customer?: string } } }).data
            .notice;
        const announced = await store.listWebhookDeliveries({ limit: 1000 });
        const toAnna = announced.filter((d) => noticeOf(d.body).customer === "c-anna");
        expect(toAnna.some((d) => d.body.includes("Anna Lindqvist"))).toBe(true);

        const anna = new Map((await store.getCustomerData("c-anna")).map((i) => [i.field, i]));
        expect(anna.get("name")).toMatchObject({ value: "Anna Lindqvist", purpose: "contact" });
        expect(anna.get("country")).toMatchObject({ value: "SE", purpose: "profile" });
        expect(anna.get("email")?.value).toBe("anna.lindqvist@example.se");
        expect(anna.get("consent.marketing.email")?.value).toBe("withdrawn");
        const liBefore = await store.getCustomerData("c-li");
        expect(liBefore.map((i) => i.field).sort()).toEqual([
          "country",
          "email",
          "language",
          "name",
        ]);
        // Her brother's compensation names him, so the test below can fail.
        const hers = await store.listRemedies({ customer: "c-anna" }, { limit: 100 });
        const perPassenger = hers.remedies.filter((r) => r.promise === "eu261-delay-compensation");
        expect(perPassenger).toHaveLength(2);
        expect(perPassenger.map((r) => r.detail).join()).toContain("Nils Lindqvist");

        // A response kept for an Idempotency-Key replay (an approval of her brother's remedy).
        if (!hasIdempotency(store)) throw new Error("the store keeps no idempotency keys");
        await store.claimIdempotency("key-1", "approve-1", "fp", 1);
        await store.completeIdempotency("key-1", "approve-1", 1, {
          status: 200,
          contentType: "application/json",
          body: JSON.stringify({ remedy: { customer: "c-anna", passenger: "Nils Lindqvist" } }),
        });

        const erased = await eraseCustomer(store, "c-anna", { actor: "dpo:eva" });
        // Her customer.updated events (the pack's name, the extra email and phone), the
        // data.collected source, her booking's passenger names and the misspelt type's data
        // are rewritten in the log;
        // the consent is a fact and stays. Both compensations lose the passenger's name.
        expect(erased).toMatchObject({
          ok: true,
          erased: anna.size,
          redactedEvents: 5,
          redactedRemedies: 2,
          erasedWebhookEvents: toAnna.length,
          forgottenReplays: 1,
        });
        expect((await store.claimIdempotency("key-1", "approve-1", "fp", 2)).state).toBe("claimed");
        // Her notices' webhook events say only that the notice was erased, if sent again.
        const byId = new Map(
          (await store.listWebhookDeliveries({ limit: 1000 })).map((d) => [d.id, d]),
        );
        for (const d of toAnna) {
          const key = noticeOf(d.body).key;
          expect(noticeOf(byId.get(d.id)?.body ?? "{}")).toEqual({ key, status: "erased" });
        }
        expect(await store.loadCheckpoint()).toBeUndefined();
        expect(await store.getCustomerData("c-anna")).toEqual([]);
        expect(await store.getCustomerData("c-li")).toEqual(liBefore);
        // Which passenger each is for, and the amount, stay.
        const after = await store.listRemedies({ customer: "c-anna" }, { limit: 100 });
        const details = after.remedies
          .filter((r) => r.promise === "eu261-delay-compensation")
          .map((r) => JSON.parse(r.detail) as { passenger: unknown; amount: string });
        expect(details.map((d) => d.passenger)).toEqual([
          { id: "p1", number: 1, of: 2 },
          { id: "p2", number: 2, of: 2 },
        ]);
        expect(details.map((d) => d.amount)).toEqual(
          perPassenger.map((r) => (JSON.parse(r.detail) as { amount: string }).amount),
        );

        const verdict = await verifyLedger(store);
        expect(verdict.ok).toBe(true);
        const secret = await ledgerSecret(store);
        const entries = [];
        for await (const e of store.readLedger(CUSTOMERS_CHAIN)) entries.push(e);
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({
          kind: "customer.erased",
          actor: "dpo:eva",
          customerRef: pseudonym(secret, "c-anna"),
        });
        expect(entries[0]?.customerRef).not.toBe("c-anna");

        // A re-open replays the whole (redacted) log: it resurrects nothing and pays nothing twice.
        await store.close();
        const again = await db.open();
        const reopened = await Ingestor.open(again, airline);
        expect(reopened.seq).toBe(result.lastSeq);
        expect(await again.getCustomerData("c-anna")).toEqual([]);
        await reopened.checkpoint();
        await again.close();

        // Every table of the database: nothing of Anna's but her id; the others' data untouched.
        const tables = await db.tables();
        expect(Object.keys(tables)).toEqual(
          expect.arrayContaining(["events", "checkpoints", "remedies", "notices", "customer_data"]),
        );
        const everything = JSON.stringify(tables);
        // Not in any row, and (SQLite) not in the free space or the log of the files either.
        const bytes = db.files?.() ?? "";
        for (const text of [
          "Anna Lindqvist",
          "anna.lindqvist@example.se",
          "anna.typo@example.se",
          "+46 70 123 45 67",
          "Nils Lindqvist",
        ]) {
          expect(everything).not.toContain(text);
          expect(bytes.includes(text), `${text} in the database's files`).toBe(false);
        }
        if (db.files) expect(bytes).toContain("Erik Berg");
        expect(everything).toContain("li.wei@example.cn");
        // Another booker's passengers, in their events and remedies.
        expect(everything).toContain("Erik Berg");

        // The ledger table itself, every column of every row.
        const rows = tables.ledger_entries ?? [];
        expect(rows.length).toBeGreaterThan(1);
        const text = JSON.stringify(rows);
        for (const secretText of [
          "c-anna",
          "Anna",
          "Lindqvist",
          "anna.lindqvist@example.se",
          "c-li",
          "Li Wei",
          "li.wei@example.cn",
          "+46 70",
          "Erik Berg",
        ]) {
          expect(text).not.toContain(secretText);
        }
      } finally {
        await db.dispose();
      }
    });
  });
}

describeErasure({
  name: "SQLite",
  async fresh() {
    const path = tempDb();
    return {
      open: () => openStore(path),
      async tables() {
        const file = new Database(path, { readonly: true });
        try {
          const names = file
            .prepare("select name from sqlite_master where type = 'table'")
            .all() as { name: string }[];
          return Object.fromEntries(
            names.map(({ name }) => [name, file.prepare(`select * from "${name}"`).all()]),
          );
        } finally {
          file.close();
        }
      },
      files: () =>
        [path, `${path}-wal`]
          .filter((f) => existsSync(f))
          .map((f) => readFileSync(f).toString("latin1"))
          .join(""),
      dispose: async () => {},
    };
  },
});

await describePostgres("erasure", ({ url, freshSchema }) => {
  describeErasure({
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      return {
        open: () => openStore(url, { schema, maxConnections: 4 }),
        tables: () =>
          pgAdmin(async (client) => {
            const { rows } = await client.query<{ name: string }>(
              "select table_name as name from information_schema.tables where table_schema = $1",
              [schema],
            );
            const tables: Record<string, readonly unknown[]> = {};
            for (const { name } of rows) {
              tables[name] = (await client.query(`select * from "${schema}"."${name}"`)).rows;
            }
            return tables;
          }),
        dispose: async () => {
          await dropSchema(schema);
        },
      };
    },
  });
});
