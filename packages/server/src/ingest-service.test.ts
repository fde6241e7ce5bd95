import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type GoodfaithEvent,
  loadPromises,
  type PromiseDocument,
  type Store,
  validateEvent,
} from "@goodfaith/core";
import { Ingestor, openStore } from "@goodfaith/store";
import { afterEach, describe, expect, it } from "vitest";
import { BIG_PRICE_DROP, BOOK_ORDER, retailPack, retailSource } from "../test/harness.js";
import { IngestService } from "./ingest-service.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * A store whose appended events are also counted here (`writes`: the ids of each append);
 * an append holding the id `refuse` fails.
 */
async function countingStore(
  refuse?: string,
): Promise<{ store: Store; appended: string[]; writes: string[][] }> {
  const dir = await mkdtemp(join(tmpdir(), "goodfaith-ingest-service-"));
  dirs.push(dir);
  const store = await openStore(join(dir, "goodfaith.db"));
  const appended: string[] = [];
  const writes: string[][] = [];
  const append = store.appendEvents.bind(store);
  store.appendEvents = (events) => {
    writes.push(events.map((e) => e.id));
    if (events.some((e) => e.id === refuse)) return Promise.reject(new Error("disk I/O error"));
    for (const e of events) appended.push(e.id);
    return append(events);
  };
  return { store, appended, writes };
}

const warned = (id: string, time = "2026-11-21T10:00:00Z"): GoodfaithEvent => {
  const checked = validateEvent({
    id,
    type: "guard.warned",
    time,
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

const valid = (raw: unknown): GoodfaithEvent => {
  const checked = validateEvent(raw);
  if (!checked.ok) throw new Error(`invalid test event: ${JSON.stringify(checked.issues)}`);
  return checked.value;
};

/** The retail pack with its already-owned and price-drop promises under new ids. */
async function renamedPack(): Promise<PromiseDocument> {
  const { file, text } = await retailSource();
  const renamed = text
    .replace("- id: already-owned\n", "- id: already-owned-v2\n")
    .replace("- id: price-drop\n", "- id: price-drop-v2\n");
  const loaded = loadPromises(renamed, file);
  if (!loaded.ok || renamed === text) throw new Error("the renamed pack does not load");
  return loaded.value;
}

const BOOK = valid(BOOK_ORDER);
const [ORDER, DROP] = BIG_PRICE_DROP.map(valid) as [GoodfaithEvent, GoodfaithEvent];
const SECOND_DROP = valid({
  id: "t-drop-2",
  type: "price.changed",
  time: "2026-11-05T09:00:00Z",
  data: { sku: "tv-oled", price: "800.00", currency: "EUR", previousPrice: "1000.00" },
});

describe("IngestService.ingest", () => {
  it("writes the requests that waited for the same turn as one, each answered as if alone", async () => {
    const requests = [[ORDER], [DROP, BOOK], [], [SECOND_DROP, DROP]];
    // Alone: each request its own write.
    const one = await countingStore();
    const alone = await IngestService.open(one.store, [await retailPack()]);
    await alone.ingest([BOOK]);
    const expected = [];
    for (const events of requests) expected.push(await alone.ingest(events));
    expect(one.writes).toHaveLength(4); // nothing to append for the empty request

    const { store, writes } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    await service.ingest([BOOK]);
    const results = await Promise.all(requests.map((events) => service.ingest(events)));
    expect(writes).toEqual([["t-book"], ["t-order", "t-drop", "t-book", "t-drop-2", "t-drop"]]);
    expect(results).toEqual(expected);
    expect(results.map((r) => [r.accepted, r.duplicates, r.remedies.created])).toEqual([
      [1, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect((await store.listRemedies({})).remedies.map((r) => r.key).sort()).toEqual(
      (await one.store.listRemedies({})).remedies.map((r) => r.key).sort(),
    );
    await one.store.close();
    await store.close();
  });

  it("refuses only the request whose events failed a shared write", async () => {
    const { store, writes, appended } = await countingStore("t-refused");
    const service = await IngestService.open(store, [await retailPack()]);
    const refused = { ...BOOK, id: "t-refused" };
    const [order, bad, drop] = await Promise.allSettled([
      service.ingest([ORDER]),
      service.ingest([refused]),
      service.ingest([DROP]),
    ]);
    expect(writes).toEqual([
      ["t-order", "t-refused", "t-drop"],
      ["t-order"],
      ["t-refused"],
      ["t-drop"],
    ]);
    expect(order).toMatchObject({ status: "fulfilled", value: { accepted: 1 } });
    expect(bad).toMatchObject({ status: "rejected", reason: { message: "disk I/O error" } });
    expect(drop).toMatchObject({ status: "fulfilled", value: { accepted: 1 } });
    expect(appended).toEqual(["t-order", "t-drop"]);
    expect(service.healthy).toBe(true);
    await store.close();
  });
});

describe("IngestService.ingest, the store away", () => {
  it("refuses every request of a shared write at once, without trying each again", async () => {
    const { store, writes } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    const append = store.appendEvents.bind(store);
    store.appendEvents = (events) =>
      append(events).then(() => {
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      });
    const settled = await Promise.allSettled([service.ingest([ORDER]), service.ingest([DROP])]);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(writes).toEqual([["t-order", "t-drop"]]);
    await store.close();
  });
});

describe("IngestService.switchTo", () => {
  it("decides what came before with the old set and what comes after with the new, the guard too", async () => {
    const { store, appended } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    const alreadyOwned = () =>
      service.check({ customer: "c-9", items: [{ sku: "isbn-1", kind: "book" }] })?.[0]?.promise;
    await service.ingest([BOOK, ORDER, DROP]);
    expect(alreadyOwned()).toBe("already-owned");
    // Waiting to be written when the switch is asked for: written first, with the old set.
    service.ingestLater([warned("gw-1", "2026-11-04T10:00:00Z")]);
    const renamed = await renamedPack();
    const switched = service.switchTo([renamed]);
    // Asked for after the switch: decided by the new set.
    const after = service.ingest([SECOND_DROP]);
    await switched;
    expect(service.documents).toEqual([renamed]);
    expect(alreadyOwned()).toBe("already-owned-v2");
    await after;
    expect(appended).toEqual(["t-book", "t-order", "t-drop", "gw-1", "t-drop-2"]);
    // The drop to 1000 by the old set, the one to 800 by the new (which never went back over
    // the first: a restart from the log would have).
    const { remedies } = await store.listRemedies({});
    expect(remedies.map((r) => r.key).sort()).toEqual([
      "price-drop-v2:order:o-9:sku:tv-oled:price:80000",
      "price-drop:order:o-9:sku:tv-oled:price:100000",
    ]);
    // The switch saved a checkpoint after gw-1: a restart does not decide it again either.
    expect((await store.loadCheckpoint())?.seq).toBe(4);
    await store.close();
  });

  it("keeps the old set when the store fails under the switch, and switches on the next try", async () => {
    const { store } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    await service.ingest([BOOK]);
    const save = store.saveCheckpoint.bind(store);
    store.saveCheckpoint = () => Promise.reject(new Error("disk full"));
    const renamed = await renamedPack();
    await expect(service.switchTo([renamed])).rejects.toThrow("disk full");
    expect(service.documents[0]?.promises.map((p) => p.id)).toContain("already-owned");
    expect(service.healthy).toBe(true);
    store.saveCheckpoint = save;
    await service.switchTo([renamed]);
    expect(service.documents).toEqual([renamed]);
    await store.close();
  });
  it("ignores a switch to a store version older than the one in effect (overtaken)", async () => {
    const { store } = await countingStore();
    const service = await IngestService.open(store, [await retailPack()]);
    const renamed = await renamedPack();
    const version = (n: number) => ({
      version: n,
      digest: `d${n}`,
      adoptedAt: 0,
      actor: "test",
      documents: [],
    });
    // Two adoptions whose switches were queued in the other order: v3's, then v2's.
    await Promise.all([
      service.switchTo([renamed], version(3)),
      service.switchTo([await retailPack()], version(2)),
    ]);
    expect([service.promiseSet?.version, service.documents]).toEqual([3, [renamed]]);
    await service.switchTo([await retailPack()], version(4));
    expect(service.promiseSet?.version).toBe(4);
    await store.close();
  });
});

describe("IngestService.catchUp", () => {
  it("shows the guard a purchase another process ingested, and keeps answering when a read fails", async () => {
    const { store } = await countingStore();
    const dir = dirs.at(-1) ?? "";
    const other = await openStore(join(dir, "goodfaith.db"));
    const pack = await retailPack();
    const service = await IngestService.open(store, [pack]);
    const book = { customer: "c-9", items: [{ sku: "isbn-1", kind: "book" }] };
    await (await Ingestor.open(other, [pack])).ingestValid([BOOK]);
    expect(service.check(book)).toEqual([]);

    // The store away before anything was read: the state is where it was, the guard answers.
    const read = store.readEvents.bind(store);
    store.readEvents = () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    await expect(service.catchUp()).rejects.toThrow("ECONNREFUSED");
    expect(service.healthy).toBe(true);
    store.readEvents = read;

    expect(await service.catchUp()).toBe(1);
    expect(service.check(book)?.map((w) => w.code)).toEqual(["already_owned"]);
    expect(await service.catchUp()).toBe(0);
    await other.close();
    await store.close();
  });
});
