// A promise that fires on a session whose order the engine has not seen files its remedy under
// the session, while the scorecard puts a session that names an order in the order's case.
// The remedy must still answer that session's problem: one problem, fixed and told first.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasNotices, loadPromises, type Store } from "@goodfaith/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Ingestor } from "../ingest/ingestor.js";
import { openStore } from "../open-store.js";
import { scorecardFromStore } from "./from-store.js";

// Fires on any session that kept stopping, rental or not, order known or not.
const YAML = `
goodfaith: 1
company: Northwind Play
version: "1"
currency: USD
promises:
  - id: any-session
    title: { en: A session that kept stopping, zh-CN: 播放卡顿, sv: En visning som stannade }
    text: { en: We credit you, zh-CN: 我们给您补偿, sv: Du får tillgodo }
    on: stream.session
    when: session.rebufferRatio > 0.02
    remedy: { kind: credit, amount: { fixed: "1.00", currency: USD }, within: P1D }
    notice: streaming.rental-quality
`;

const at = (iso: string) => Date.parse(iso);
const KEY = "any-session:session:s-1";

const profile = {
  id: "acct-1",
  type: "customer.updated",
  time: "2026-11-01T08:00:00Z",
  customer: "c1",
  data: { name: "Maya Okafor", language: "en", country: "US" },
};
const badSession = {
  id: "e-s1",
  type: "stream.session",
  time: "2026-11-07T21:10:00Z",
  customer: "c1",
  data: {
    session: "s-1",
    title: "Arrival",
    order: "r1",
    rental: true,
    rebufferRatio: 0.035,
    bitrateKbps: 16_800,
    promisedQuality: "UHD",
  },
};
// The shop's report of the rental reaches us after the viewing service's.
const lateOrder = {
  id: "e-o1",
  type: "order.placed",
  time: "2026-11-07T19:00:00Z",
  customer: "c1",
  data: {
    order: "r1",
    currency: "USD",
    items: [{ sku: "film-1", kind: "digital", price: "3.99" }],
    payments: [{ method: "card", amount: "3.99" }],
  },
};

describe("a session's remedy filed under the session, its session in its order's case", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(join(mkdtempSync(join(tmpdir(), "goodfaith-session-")), "g.db"));
  });
  afterEach(() => store.close());

  async function ingest(...batches: object[][]) {
    const doc = loadPromises(YAML);
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    const ingestor = await Ingestor.open(store, [doc.value]);
    for (const batch of batches) expect((await ingestor.ingest(batch)).rejected).toEqual([]);
  }

  async function execute() {
    await store.claimDue({ now: at("2027-01-01T00:00:00Z"), limit: 10, worker: "w" });
    const done = await store.recordAttempt(KEY, {
      ok: true,
      worker: "w",
      at: at("2026-11-07T21:30:00Z"),
    });
    expect(done.ok).toBe(true);
  }

  it("counts the remedy in the case of the session's problem", async () => {
    await ingest([profile, badSession], [lateOrder]);
    expect((await store.getRemedy(KEY))?.remedy.detail).toContain('"type":"session"');
    if (!hasNotices(store)) throw new Error("the store keeps no notices");
    const notices = (await store.listNotices({}, { limit: 10 })).notices;
    expect(notices.map((n) => [n.key, n.status])).toEqual([[KEY, "ready"]]);
    await execute();
    const scorecard = await scorecardFromStore(store);
    const [all] = scorecard.report();
    expect(all?.counts).toMatchObject({
      transactions: 2,
      transactionsFailed: 2,
      incidents: 1,
      incidentsRemedied: 1,
      incidentsRemediedProactively: 1,
      incidentsToldFirst: 1,
      remedyPromisesDue: 1,
      remedyPromisesKept: 1,
      noticesSent: 1,
    });
    const [remedied] = scorecard.explain({ figure: "incidentsRemedied", period: "all", at: 0 });
    expect(remedied?.remedies).toEqual([KEY]);
    expect(remedied?.events).toEqual(["e-o1", "e-s1"]);
  });

  it("whichever comes first, the order's report or the remedy's", async () => {
    await ingest([profile], [lateOrder, badSession]);
    // The engine knew the order this time: the remedy is the order's.
    const [all] = (await scorecardFromStore(store)).report();
    expect(all?.counts).toMatchObject({ incidents: 1, incidentsToldFirst: 1 });
  });
});
