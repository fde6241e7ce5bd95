import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasNotices, loadPromises, type Store } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Ingestor } from "../ingest/ingestor.js";
import { openStore } from "../open-store.js";
import { bucketName, parseBucket } from "./bucket.js";
import { StoreFollower } from "./follow.js";
import { journeyFromStore, scorecardFromStore } from "./from-store.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const documents = (...files: string[]) =>
  files.map((file) => {
    const loaded = loadPromises(read(file), file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    return loaded.value;
  });
const lines = (file: string): unknown[] =>
  read(file)
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);

const AIRLINE = documents("packs/airline/promises.yaml", "packs/eu261/promises.yaml");
const at = (iso: string) => Date.parse(iso);

async function ingest(store: Store, docs = AIRLINE, events = lines("packs/airline/events.jsonl")) {
  const ingestor = await Ingestor.open(store, docs);
  const result = await ingestor.ingest(events);
  expect(result.rejected).toEqual([]);
}

// Pays two delay refunds (event times, so figures do not depend on the wall clock) and
// cancels one seating gesture, the way an agent and the outbox would.
async function settleSome(store: Store) {
  const gesture = "child-seated-apart:booking:NW-7001:pax:p2";
  const cancelled = await store.transition(gesture, {
    from: ["approved"],
    to: "cancelled",
    actor: "agent:eva",
    at: at("2026-11-20T12:00:00Z"),
  });
  expect(cancelled.ok).toBe(true);
  await store.claimDue({ now: at("2027-01-01T00:00:00Z"), limit: 100, worker: "w" });
  for (const [booking, when] of [
    ["NW-5001", "2026-11-20T16:00:00Z"],
    ["NW-5002", "2026-11-21T09:00:00Z"],
  ] as const) {
    const done = await store.recordAttempt(
      `delay-refund:flight:NW101@2026-11-20:booking:${booking}`,
      {
        ok: true,
        worker: "w",
        at: at(when),
      },
    );
    expect(done.ok).toBe(true);
  }
}

describe("scorecard and journey from the store", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), "goodfaith-measure-")), "g.db"));
  });
  afterEach(() => store.close());

  it("counts the airline pack as a person would from its events", async () => {
    await ingest(store);
    const [all] = (await scorecardFromStore(store)).report();
    // 5 bookings on 3 flights (the pack re-delivers NW101's arrival; the log keeps it once):
    // NW101 3 h 25 min late, NW220 4 h, NW88 2 h 40 min — no flight within 15 minutes.
    expect(all?.counts).toMatchObject({
      transactions: 5,
      transactionsFailed: 5,
      businessPromisesMade: 5,
      businessPromisesKept: 0,
      incidents: 5,
      incidentsRemedied: 0,
      // Both seating gestures were due 2 h after booking and never executed; the refunds
      // and EU 261 compensation are due 7 days after landing, after the last event.
      remedyPromisesDue: 2,
      remedyPromisesKept: 0,
    });
    expect(all?.figures.shares.transactionSuccess).toBe(0);
    expect(all?.figures.shares.competence).toBe(0);
  });

  it("feeds executed and withdrawn remedies from their transitions", async () => {
    await ingest(store);
    await settleSome(store);
    const scorecard = await scorecardFromStore(store);
    const [all] = scorecard.report();
    expect(all?.counts).toMatchObject({
      incidents: 5,
      incidentsRemedied: 2,
      incidentsRemediedProactively: 2,
      // The NW-7001 gesture was withdrawn; the two refunds were paid within their 7 days.
      remedyPromisesDue: 3,
      remedyPromisesKept: 2,
    });
    // NW-5002: arrival due 11-20 11:10 (the first failure), refund paid 11-21 09:00 = 21 h 50 min.
    // NW-5001's incident began at booking (the child seated apart), so it took longer: the median
    // of two is the smaller by nearest rank.
    expect(all?.figures.timeToRemedyP50Ms).toBe((21 * 60 + 50) * 60_000);
    const [remedied] = scorecard.explain({ figure: "incidentsRemedied", period: "all", at: 0 });
    expect(remedied?.events).toContain("bk-NW-5002");
    expect(remedied?.events).toContain("arr-NW101");
    expect(remedied?.remedies).toContain("delay-refund:flight:NW101@2026-11-20:booking:NW-5002");
    const byPromise = scorecard.report({ dimension: "promise" });
    expect(byPromise.find((r) => r.value === "delay-refund")?.counts.incidentsRemedied).toBe(2);
  });

  it("counts the retail pack's orders, late deliveries, a double charge and a price drop", async () => {
    await ingest(
      store,
      documents("packs/retail/promises.yaml"),
      lines("packs/retail/events.jsonl"),
    );
    const [all] = (await scorecardFromStore(store)).report();
    // o-1001 delivered 11-06 after 11-05 (late); o-1002, o-1003 early; o-1004 never delivered
    // by 11-14 (late once the 11-20 price change passes it); o-1005 cancelled before its date;
    // o-1006 promised nothing. o-1003's second payment was charged twice, and o-1002's price
    // dropped within the guarantee (a remedy: the engine fires only on a failure).
    expect(all?.counts).toMatchObject({
      transactions: 6,
      businessPromisesMade: 4,
      businessPromisesKept: 2,
      transactionsFailed: 4,
      incidents: 4,
    });
  });

  it("measures the journey: purchases and flight arrival delays", async () => {
    await ingest(store);
    const snapshot = (await journeyFromStore(store)).snapshot();
    expect(snapshot.purchases.all?.count).toBe(5);
    // Three flights arrived 205, 240 and 160 minutes late (min and max are exact).
    expect(snapshot.distributions.arrivalDelayMinutes.all).toMatchObject({
      count: 3,
      min: 160,
      max: 240,
    });
    expect(snapshot.at).toBe(at("2026-11-22T17:45:00Z"));
  });

  it("follows the log: a second poll feeds only what is new", async () => {
    const [first, ...rest] = lines("packs/airline/events.jsonl");
    await ingest(store, AIRLINE, [first]);
    const follower = new StoreFollower(store, {});
    expect((await follower.poll()).events).toBe(1);
    const seq = follower.seq;
    await ingest(store, AIRLINE, rest);
    const second = await follower.poll();
    expect(second.events).toBe(7);
    expect(follower.seq).toBeGreaterThan(seq);
    expect((await follower.poll()).events).toBe(0);
  });

  it("takes notices and warnings from their producers", async () => {
    await ingest(store);
    async function* notices() {
      yield {
        type: "notice" as const,
        id: "n-1",
        customer: "c-omar",
        subject: { type: "booking", id: "NW-5002" },
        at: at("2026-11-20T14:50:00Z"),
        sent: true,
        cause: "a hydraulic fault",
      };
    }
    // The store's own notices are read too: each ready one was sent, stating its remedy's cause.
    if (!hasNotices(store)) throw new Error("the store keeps no notices");
    const stored = (await store.listNotices({}, { limit: 1000 })).notices;
    const ready = stored.filter((n) => n.status === "ready");
    expect(ready.length).toBeGreaterThan(0);
    const withCause = [];
    for (const n of ready) {
      const detail = JSON.parse((await store.getRemedy(n.key))?.remedy.detail ?? "{}");
      if (typeof detail.cause === "string") withCause.push(n.key);
    }
    const [all] = (await scorecardFromStore(store, { notices: notices() })).report();
    expect(all?.counts).toMatchObject({
      noticesSent: ready.length + 1,
      noticesWithCause: withCause.length + 1,
    });
    // No customer of the airline pack contacted support: every incident heard from us first.
    expect(all?.counts.incidentsToldFirst).toBeGreaterThanOrEqual(1);
  });
});

describe("bucket names", () => {
  it("names and parses days, ISO weeks, months and all", () => {
    const monday = at("2026-11-02T00:00:00Z");
    expect(bucketName("day", monday + 5)).toBe("2026-11-02");
    expect(bucketName("week", at("2026-11-08T23:00:00Z"))).toBe("2026-W45");
    expect(bucketName("month", monday)).toBe("2026-11");
    expect(parseBucket("2026-W45")).toEqual({ period: "week", at: monday });
    expect(parseBucket("2026-11")).toEqual({ period: "month", at: at("2026-11-01T00:00:00Z") });
    expect(parseBucket("all")).toEqual({ period: "all", at: 0 });
    // ISO years: 1 January 2027 is a Friday, so it belongs to 2026's week 53.
    expect(bucketName("week", at("2027-01-01T00:00:00Z"))).toBe("2026-W53");
    expect(parseBucket("2026-W53")?.at).toBe(at("2026-12-28T00:00:00Z"));
    for (const bad of ["2026-02-30", "2026-W54", "2026-13", "week", ""])
      expect(parseBucket(bad), bad).toBeUndefined();
  });
});
