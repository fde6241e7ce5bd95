import { describe, expect, it } from "vitest";
import { digestJson } from "./canonical-json.js";
import { appendTo, type ChainFailure, chainHash, verifyChain } from "./chain.js";
import { GENESIS_HASH, type LedgerDraft, type LedgerEntry } from "./entry.js";
import { pseudonym } from "./pseudonym.js";

const secret = "a-secret-of-at-least-16-bytes";
const remedyKey = pseudonym(secret, "late-delivery:order:o-1");
const customerRef = pseudonym(secret, "c-1");
const planned: LedgerDraft = {
  chain: "remedies",
  at: 1_000,
  kind: "remedy.planned",
  actor: "engine",
  remedyKey,
  customerRef,
  amount: "4.99",
  currency: "USD",
  facts: digestJson({ promise: "late-delivery" }),
};
const moved = (from: string, to: string, at: number): LedgerDraft => ({
  chain: "remedies",
  at,
  kind: "remedy.transition",
  actor: "executor:webhook",
  remedyKey,
  from,
  to,
});

function build(drafts: readonly LedgerDraft[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const draft of drafts) out.push(appendTo(out.at(-1), draft));
  return out;
}

const chain = build([
  planned,
  moved("planned", "approved", 2_000),
  moved("approved", "executing", 3_000),
  moved("executing", "executed", 4_000),
]);

async function failure(entries: Iterable<LedgerEntry>): Promise<ChainFailure> {
  const verdict = await verifyChain(entries);
  if (verdict.ok) throw new Error("expected the chain to fail verification");
  return verdict;
}

describe("appendTo", () => {
  it("starts at seq 1 from the genesis hash and links every entry to the previous one", () => {
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(chain[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    for (const { hash, ...rest } of chain) expect(hash).toBe(chainHash(rest));
  });

  it("copies only the format's fields, so nothing else rides along", () => {
    const draft = { ...planned, email: "ann@example.com", note: undefined } as LedgerDraft;
    const entry = appendTo(undefined, draft);
    expect(Object.keys(entry)).not.toContain("email");
    expect(JSON.stringify(entry)).not.toContain("example.com");
  });

  it.each<[string, Partial<Record<keyof LedgerDraft, unknown>>, RegExp]>([
    ["a raw customer id", { customerRef: "c-1" }, /customerRef/],
    ["a raw idempotency key", { remedyKey: "outage:o-1:customer:c-7" }, /remedyKey/],
    ["an uppercase digest", { facts: planned.facts?.toUpperCase() }, /facts/],
    ["an amount without currency", { currency: undefined }, /amount needs a currency/],
    ["a float amount", { amount: "1e3" }, /amount/],
    ["a lowercase currency", { currency: "usd" }, /currency/],
    ["a fractional time", { at: 1.5 }, /at/],
    ["an unknown kind", { kind: "remedy.paid" }, /kind/],
    ["an empty actor", { actor: "" }, /actor/],
    ["a remedy entry without its key", { remedyKey: undefined }, /remedyKey/],
  ])("refuses %s", (_, change, message) => {
    expect(() => appendTo(undefined, { ...planned, ...change } as LedgerDraft)).toThrow(message);
  });

  it("refuses a transition without from/to, and an erasure without the customer", () => {
    const { to: _, ...noTo } = moved("a", "b", 1);
    expect(() => appendTo(undefined, noTo)).toThrow(/to/);
    expect(() =>
      appendTo(undefined, {
        chain: "remedies",
        at: 1,
        kind: "customer.erased",
        actor: "agent:a-1",
      }),
    ).toThrow(/customerRef/);
  });

  it("refuses a head that is not a verified entry's", () => {
    expect(() => appendTo({ seq: 0, hash: GENESIS_HASH }, planned)).toThrow(RangeError);
    expect(() => appendTo({ seq: 3, hash: "abc" }, planned)).toThrow(RangeError);
  });
});

describe("verifyChain", () => {
  it("accepts an untampered chain, sync or async, and reports its head", async () => {
    const head = { seq: 4, hash: chain[3]?.hash };
    expect(await verifyChain(chain)).toEqual({ ok: true, count: 4, head });
    async function* cursor() {
      yield* chain;
    }
    expect(await verifyChain(cursor())).toEqual({ ok: true, count: 4, head });
  });

  it("accepts an empty chain", async () => {
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, head: undefined });
  });

  it("resumes after a trusted head", async () => {
    const after = { seq: 2, hash: chain[1]?.hash ?? "" };
    expect(await verifyChain(chain.slice(2), { after })).toMatchObject({ ok: true, count: 2 });
    expect(await failure(chain.slice(3))).toMatchObject({ reason: "sequence_gap", at: 1 });
    await expect(verifyChain(chain, { after: { seq: 0, hash: GENESIS_HASH } })).rejects.toThrow(
      RangeError,
    );
  });

  it("names a changed field as hash_mismatch at that entry", async () => {
    const tampered = chain.map((e) => (e.seq === 1 ? { ...e, amount: "49.90" } : e));
    expect(await failure(tampered)).toMatchObject({ reason: "hash_mismatch", at: 1 });
  });

  it("names a changed hash at its own entry, not the successor", async () => {
    const forged = "f".repeat(64);
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, hash: forged } : e));
    expect(await failure(tampered)).toMatchObject({
      reason: "hash_mismatch",
      at: 2,
      found: forged,
    });
  });

  it("names a changed prevHash as broken_link at its own entry", async () => {
    const tampered = chain.map((e) => (e.seq === 3 ? { ...e, prevHash: "0".repeat(64) } : e));
    expect(await failure(tampered)).toMatchObject({
      reason: "broken_link",
      at: 3,
      expected: chain[1]?.hash,
    });
  });

  it("catches an edited entry whose hash was recomputed at the next entry", async () => {
    const { hash: _, ...second } = { ...(chain[1] as LedgerEntry), to: "rejected" };
    const tampered = [chain[0], { ...second, hash: chainHash(second) }, chain[2], chain[3]];
    expect(await failure(tampered as LedgerEntry[])).toMatchObject({
      reason: "broken_link",
      at: 3,
    });
  });

  it("names a deleted, duplicated or reordered entry as sequence_gap", async () => {
    const [a, b, c, d] = chain as [LedgerEntry, LedgerEntry, LedgerEntry, LedgerEntry];
    const deleted = await failure([a, b, d]);
    expect(deleted).toMatchObject({ reason: "sequence_gap", at: 3, expected: "3", found: "4" });
    expect(await failure([a, b, b, c, d])).toMatchObject({ reason: "sequence_gap", at: 3 });
    expect(await failure([a, c, b, d])).toMatchObject({ reason: "sequence_gap", at: 2 });
  });

  it("names an entry of another chain as wrong_chain", async () => {
    const other = appendTo(chain[1], { ...moved("x", "y", 5), chain: "other" });
    const tampered = [chain[0], chain[1], other] as LedgerEntry[];
    expect(await failure(tampered)).toMatchObject({ reason: "wrong_chain", at: 3, found: "other" });
    const expectOther = await verifyChain(chain, { chain: "other" });
    expect(expectOther).toMatchObject({ ok: false, reason: "wrong_chain", at: 1 });
  });

  it("names a malformed entry with its field", async () => {
    const tampered = chain.map((e) => (e.seq === 2 ? { ...e, at: "2000" } : e)) as LedgerEntry[];
    expect(await failure(tampered)).toMatchObject({ reason: "malformed", at: 2, field: "at" });
    // A lone surrogate would hash like U+FFFD; it is reported, not thrown.
    const lone = chain.map((e) => (e.seq === 3 ? { ...e, actor: "executor:\ud800" } : e));
    expect(await failure(lone)).toMatchObject({ reason: "malformed", at: 3, field: "actor" });
    const nulls = [chain[0], null] as unknown as LedgerEntry[];
    expect(await failure(nulls)).toMatchObject({ reason: "malformed", at: 2, field: "entry" });
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(verifyChain(chain, { signal: controller.signal })).rejects.toThrow();
  });
});

describe("erasure", () => {
  it("keeps the chain verifiable, and is itself recorded", async () => {
    // Personal data lives outside the chain; erasing it touches no stored entry.
    const profiles = new Map([["c-1", { name: "Ann", email: "ann@example.com" }]]);
    const stored = JSON.stringify(chain);
    expect(stored).not.toContain("c-1");
    profiles.delete("c-1");
    const erased = appendTo(chain.at(-1), {
      chain: "remedies",
      at: 5_000,
      kind: "customer.erased",
      actor: "agent:a-17",
      customerRef,
    });
    const after = [...(JSON.parse(stored) as LedgerEntry[]), erased];
    expect(await verifyChain(after)).toMatchObject({ ok: true, count: 5 });
    expect(JSON.stringify(after)).not.toMatch(/Ann|example\.com|"c-1"/);
  });
});
