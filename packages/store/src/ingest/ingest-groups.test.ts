import { type GoodfaithEvent, hasNotices, type Store, validateEvent } from "@goodfaith/core";
import { afterEach, describe, expect, it } from "vitest";
import { loadPack, sampleEvents } from "../../../../test/support/packs.js";
import {
  describeOnEachDatabase,
  type FreshStore,
  type SqlTarget,
} from "../../../../test/support/sql-targets.js";
import { groupResults, NO_REMEDIES } from "./ingest-result.js";
import { Ingestor, REMEDIES_CHAIN } from "./ingestor.js";
import { verifyLedger } from "./verify-ledger.js";

const SCENARIOS = [
  { name: "retail", documents: [loadPack("retail")], events: sampleEvents("retail") },
  {
    name: "airline",
    documents: [loadPack("airline"), loadPack("eu261")],
    events: sampleEvents("airline"),
  },
];

const valid = (raw: unknown): GoodfaithEvent => {
  const checked = validateEvent(raw);
  if (!checked.ok) throw new Error(`invalid sample event: ${JSON.stringify(checked.issues)}`);
  return checked.value;
};

/**
 * `events` cut into groups of 1, 2, 3, 1… events, as concurrent requests would bring them;
 * every group after the first also re-sends the first event of the one before (a producer's
 * retry), and every third one carries an event twice.
 */
function requests(events: readonly GoodfaithEvent[]): GoodfaithEvent[][] {
  const out: GoodfaithEvent[][] = [];
  for (let i = 0, size = 1; i < events.length; i += size, size = (size % 3) + 1) {
    const group = events.slice(i, i + size);
    const before = out.at(-1)?.[0];
    if (before !== undefined) group.push(before);
    if (out.length % 3 === 2) group.push(group[0] as GoodfaithEvent);
    out.push(group);
  }
  return out;
}

/** What a stream left in a store: its remedies, ledger kinds and notices. */
async function outcome(store: Store) {
  const remedies = (await store.listRemedies({}, { limit: 1000 })).remedies.map(
    (r) => `${r.key} ${r.seq} ${r.status} ${r.amount?.amount ?? ""}`,
  );
  const ledger: string[] = [];
  for await (const e of store.readLedger(REMEDIES_CHAIN)) ledger.push(e.kind);
  const notices = hasNotices(store)
    ? (await store.listNotices({}, { limit: 1000 })).notices.map((n) => `${n.key} ${n.status}`)
    : [];
  return { remedies: remedies.sort(), ledger: ledger.sort(), notices: notices.sort() };
}

await describeOnEachDatabase("Ingestor.ingestGroups", (target: SqlTarget) => {
  describe(`Ingestor.ingestGroups (${target.name})`, () => {
    const open: FreshStore[] = [];
    const fresh = async () => {
      const db = await target.fresh();
      open.push(db);
      return db.store;
    };
    afterEach(async () => {
      for (const db of open.splice(0)) await db.dispose();
    });

    for (const { name, documents, events } of SCENARIOS) {
      it(`${name}: one write of many requests answers each as its own write would, and records the same`, async () => {
        const groups = requests(events.map(valid));
        const alone = await fresh();
        const one = await Ingestor.open(alone, documents);
        const expected = [];
        for (const group of groups) expected.push(await one.ingestValid(group));

        const together = await fresh();
        const merged = await Ingestor.open(together, documents);
        // Three writes: the groups that waited for the same turn, as a server would take them.
        const cut = [0, Math.floor(groups.length / 3), Math.floor((groups.length * 2) / 3)];
        const got = [];
        for (const [i, from] of cut.entries()) {
          got.push(...(await merged.ingestGroups(groups.slice(from, cut[i + 1]))));
        }

        expect(got).toEqual(expected);
        expect(got.reduce((n, r) => n + r.remedies.created, 0)).toBeGreaterThan(0);
        expect(got.reduce((n, r) => n + r.duplicates, 0)).toBeGreaterThanOrEqual(groups.length);
        expect(await outcome(together)).toEqual(await outcome(alone));
        expect(merged.engine.snapshot()).toEqual(one.engine.snapshot());
        expect((await verifyLedger(together)).ok).toBe(true);
      });
    }

    it("nothing to write answers each group with nothing, and writes nothing", async () => {
      const store = await fresh();
      const ingestor = await Ingestor.open(store, [loadPack("retail")]);
      const results = await ingestor.ingestGroups([[], []]);
      expect(results).toEqual([
        { accepted: 0, duplicates: 0, rejected: [], remedies: { created: 0, existing: 0 } },
        { accepted: 0, duplicates: 0, rejected: [], remedies: { created: 0, existing: 0 } },
      ]);
      expect(ingestor.seq).toBe(0);
    });
  });
});

describe("groupResults", () => {
  it("tells each group its own events, refusals (at its own positions) and remedies", () => {
    const event = (id: string) => ({ id }) as GoodfaithEvent;
    // Groups of 3, 1 and 2 events; the log took seq 11.. for the accepted ones.
    const accepted = [
      { seq: 11, event: event("a"), index: 0 },
      { seq: 12, event: event("c"), index: 2 },
      { seq: 13, event: event("e"), index: 4 },
    ];
    const appended = {
      accepted: 3,
      duplicates: ["a", "x"],
      rejected: [{ index: 3, code: "event.invalid_time", message: "no time" }],
      firstSeq: 11,
      lastSeq: 13,
    };
    const settled = {
      created: ["r-a", "r-e", "r-caught-up"],
      existing: ["r-c"],
      seqOf: new Map([
        ["r-a", 11],
        ["r-c", 12],
        ["r-e", 13],
        ["r-caught-up", 9],
      ]),
    };
    expect(groupResults([3, 1, 2], appended, accepted, settled)).toEqual([
      {
        accepted: 2,
        duplicates: 1,
        rejected: [],
        remedies: { created: 1, existing: 1 },
        lastSeq: 12,
      },
      {
        accepted: 0,
        duplicates: 0,
        rejected: [
          {
            index: 0,
            issues: [
              {
                code: "event.invalid_time",
                messageKey: "event.invalid_time",
                params: {},
                path: [],
              },
            ],
          },
        ],
        remedies: { created: 0, existing: 0 },
      },
      {
        accepted: 1,
        duplicates: 1,
        rejected: [],
        remedies: { created: 1, existing: 0 },
        lastSeq: 13,
      },
    ]);
    expect(
      groupResults([2], { accepted: 0, duplicates: [], rejected: [] }, [], NO_REMEDIES),
    ).toEqual([
      { accepted: 0, duplicates: 2, rejected: [], remedies: { created: 0, existing: 0 } },
    ]);
  });
});
