import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledgerSecret, openStore } from "@goodfaith/store";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

describe("goodfaith customer erase", () => {
  it("erases personal data, records the erasure, and the ledger still verifies", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const store = await openStore(db);
    await store.putCustomerData("c-anna", [
      { field: "email", value: "anna@example.com", at: 1 },
      { field: "name", value: "Anna", at: 1 },
    ]);
    await store.close();

    const run = await cli(["customer", "erase", "c-anna", "--db", db, "--actor", "dpo:eva"]);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    // The airline pack has no customer.updated for c-anna: only the two items put above.
    expect(run.out[0]).toBe("erased 2 items of personal data of c-anna");
    expect(run.out[1]).toBe("  took their personal data out of 0 logged events");

    const after = await openStore(db);
    expect(await after.getCustomerData("c-anna")).toEqual([]);
    const entries = [];
    for await (const e of after.readLedger("customers")) entries.push(e);
    await after.close();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "customer.erased", actor: "dpo:eva" });
    expect(JSON.stringify(entries)).not.toContain("c-anna");

    const verify = await cli(["ledger", "verify", "--db", db]);
    expect(verify.code).toBe(0);
    // customers, promises (the ingest adopted them) and remedies.
    expect(verify.out[0]).toMatch(/in 3 chains$/);
  });

  it("reports remedies, notices and webhook events erased, in each language and in JSON", async () => {
    const db = tempDb();
    const hook = ["https://example.com/hooks", "--events", "notice.created", "--db", db];
    expect((await cli(["webhooks", "add", ...hook])).code).toBe(0);
    expect((await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db])).code).toBe(0);

    // Lena booked two passengers: three remedies name one of them, four notices went to her.
    const en = await cli(["customer", "erase", "c-lena", "--db", db]);
    expect(en.code).toBe(0);
    expect(en.out.slice(2, 5)).toEqual([
      "  took passengers' names out of 3 of their remedies",
      "  blanked the text of 4 notices written to them",
      "  blanked 4 webhook events announcing those notices",
    ]);
    const zh = await cli(["customer", "erase", "c-mei", "--db", db], "zh-CN");
    expect(zh.out.slice(2, 5)).toEqual([
      "  已从其 2 项补救中移除乘客姓名",
      "  已清除发给该客户的 3 条通知的正文",
      "  已清除通告这些通知的 3 个 webhook 事件的内容",
    ]);
    const sv = await cli(["customer", "erase", "c-sam", "--db", db], "sv");
    expect(sv.out.slice(2, 5)).toEqual([
      "  tog bort passagerarnas namn ur 1 av kundens gottgörelser",
      "  tömde texten i 1 meddelande till kunden",
      "  tömde 1 webhook-händelse som meddelade dem",
    ]);
    const json = await cli(["customer", "erase", "c-omar", "--db", db, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}")).toMatchObject({
      ok: true,
      redactedRemedies: 1,
      erasedNotices: 2,
      erasedWebhookEvents: 2,
    });
    // Erased again: nothing left to take out.
    const again = await cli(["customer", "erase", "c-omar", "--db", db, "--json"]);
    expect(JSON.parse(again.out[0] ?? "{}")).toMatchObject({
      redactedRemedies: 0,
      erasedNotices: 0,
      erasedWebhookEvents: 0,
    });

    // Every notice of the pack was to one of them: each delivery now only says it was erased.
    const sqlite = new Database(db, { readonly: true });
    const bodies = sqlite.prepare("select body from webhook_deliveries").all() as {
      body: string;
    }[];
    sqlite.close();
    expect(bodies).toHaveLength(10);
    for (const { body } of bodies) {
      const { data } = JSON.parse(body) as { data: { notice: Record<string, unknown> } };
      expect(Object.keys(data.notice)).toEqual(["key", "status"]);
      expect(data.notice.status).toBe("erased");
    }
  });

  it("refuses the reserved system id, in the reader's language", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const erase = (lang: "en" | "zh-CN" | "sv") =>
      cli(["customer", "erase", "goodfaith:system", "--db", db], lang);
    expect(await erase("en")).toMatchObject({
      code: 2,
      err: ["goodfaith:system: a reserved id, not a customer; nothing erased"],
    });
    expect((await erase("zh-CN")).err).toEqual([
      "goodfaith:system：这是保留 ID，不是客户；未删除任何内容",
    ]);
    expect((await erase("sv")).err).toEqual([
      "goodfaith:system: ett reserverat id, inte en kund; inget raderades",
    ]);
  });

  it("records the erasure of an id nothing is known about, and says so plainly", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const erase = async (id: string, lang: "en" | "zh-CN" | "sv") => {
      const run = await cli(["customer", "erase", id, "--db", db, "--json"], lang);
      expect(run.code).toBe(0);
      return run.err;
    };
    expect(await erase("c-anan", "en")).toEqual([
      "c-anan: nothing was known about this id (no personal data, events, remedies or notices); the erasure request is recorded all the same. Is the id mistyped?",
    ]);
    expect(await erase("c-x", "zh-CN")).toEqual([
      "c-x：此前没有关于这个 ID 的任何记录（没有个人数据、事件、补救措施或通知）；删除请求仍已记录。ID 是否输错了？",
    ]);
    expect(await erase("c-y", "sv")).toEqual([
      "c-y: vi visste ingenting om detta id (inga personuppgifter, händelser, gottgörelser eller meddelanden); begäran om radering är noterad ändå. Är id:t felskrivet?",
    ]);
    const store = await openStore(db);
    const entries = [];
    for await (const e of store.readLedger("customers")) entries.push(e);
    await store.close();
    expect(entries.map((e) => e.kind)).toEqual([
      "customer.erased",
      "customer.erased",
      "customer.erased",
    ]);
  });

  it("after ingesting the retail pack, erases the data its events carried, and only that customer's", async () => {
    const db = tempDb();
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-ev-"));
    const extra = join(dir, "crm.jsonl");
    writeFileSync(
      extra,
      [
        {
          id: "crm-x1",
          type: "customer.updated",
          time: "2026-11-01T09:00:00Z",
          customer: "c-anna",
          data: { email: "anna.lindqvist@example.se" },
        },
        {
          id: "crm-x2",
          type: "customer.updated",
          time: "2026-11-01T09:00:00Z",
          customer: "c-sam",
          data: { email: "sam.carter@example.ie" },
        },
      ]
        .map((e) => JSON.stringify(e))
        .join("\n"),
    );
    const ingest = await cli([
      "ingest",
      join(ROOT, "packs/retail/events.jsonl"),
      extra,
      "-p",
      join(ROOT, "packs/retail/promises.yaml"),
      "--db",
      db,
    ]);
    expect(ingest.code).toBe(0);
    expect(ingest.out.join("\n")).toMatch(/[1-9]\d* remedies created/);

    let store = await openStore(db);
    const sam = await store.getCustomerData("c-sam");
    expect(sam.find((i) => i.field === "email")?.value).toBe("sam.carter@example.ie");
    expect((await store.getCustomerData("c-anna")).length).toBe(4); // name, language, country, email
    await store.close();

    const run = await cli(["customer", "erase", "c-anna", "--db", db, "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out[0] ?? "{}");
    expect(result).toMatchObject({ ok: true, erased: 4 });

    store = await openStore(db);
    expect(await store.getCustomerData("c-anna")).toEqual([]);
    expect(await store.getCustomerData("c-sam")).toEqual(sam);
    const { pseudonym } = await import("../../../store/src/ledger/index.js");
    const erased = [];
    for await (const e of store.readLedger("customers")) erased.push(e);
    expect(erased).toEqual([
      expect.objectContaining({
        kind: "customer.erased",
        customerRef: pseudonym(await ledgerSecret(store), "c-anna"),
      }),
    ]);
    await store.close();
    expect((await cli(["ledger", "verify", "--db", db])).code).toBe(0);

    const sqlite = new Database(db, { readonly: true });
    const rows = JSON.stringify(sqlite.prepare("select * from ledger_entries").all());
    sqlite.close();
    for (const text of [
      "c-anna",
      "Anna Lindqvist",
      "anna.lindqvist@example.se",
      "c-sam",
      "Sam Carter",
    ]) {
      expect(rows).not.toContain(text);
    }
  });
});

describe("goodfaith customers show", () => {
  it("shows the data held, the customer's events and every remedy with its moves", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const json = await cli(["customers", "show", "c-lena", "--db", db, "--json"]);
    expect(json.code).toBe(0);
    const timeline = JSON.parse(json.out[0] ?? "{}");
    expect(timeline.customer).toBe("c-lena");
    expect(timeline.events.map((e: { event: { id: string } }) => e.event.id)).toContain(
      "bk-NW-5001",
    );
    const keys = timeline.remedies.map((h: { remedy: { key: string } }) => h.remedy.key);
    expect(keys).toContain("delay-refund:flight:NW101@2026-11-20:booking:NW-5001");
    expect(keys.every((k: string) => !k.includes("NW-5002"))).toBe(true);
    const human = await cli(["customer", "show", "c-lena", "--db", db, "--lang", "sv"]);
    expect(human.out[0]).toBe("Kund c-lena");
    expect(human.out).toContain(`Gottgörelser (${keys.length}):`);
  });

  it("says plainly that nothing is known about an unknown customer, and exits 2", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const said = {
      en: "c-nobody: nothing is known about this customer (no personal data, events, remedies or notices)",
      "zh-CN": "c-nobody：没有关于这位客户的任何记录（没有个人数据、事件、补救措施或通知）",
      sv: "c-nobody: vi vet ingenting om den här kunden (inga personuppgifter, händelser, gottgörelser eller meddelanden)",
    } as const;
    for (const lang of ["en", "zh-CN", "sv"] as const) {
      const run = await cli(["customers", "show", "c-nobody", "--db", db, "--json"], lang);
      expect(run).toEqual({ out: [], err: [said[lang]], code: 2 });
    }
  });

  it("says in the reader's language that a store cannot be opened, with the driver's reason", async () => {
    const url = "postgres://goodfaith:secret@127.0.0.1:1/x";
    const run = await cli(["customers", "show", "c-1", "--db", url], "zh-CN");
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      "无法打开位于 postgres://goodfaith:***@127.0.0.1:1/x 的存储：connect ECONNREFUSED 127.0.0.1:1",
    ]);
    const missing = join(mkdtempSync(join(tmpdir(), "goodfaith-")), "none.db");
    expect((await cli(["customers", "show", "c-1", "--db", missing], "sv")).err).toEqual([
      `${missing}: här finns inget lager (kör goodfaith ingest först, eller ange --db)`,
    ]);
  });
});
