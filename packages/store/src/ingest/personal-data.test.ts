import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPromises, type PromiseDocument } from "@goodfaith/core";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { pseudonym } from "../ledger/pseudonym.js";
import { openStore } from "../open-store.js";
import { CUSTOMERS_CHAIN, eraseCustomer } from "./erase-customer.js";
import { Ingestor } from "./ingestor.js";
import { personalData } from "./personal-data.js";
import { ledgerSecret, SYSTEM_CUSTOMER } from "./secret.js";
import { verifyLedger } from "./verify-ledger.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const loaded = loadPromises(
  readFileSync(join(ROOT, "packs/retail/promises.yaml"), "utf8"),
  "packs/retail/promises.yaml",
);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const documents: PromiseDocument[] = [loaded.value];
const pack: unknown[] = readFileSync(join(ROOT, "packs/retail/events.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);
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

  it("ingest stores them; erase removes one customer's, keeps the others', and the ledger holds no personal data", async () => {
    const db = tempDb();
    const store = await openStore(db);
    const ingestor = await Ingestor.open(store, documents);
    const result = await ingestor.ingest([...pack, ...extra]);
    expect(result.rejected).toEqual([]);
    expect(result.remedies.created).toBeGreaterThan(0);
    await ingestor.checkpoint();

    const anna = new Map((await store.getCustomerData("c-anna")).map((i) => [i.field, i]));
    expect(anna.get("name")).toMatchObject({ value: "Anna Lindqvist", purpose: "contact" });
    expect(anna.get("country")).toMatchObject({ value: "SE", purpose: "profile" });
    expect(anna.get("email")?.value).toBe("anna.lindqvist@example.se");
    expect(anna.get("consent.marketing.email")?.value).toBe("withdrawn");
    const liBefore = await store.getCustomerData("c-li");
    expect(liBefore.map((i) => i.field).sort()).toEqual(["country", "email", "language", "name"]);

    const erased = await eraseCustomer(store, "c-anna", { actor: "dpo:eva" });
    // Her customer.updated events (the pack's name, the extra email and phone) and the
    // data.collected source are rewritten in the log; the consent is a fact and stays.
    expect(erased).toMatchObject({ ok: true, erased: anna.size, redactedEvents: 3 });
    expect(await store.loadCheckpoint()).toBeUndefined();
    expect(await store.getCustomerData("c-anna")).toEqual([]);
    expect(await store.getCustomerData("c-li")).toEqual(liBefore);

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
    const again = await openStore(db);
    const reopened = await Ingestor.open(again, documents);
    expect(reopened.seq).toBe(result.lastSeq);
    expect(await again.getCustomerData("c-anna")).toEqual([]);
    await reopened.checkpoint();
    await again.close();

    // Every table of the file: nothing of Anna's but her id; Li's data untouched.
    const file = new Database(db, { readonly: true });
    const dump = (table: string) => JSON.stringify(file.prepare(`select * from ${table}`).all());
    const everything = ["events", "checkpoints", "remedies", "customer_data"].map(dump).join();
    for (const hers of ["Anna Lindqvist", "anna.lindqvist@example.se", "+46 70 123 45 67"]) {
      expect(everything).not.toContain(hers);
    }
    expect(everything).toContain("li.wei@example.cn");
    file.close();

    // The ledger table itself, every column of every row.
    const sqlite = new Database(db, { readonly: true });
    const rows = sqlite.prepare("select * from ledger_entries").all();
    sqlite.close();
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
    ]) {
      expect(text).not.toContain(secretText);
    }
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
