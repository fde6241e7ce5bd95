import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasNotices, hasWebhooks } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import { Ingestor } from "../ingest/ingestor.js";
import { openStore } from "../open-store.js";
import { registerWebhookEndpoint } from "../webhooks/endpoints.js";
import { decideRemedy } from "./decide-remedy.js";

const CREDIT = "long-wait-credit:contact:ct-9002"; // c-ingrid, 5.00 EUR, capped at 15.00 per 30 days

describe("decideRemedy", () => {
  it("approving a remedy that waited releases its held notice, announced once", async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), "goodfaith-decide-")), "s.db"));
    if (!hasNotices(store) || !hasWebhooks(store)) throw new Error("store without notices");
    await registerWebhookEndpoint(store, "https://example.com/hooks", ["notice.created"]);
    // Another worker's grants leave no room under c-ingrid's cap: the credit waits for a person.
    await store.reserveSpend({
      key: "elsewhere",
      promise: "long-wait-credit",
      customer: "c-ingrid",
      currency: "EUR",
      amountMinor: "1200",
      capMinor: "1500",
      at: Date.UTC(2026, 10, 2),
    });
    await (await Ingestor.open(store, [loadPack("support")])).ingest(sampleEvents("support"));
    expect((await store.getNotice(CREDIT))?.status).toBe("held");
    const announced = async () =>
      (await store.listWebhookDeliveries({ limit: 100 })).filter((d) => d.body.includes(CREDIT));
    expect(await announced()).toEqual([]);

    const approved = await decideRemedy(
      store,
      CREDIT,
      "approve",
      "agent:a-17",
      Date.UTC(2026, 10, 4),
    );
    expect(approved.ok).toBe(true);
    expect((await store.getNotice(CREDIT))?.status).toBe("ready");
    expect(await announced()).toHaveLength(1);
    // A second decision is refused and releases nothing again.
    expect(
      (await decideRemedy(store, CREDIT, "approve", "agent:a-17", Date.UTC(2026, 10, 4))).ok,
    ).toBe(false);
    expect(await announced()).toHaveLength(1);
    await store.close();
  });
});
