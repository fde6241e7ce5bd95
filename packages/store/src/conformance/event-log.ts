/** Conformance: the event log (idempotent, atomic, ordered) and checkpoints. */
import type { GoodfaithEvent } from "@goodfaith/core";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { collect, event, events, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** Registers the event log and checkpoint tests. */
export function eventLogConformance(target: ConformanceTarget): void {
  describe("event log", () => {
    storeTest(target, "starts empty", async ({ store }) => {
      expect(await store.countEvents()).toBe(0);
      expect(await collect(store.readEvents())).toEqual([]);
      expect(await store.loadCheckpoint()).toBeUndefined();
    });

    storeTest(target, "appends a batch and reads it back in order, seq 1…n", async ({ store }) => {
      const batch = events("e", 5);
      const result = await store.appendEvents(batch);
      expect(result).toEqual({
        accepted: 5,
        duplicates: [],
        rejected: [],
        firstSeq: 1,
        lastSeq: 5,
      });
      const read = await collect(store.readEvents());
      expect(read.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(read.map((r) => r.event)).toEqual(batch);
      expect(await store.countEvents()).toBe(5);
    });

    storeTest(
      target,
      "a re-sent id is acknowledged as a duplicate, not stored twice",
      async ({ store }) => {
        await store.appendEvents([event("a"), event("b")]);
        const again = await store.appendEvents([event("b"), event("c")]);
        expect(again).toEqual({
          accepted: 1,
          duplicates: ["b"],
          rejected: [],
          firstSeq: 3,
          lastSeq: 3,
        });
        const within = await store.appendEvents([event("d"), event("d"), event("a")]);
        expect(within.accepted).toBe(1);
        expect([...within.duplicates].sort()).toEqual(["a", "d"]);
        expect(await store.countEvents()).toBe(4);
        const ids = (await collect(store.readEvents())).map((r) => r.event.id);
        expect(ids).toEqual(["a", "b", "c", "d"]);
      },
    );

    storeTest(
      target,
      "any mix of re-sent batches stores each id once (property)",
      async ({ store }) => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }), { maxLength: 6 }),
            async (batches) => {
              const prefix = `p${run++}-`;
              const before = await store.countEvents();
              let reported = 0;
              for (const batch of batches) {
                const result = await store.appendEvents(batch.map((n) => event(`${prefix}${n}`)));
                reported += result.accepted;
                expect(result.accepted + result.duplicates.length).toBe(batch.length);
              }
              const distinct = new Set(batches.flat()).size;
              expect(reported).toBe(distinct);
              expect((await store.countEvents()) - before).toBe(distinct);
            },
          ),
          { numRuns: 25 },
        );
        const seqs = (await collect(store.readEvents())).map((r) => r.seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      },
    );

    storeTest(
      target,
      "a batch that fails in the middle leaves nothing behind",
      async ({ store, failInsertOfEvent }) => {
        await store.appendEvents([event("before")]);
        await failInsertOfEvent("boom");
        // Past the adapters' insert chunk size, so the failure comes after rows were written.
        const batch = events("x", 1200);
        batch.splice(1100, 0, event("boom"));
        await expect(store.appendEvents(batch)).rejects.toThrow();
        expect(await store.countEvents()).toBe(1);
        const after = await store.appendEvents(events("x", 3));
        expect(after).toMatchObject({ accepted: 3, firstSeq: 2, lastSeq: 4 });
      },
    );

    storeTest(
      target,
      "reports events it cannot keep by position and keeps the rest",
      async ({ store }) => {
        const noId = { ...event("z"), id: "" };
        const badTime = { ...event("y"), time: "not a time" };
        const result = await store.appendEvents([event("ok1"), noId, badTime, event("ok2")]);
        expect(result.accepted).toBe(2);
        expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
          [1, "event.invalid_id"],
          [2, "event.invalid_time"],
        ]);
        expect(await store.countEvents()).toBe(2);
      },
    );

    storeTest(
      target,
      "reads after a seq, within a time range, up to a limit",
      async ({ store }) => {
        await store.appendEvents(events("e", 2500));
        const all = await collect(store.readEvents());
        expect(all).toHaveLength(2500);
        expect(all.every((r, i) => r.seq === i + 1)).toBe(true);
        const after = await collect(store.readEvents({ afterSeq: 2490 }));
        expect(after.map((r) => r.event.id)).toEqual(
          Array.from({ length: 10 }, (_, i) => `e${2490 + i}`),
        );
        const window = await collect(store.readEvents({ from: T0 + 10_000, to: T0 + 13_000 }));
        expect(window.map((r) => r.event.id)).toEqual(["e10", "e11", "e12"]);
        const limited = await collect(store.readEvents({ afterSeq: 5, limit: 1500 }));
        expect(limited).toHaveLength(1500);
        expect(limited[0]?.seq).toBe(6);
        expect(limited.at(-1)?.seq).toBe(1505);
        const combined = await collect(
          store.readEvents({ afterSeq: 100, from: T0 + 50_000, limit: 2 }),
        );
        expect(combined.map((r) => r.seq)).toEqual([101, 102]);
      },
    );

    storeTest(
      target,
      "two writers appending overlapping batches at once: each id once, seq without gaps",
      async ({ store, open }) => {
        const other = await open();
        const writes = [];
        for (let i = 0; i < 10; i++) {
          writes.push(store.appendEvents(events(`w${i % 4}-`, 40)));
          writes.push(other.appendEvents(events(`w${(i + 1) % 4}-`, 40)));
        }
        const results = await Promise.all(writes);
        expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(160);
        const read = await collect(store.readEvents());
        expect(read).toHaveLength(160);
        expect(new Set(read.map((r) => r.event.id)).size).toBe(160);
        expect(read.map((r) => r.seq)).toEqual(read.map((_, i) => i + 1));
        // Each batch's events are contiguous: a batch commits whole, never interleaved.
        for (const r of results) {
          if (r.accepted > 0) expect((r.lastSeq ?? 0) - (r.firstSeq ?? 0) + 1).toBe(r.accepted);
        }
      },
    );

    storeTest(target, "keeps everything across close and reopen", async ({ store, open }) => {
      await store.appendEvents(events("e", 3));
      await store.saveCheckpoint({ seq: 3, state: "{}" });
      await store.close();
      const again = await open();
      expect(await again.countEvents()).toBe(3);
      expect(await again.loadCheckpoint()).toEqual({ seq: 3, state: "{}" });
    });
  });

  describe("redaction", () => {
    storeTest(
      target,
      "rewrites only the customer's events redact returns, keeping id, seq and order",
      async ({ store }) => {
        await store.appendEvents([
          event("a1", T0, "c-anna"),
          event("l1", T0 + 1, "c-li"),
          event("a2", T0 + 2, "c-anna"),
        ]);
        const seen: string[] = [];
        const rewritten = await store.redactEvents("c-anna", (e) => {
          seen.push(e.id);
          return e.id === "a2"
            ? ({ ...e, data: { order: "redacted" } } as GoodfaithEvent)
            : undefined;
        });
        expect(rewritten).toBe(1);
        expect(seen.sort()).toEqual(["a1", "a2"]);
        const read = await collect(store.readEvents());
        expect(read.map((r) => [r.seq, r.event.id])).toEqual([
          [1, "a1"],
          [2, "l1"],
          [3, "a2"],
        ]);
        expect(read[2]?.event.data).toEqual({ order: "redacted" });
        expect(read[0]?.event).toEqual(event("a1", T0, "c-anna"));
        // A replacement may not change what the log is ordered and deduplicated by.
        await expect(
          store.redactEvents("c-anna", (e) => ({ ...e, id: `${e.id}-x` })),
        ).rejects.toThrow(/not its id or time/);
        expect((await collect(store.readEvents())).map((r) => r.event.id)).toEqual([
          "a1",
          "l1",
          "a2",
        ]);
      },
    );
  });

  describe("checkpoints", () => {
    storeTest(target, "round-trip, and never move backwards", async ({ store }) => {
      const state = JSON.stringify({
        clock: T0,
        text: "ünïcödé 中文",
        big: "123456789012345678901234567890",
      });
      expect(await store.saveCheckpoint({ seq: 10, state })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 10, state });
      expect(await store.saveCheckpoint({ seq: 20, state: "later" })).toBe(true);
      expect(await store.saveCheckpoint({ seq: 15, state: "stale" })).toBe(false);
      expect(await store.loadCheckpoint()).toEqual({ seq: 20, state: "later" });
      expect(await store.saveCheckpoint({ seq: 20, state: "same seq, newer state" })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 20, state: "same seq, newer state" });
      await store.discardCheckpoint();
      expect(await store.loadCheckpoint()).toBeUndefined();
      expect(await store.saveCheckpoint({ seq: 5, state: "after a discard" })).toBe(true);
    });

    storeTest(target, "never mixes the parts of two checkpoints", async ({ store }) => {
      const parts = (i: number) => [`{${i}}`, `[${i}, "a"]`, `[${i}, "b"]`, `[${i}, "c"]`];
      const loads: (string | readonly string[] | undefined)[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          await store.saveCheckpoint({ seq: i + 1, state: parts(i + 1) });
          loads.push((await store.loadCheckpoint())?.state);
        }),
      );
      for (const state of loads) {
        const first = Array.isArray(state) ? state[0] : undefined;
        const i = Number(first?.slice(1, -1));
        expect(state).toEqual(parts(i));
      }
      expect((await store.loadCheckpoint())?.state).toEqual(parts(12));
    });

    storeTest(target, "keeps a state in parts, in order, replaced whole", async ({ store }) => {
      const parts = ["{first}", "[1,2]", "[ünïcödé 中文]", "[3]"];
      expect(await store.saveCheckpoint({ seq: 10, state: parts })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 10, state: parts });
      // A stale save leaves every part as it was.
      expect(await store.saveCheckpoint({ seq: 9, state: ["{stale}", "[9]"] })).toBe(false);
      expect(await store.loadCheckpoint()).toEqual({ seq: 10, state: parts });
      // Fewer parts: none of the old ones is left behind; one part reads as a string.
      expect(await store.saveCheckpoint({ seq: 11, state: ["{second}", "[4]"] })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 11, state: ["{second}", "[4]"] });
      expect(await store.saveCheckpoint({ seq: 12, state: ["{alone}"] })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 12, state: "{alone}" });
      expect(await store.saveCheckpoint({ seq: 13, state: ["{again}", "[5]"] })).toBe(true);
      await store.discardCheckpoint();
      expect(await store.loadCheckpoint()).toBeUndefined();
      expect(await store.saveCheckpoint({ seq: 1, state: "{after}" })).toBe(true);
      expect(await store.loadCheckpoint()).toEqual({ seq: 1, state: "{after}" });
    });
  });
}
