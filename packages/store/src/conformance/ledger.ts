/** Conformance: ledger chains stay linear per chain; customer data is erasable apart from them. */
import type { LedgerEntry, Store } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { collect, GENESIS, link, links, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

const HEX = (c: string) => c.repeat(64);

/** Appends one entry to `chain` from `store`, re-reading the head until it lands. */
async function appendOne(store: Store, chain: string, actor: string): Promise<LedgerEntry> {
  for (;;) {
    const entry = link(chain, await store.ledgerHead(chain), actor);
    const result = await store.appendLedger(chain, [entry]);
    if (result.ok) return entry;
    expect(result.code).toBe("head_moved");
  }
}

/** Registers the ledger and customer data tests. */
export function ledgerConformance(target: ConformanceTarget): void {
  describe("ledger", () => {
    storeTest(
      target,
      "appends, reads back every field exactly, and tracks the head",
      async ({ store }) => {
        expect(await store.ledgerHead("remedies")).toBeUndefined();
        const first = link("remedies", undefined, "engine", {
          remedyKey: HEX("a"),
          customerRef: HEX("b"),
          amount: "4.99",
          currency: "EUR",
          facts: HEX("c"),
        });
        const rest = links("remedies", first, 4);
        expect(await store.appendLedger("remedies", [first, ...rest])).toEqual({
          ok: true,
          head: { seq: 5, hash: rest.at(-1)?.hash },
        });
        const read = await collect(store.readLedger("remedies"));
        expect(read).toStrictEqual([first, ...rest]);
        expect(first.prevHash).toBe(GENESIS);
        expect(await collect(store.readLedger("remedies", 3))).toStrictEqual(rest.slice(2));
        expect(await store.ledgerHead("remedies")).toEqual({ seq: 5, hash: rest.at(-1)?.hash });
      },
    );

    storeTest(
      target,
      "refuses a batch that does not continue the head, or is not linked",
      async ({ store }) => {
        const [a, b, c] = links("x", undefined, 3);
        if (!a || !b || !c) throw new Error("fixture");
        expect(await store.appendLedger("x", [b])).toEqual({ ok: false, code: "head_moved" });
        expect(await store.appendLedger("x", [a, c])).toEqual({
          ok: false,
          code: "not_linked",
          index: 1,
        });
        expect(await store.appendLedger("x", [{ ...a, chain: "y" }])).toEqual({
          ok: false,
          code: "not_linked",
          index: 0,
        });
        expect((await store.appendLedger("x", [a])).ok).toBe(true);
        expect(await store.appendLedger("x", [a])).toEqual({
          ok: false,
          code: "head_moved",
          head: { seq: 1, hash: a.hash },
        });
        // Right seq, wrong prevHash: a fork attempt.
        expect(await store.appendLedger("x", [{ ...b, prevHash: HEX("f") }])).toMatchObject({
          code: "head_moved",
        });
        expect((await store.appendLedger("x", [b, c])).ok).toBe(true);
        expect(await collect(store.readLedger("x"))).toStrictEqual([a, b, c]);
      },
    );

    storeTest(
      target,
      "chains are independent; concurrent writers to one chain never fork it",
      async ({ store, open }) => {
        const other = await open();
        const writes: Promise<LedgerEntry>[] = [];
        for (let i = 0; i < 15; i++) {
          writes.push(appendOne(store, "remedies", "w1"), appendOne(other, "remedies", "w2"));
          writes.push(appendOne(other, `audit-${i % 2}`, "w2"));
        }
        await Promise.all(writes);
        const chain = await collect(store.readLedger("remedies"));
        expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        chain.forEach((e, i) => {
          expect(e.prevHash).toBe(i === 0 ? GENESIS : chain[i - 1]?.hash);
        });
        expect(await store.ledgerHead("remedies")).toEqual({ seq: 30, hash: chain.at(-1)?.hash });
        expect((await collect(store.readLedger("audit-0"))).length).toBe(8);
        expect(await store.listLedgerChains()).toEqual(["audit-0", "audit-1", "remedies"]);
      },
    );
  });

  describe("customer data", () => {
    storeTest(
      target,
      "put, replace, read, and erase without touching the ledger",
      async ({ store }) => {
        await store.putCustomerData("c-1", [
          { field: "email", value: "anna@example.com", purpose: "notices", at: T0 },
          { field: "name", value: "Anna Lindqvist", at: T0 },
        ]);
        await store.putCustomerData("c-2", [{ field: "email", value: "li@example.com", at: T0 }]);
        await store.putCustomerData("c-1", [
          { field: "email", value: "anna@new.example", purpose: "notices", at: T0 + 1 },
        ]);
        expect(await store.getCustomerData("c-1")).toEqual([
          { field: "email", value: "anna@new.example", purpose: "notices", at: T0 + 1 },
          { field: "name", value: "Anna Lindqvist", at: T0 },
        ]);
        const entries = links("remedies", undefined, 3);
        await store.appendLedger("remedies", entries);

        expect(await store.eraseCustomerData("c-1")).toBe(2);
        expect(await store.getCustomerData("c-1")).toEqual([]);
        expect(await store.eraseCustomerData("c-1")).toBe(0);
        expect(await store.getCustomerData("c-2")).toHaveLength(1);
        expect(await collect(store.readLedger("remedies"))).toStrictEqual(entries);
      },
    );
  });
}
