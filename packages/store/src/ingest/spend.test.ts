import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPromises, type PromiseDocument } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { openStore } from "../open-store.js";
import { Ingestor } from "./ingestor.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const file = "packs/support/promises.yaml";
const loaded = loadPromises(readFileSync(join(ROOT, file), "utf8"), file);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const documents: PromiseDocument[] = [loaded.value];
const events: unknown[] = readFileSync(join(ROOT, "packs/support/events.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);
const CREDIT = "long-wait-credit:contact:ct-9002"; // c-ingrid, 5.00 EUR, capped at 15.00 per 30 days
const tempDb = () => join(mkdtempSync(join(tmpdir(), "goodfaith-spend-")), "store.db");

describe("caps and budgets counted in the store", () => {
  it("reserves each capped credit once, replays included", async () => {
    const db = tempDb();
    let store = await openStore(db);
    await (await Ingestor.open(store, documents)).ingest(events);
    expect((await store.getRemedy(CREDIT))?.remedy.status).toBe("approved");
    // Counted already: reserving the same key again is a duplicate, not a second 5.00.
    const again = await store.reserveSpend({
      key: CREDIT,
      promise: "long-wait-credit",
      customer: "c-ingrid",
      currency: "EUR",
      amountMinor: "500",
      capMinor: "1500",
      at: Date.UTC(2026, 10, 3, 9, 12),
    });
    expect(again).toEqual({ ok: true, duplicate: true });
    await store.close();
    // A restart without a checkpoint replays every event: nothing changes.
    store = await openStore(db);
    await Ingestor.open(store, documents);
    expect((await store.getRemedy(CREDIT))?.remedy.status).toBe("approved");
    await store.close();
  });

  it("a credit another worker's grants leave no room for waits for a person", async () => {
    const store = await openStore(tempDb());
    // Another worker (seeing other events) already granted c-ingrid 12.00 of the 15.00 cap.
    const other = await store.reserveSpend({
      key: "long-wait-credit:contact:elsewhere",
      promise: "long-wait-credit",
      customer: "c-ingrid",
      currency: "EUR",
      amountMinor: "1200",
      capMinor: "1500",
      capPeriodMs: 30 * 86_400_000,
      at: Date.UTC(2026, 10, 2),
    });
    expect(other.ok).toBe(true);
    await (await Ingestor.open(store, documents)).ingest(events);
    const held = await store.getRemedy(CREDIT);
    expect(held?.remedy.status).toBe("awaiting_approval");
    expect(JSON.parse(held?.remedy.detail ?? "{}").approval).toEqual({
      required: true,
      reasons: ["over_customer_cap"],
    });
    // Other customers' credits are untouched by c-ingrid's cap.
    const tom = await store.getRemedy("long-wait-credit:contact:ct-9004");
    expect(tom?.remedy.status).toBe("approved");
    await store.close();
  });
});
