/** Conformance: promise sets adopted once per change, versioned without gaps, kept byte for byte. */
import type { PromiseSetFollowUp, PromiseSource, Store } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { appendTo, verifyChain } from "../ledger/chain.js";
import { collect, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

// Texts a byte-for-byte store must not touch: non-ASCII (Chinese, Swedish, an emoji outside the
// BMP), a byte order mark, CRLF line ends, trailing blanks, no final newline.
const RETAIL: PromiseSource = {
  file: "packs/retail/promises.yaml",
  text: "\uFEFFgoodfaith: 1\r\ncompany: Northwind Market\r\ntitle:\r\n  zh-CN: Northwind Market 对您的承诺\r\n  sv: Northwind Markets löften till dig — åäö ÅÄÖ 🎁  \r\n",
  company: "Northwind Market",
  version: "2026.11",
};
const EU261: PromiseSource = {
  file: "packs/eu261/promises.yaml",
  text: "goodfaith: 1\ncompany: 欧盟 261\nversion: 1\n# sista raden utan radslut",
};

const adopt = (store: Store, sources: readonly PromiseSource[], actor = "cli:ingest", at = T0) =>
  store.adoptPromiseSet({ sources, at, actor });

const FOLLOW: PromiseSetFollowUp = {
  chain: "promises",
  entry: (adopted, head) =>
    appendTo(head, {
      chain: "promises",
      at: adopted.adoptedAt,
      kind: "promises.adopted",
      actor: adopted.actor,
      facts: adopted.digest,
    }),
};

/** Registers the promise set tests. */
export function promiseSetConformance(target: ConformanceTarget): void {
  describe("promise sets", () => {
    storeTest(target, "adopts a set and gives back every byte of it", async ({ store }) => {
      expect(await store.promiseSet()).toBeUndefined();
      expect(await store.promiseSetHistory()).toEqual([]);
      const first = await adopt(store, [RETAIL, EU261]);
      expect(first.adopted).toBe(true);
      expect(first.set).toEqual({
        version: 1,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        adoptedAt: T0,
        actor: "cli:ingest",
        documents: [
          { file: RETAIL.file, company: "Northwind Market", version: "2026.11" },
          { file: EU261.file },
        ],
      });
      const current = await store.promiseSet();
      expect(current).toStrictEqual({ ...first.set, sources: [RETAIL, EU261] });
      expect(current?.sources[0]?.text).toBe(RETAIL.text);
      expect(await store.promiseSet(1)).toStrictEqual(current);
      expect(await store.promiseSet(2)).toBeUndefined();
    });

    storeTest(
      target,
      "adds a version only when the set changes, and keeps the history in order",
      async ({ store }) => {
        const v1 = await adopt(store, [RETAIL], "cli:ingest", T0);
        // The same texts again, even from another folder: nothing new.
        const same = await adopt(store, [{ ...RETAIL, file: "elsewhere/p.yaml" }], "cli:serve");
        expect(same).toEqual({ adopted: false, set: v1.set });
        const v2 = await adopt(store, [RETAIL, EU261], "cli:serve", T0 + 1);
        // Order counts: the engine reads documents in order.
        const v3 = await adopt(store, [EU261, RETAIL], "cli:ingest", T0 + 2);
        const edited = { ...EU261, text: `${EU261.text}\n` };
        const v4 = await adopt(store, [RETAIL, edited], "x", T0 + 3);
        // Going back to an earlier set is a change too, recorded as a new version.
        const v5 = await adopt(store, [RETAIL], "agent:a-17", T0 + 4);
        expect([v2, v3, v4, v5].map((r) => [r.adopted, r.set.version])).toEqual([
          [true, 2],
          [true, 3],
          [true, 4],
          [true, 5],
        ]);
        expect(v5.set.digest).toBe(v1.set.digest);
        // The rollback says which version it went back to; a set new to the store repeats none.
        expect([v1, v2, v3, v4, v5].map((r) => r.repeats)).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
          1,
        ]);
        expect(new Set([v1, v2, v3, v4].map((r) => r.set.digest)).size).toBe(4);
        const history = await store.promiseSetHistory();
        expect(history).toEqual([v1.set, v2.set, v3.set, v4.set, v5.set]);
        expect(history.map((h) => h.actor)).toEqual([
          "cli:ingest",
          "cli:serve",
          "cli:ingest",
          "x",
          "agent:a-17",
        ]);
        expect(history[2]?.documents.map((d) => d.file)).toEqual([EU261.file, RETAIL.file]);
        expect((await store.promiseSet())?.version).toBe(5);
        expect((await store.promiseSet(4))?.sources.map((s) => s.text)).toEqual([
          RETAIL.text,
          edited.text,
        ]);
        // Back again to the latest of the versions with these texts.
        const again = await adopt(store, [RETAIL], "x", T0 + 5);
        expect([again.adopted, again.set.version, again.repeats]).toEqual([false, 5, undefined]);
        const v6 = await adopt(store, [RETAIL, EU261], "x", T0 + 6);
        const v7 = await adopt(store, [RETAIL], "x", T0 + 7);
        expect([v6.repeats, v7.repeats]).toEqual([2, 5]);
      },
    );

    storeTest(
      target,
      "concurrent adopters get distinct versions, or the same one for the same set",
      async ({ store, open }) => {
        const others = [store, await open(), await open()];
        const sets = [[RETAIL], [EU261], [RETAIL, EU261]];
        // The same set from three writers at once: one version.
        const same = await Promise.all(others.map((s) => adopt(s, [EU261])));
        expect(same.filter((r) => r.adopted)).toHaveLength(1);
        expect(same.map((r) => r.set.version)).toEqual([1, 1, 1]);
        // Different sets at once, twice over: every adoption its own version, no gaps.
        const results = await Promise.all(
          [...others, ...others].map((s, i) => adopt(s, sets[i % 3] ?? [], `w${i}`)),
        );
        const history = await store.promiseSetHistory();
        expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 1));
        const versions = results.filter((r) => r.adopted).map((r) => r.set.version);
        expect(new Set(versions).size).toBe(versions.length);
        for (const r of results) {
          expect(history[r.set.version - 1]?.digest).toBe(r.set.digest);
        }
        // Each consecutive pair differs: an unchanged set never became a version.
        for (let i = 1; i < history.length; i++) {
          expect(history[i]?.digest).not.toBe(history[i - 1]?.digest);
        }
      },
    );

    storeTest(
      target,
      "writes the ledger entry with the version, and none for an unchanged set",
      async ({ store, open }) => {
        const second = await open();
        await Promise.all([
          store.adoptPromiseSet({ sources: [RETAIL], at: T0, actor: "a" }, FOLLOW),
          second.adoptPromiseSet({ sources: [EU261], at: T0, actor: "b" }, FOLLOW),
          second.adoptPromiseSet({ sources: [EU261], at: T0, actor: "b" }, FOLLOW),
        ]);
        await store.adoptPromiseSet({ sources: [RETAIL], at: T0 + 1, actor: "a" }, FOLLOW);
        const history = await store.promiseSetHistory();
        const entries = await collect(store.readLedger("promises"));
        expect(entries.map((e) => [e.kind, e.facts, e.actor])).toEqual(
          history.map((h) => ["promises.adopted", h.digest, h.actor]),
        );
        expect(await verifyChain(entries)).toMatchObject({ ok: true, count: history.length });
      },
    );

    storeTest(
      target,
      "names the current version alone, as every handle on the store sees it",
      async ({ store, open }) => {
        const other = await open();
        expect(await store.currentPromiseSetVersion()).toBeUndefined();
        await adopt(other, [RETAIL]);
        expect(await store.currentPromiseSetVersion()).toBe(1);
        await adopt(store, [RETAIL]); // unchanged: no new version
        expect(await other.currentPromiseSetVersion()).toBe(1);
        await adopt(other, [EU261]);
        await adopt(other, [RETAIL]); // back to the first texts: a new version all the same
        expect(await store.currentPromiseSetVersion()).toBe(3);
        expect(await store.currentPromiseSetVersion()).toBe((await store.promiseSet())?.version);
      },
    );

    storeTest(target, "writes nothing when the ledger entry is refused", async ({ store }) => {
      const broken: PromiseSetFollowUp = {
        chain: "promises",
        // Claims to start the chain again at seq 1 once it has an entry: not linked.
        entry: (adopted) => FOLLOW.entry(adopted, undefined),
      };
      await store.adoptPromiseSet({ sources: [RETAIL], at: T0, actor: "a" }, broken);
      await expect(
        store.adoptPromiseSet({ sources: [EU261], at: T0, actor: "a" }, broken),
      ).rejects.toThrow("does not continue chain promises");
      expect((await store.promiseSetHistory()).map((h) => h.version)).toEqual([1]);
      expect(await collect(store.readLedger("promises"))).toHaveLength(1);
      await expect(adopt(store, [])).rejects.toThrow(TypeError);
      expect((await store.promiseSet())?.sources).toStrictEqual([RETAIL]);
    });
  });
}
