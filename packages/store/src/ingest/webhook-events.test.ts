import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasWebhooks, type Store } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import { openStore } from "../open-store.js";
import { registerWebhookEndpoint } from "../webhooks/endpoints.js";
import { Ingestor } from "./ingestor.js";

const documents = [loadPack("retail")];

async function deliveries(store: Store) {
  if (!hasWebhooks(store)) throw new Error("the store delivers no webhooks");
  return store.listWebhookDeliveries({ limit: 1000 });
}

describe("ingest announces to webhook endpoints", () => {
  it("remedy.approved for each auto-approved remedy and notice.created for each ready notice, once", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "goodfaith-ingest-hooks-")), "store.db");
    let store = await openStore(db);
    if (!hasWebhooks(store)) throw new Error("the store delivers no webhooks");
    await registerWebhookEndpoint(store, "https://example.com/hooks", [
      "remedy.approved",
      "notice.created",
    ]);
    await (await Ingestor.open(store, documents)).ingest(sampleEvents("retail"));
    const remedies = (await store.listRemedies({ status: ["approved"] }, { limit: 1000 })).remedies;
    const sent = await deliveries(store);
    const approved = sent.filter((d) => d.type === "remedy.approved");
    expect(approved.map((d) => JSON.parse(d.body).data.remedy.key).sort()).toEqual(
      remedies.map((r) => r.key).sort(),
    );
    const notices = sent.filter((d) => d.type === "notice.created");
    expect(notices.length).toBeGreaterThan(0);
    for (const d of notices) expect(JSON.parse(d.body).data.notice.status).toBe("ready");

    // A restart without a checkpoint replays the log: nothing is announced twice.
    await store.close();
    store = await openStore(db);
    await Ingestor.open(store, documents);
    expect((await deliveries(store)).length).toBe(sent.length);
    await store.close();
  });
});
