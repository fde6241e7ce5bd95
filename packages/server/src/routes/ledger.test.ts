import { readFile } from "node:fs/promises";
import { adoptPromises } from "@goodfaith/store";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness } from "../../test/harness.js";
import { type Document, operationOf, violations } from "../../test/openapi-check.js";

const FILE = "packs/retail/promises.yaml";
const T0 = Date.UTC(2026, 10, 20, 9);

describe("GET /v1/ledger/verify compares the promise sets with the ledger", () => {
  let h: Harness;
  let doc: Document;
  beforeEach(async () => {
    h = await harness();
    doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as Document;
    const text = await readFile(new URL(`../../../../${FILE}`, import.meta.url), "utf8");
    await adoptPromises(h.store, [{ file: FILE, text }], { actor: "cli:serve", now: () => T0 });
  });
  afterEach(() => h.close());

  // The verdict, checked against the schema the document declares for it.
  async function verify(): Promise<unknown> {
    const res = await h.call("/v1/ledger/verify");
    expect(res.status).toBe(200);
    const body = await res.json();
    const schema = operationOf(doc, "GET", "/v1/ledger/verify")?.operation.responses["200"]
      ?.content?.["application/json"]?.schema;
    expect(schema).toBeDefined();
    expect(violations(doc, schema ?? {}, body)).toEqual([]);
    return body;
  }

  it("says the versions agree with their promises.adopted entries", async () => {
    expect(await verify()).toMatchObject({
      ok: true,
      chainsOk: true,
      promiseSets: { ok: true, checked: 1, mismatched: 0, mismatches: [] },
    });
  });

  it("is not ok once a stored text or adopter was changed behind its back", async () => {
    const sqlite = new Database(h.db);
    sqlite.exec(
      "update promise_set_documents set source = replace(source, 'goodfaith: 1', 'goodfaith: 2')",
    );
    sqlite.exec("update promise_sets set actor = 'agent:a-99'");
    sqlite.close();
    expect(await verify()).toMatchObject({
      ok: false,
      chainsOk: true,
      promiseSets: {
        ok: false,
        checked: 1,
        mismatched: 1,
        mismatches: [{ reason: "texts_differ", version: 1 }],
      },
    });
    const text = await readFile(new URL(`../../../../${FILE}`, import.meta.url), "utf8");
    const fixed = new Database(h.db);
    fixed.prepare("update promise_set_documents set source = ?").run(text);
    fixed.close();
    expect(await verify()).toMatchObject({
      ok: false,
      promiseSets: {
        mismatches: [
          { reason: "actor_differs", version: 1, expected: "cli:serve", found: "agent:a-99" },
        ],
      },
    });
  });
});
