import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GoodfaithEvent, type Store, validateEvent } from "@goodfaith/core";
import { openStore } from "@goodfaith/store";
import { afterEach, describe, expect, it } from "vitest";
import { retailPack } from "../test/harness.js";
import { IngestService } from "./ingest-service.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A store whose appended events are also counted here. */
async function countingStore(): Promise<{ store: Store; appended: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "goodfaith-ingest-service-"));
  dirs.push(dir);
  const store = await openStore(join(dir, "goodfaith.db"));
  const appended: string[] = [];
  const append = store.appendEvents.bind(store);
  store.appendEvents = (events) => {
    for (const e of events) appended.push(e.id);
    return append(events);
  };
  return { store, appended };
}

const warned = (id: string): GoodfaithEvent => {
  const checked = validateEvent({
    id,
    type: "guard.warned",
    time: "2026-11-21T10:00:00Z",
    customer: "c-1",
    data: { sku: "isbn-1", code: "already_owned" },
  });
  if (!checked.ok) throw new Error("invalid test event");
  return checked.value;
};

describe("IngestService.ingestLater", () => {
  it("writes a record given again only once, and every new one", async () => {
    const { store, appended } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    service.ingestLater([warned("gw-1"), warned("gw-2")]);
    service.ingestLater([warned("gw-1")]);
    await service.checkpoint(); // flushes what waits
    service.ingestLater([warned("gw-2"), warned("gw-3")]);
    await service.checkpoint();
    expect(appended).toEqual(["gw-1", "gw-2", "gw-3"]);
    const logged: string[] = [];
    for await (const { event } of store.readEvents()) logged.push(event.id);
    expect(logged).toEqual(["gw-1", "gw-2", "gw-3"]);
    await store.close();
  });
});
