/**
 * Property tests for the ledger's central promise: change any one stored field of any one
 * entry, by one character, one bit or ±1, and verification fails naming that entry.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendTo, type ChainFailureReason, verifyChain } from "./chain.js";
import { LEDGER_KINDS, type LedgerDraft, type LedgerEntry } from "./entry.js";

// Derived from integers rather than drawn digit by digit: generation dominates the run time.
const hex64 = fc.nat().map((n) => createHash("sha256").update(String(n)).digest("hex"));
// Mixed in: characters of 2, 3 and 4 UTF-8 bytes, one of them a surrogate pair.
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom("agent:åsa", "executor:张三", "approved😀", "ü"),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const draft = (chain: string): fc.Arbitrary<LedgerDraft> =>
  fc
    .record({
      kind: fc.constantFrom(...LEDGER_KINDS),
      at: fc.integer({ min: 0, max: 2 ** 45 }),
      actor: text,
      remedyKey: maybe(hex64),
      customerRef: maybe(hex64),
      from: maybe(text),
      to: maybe(text),
      money: maybe(
        fc.tuple(
          fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((n) => (n / 100).toFixed(2)),
          fc.constantFrom("USD", "EUR", "SEK", "CNY", "JPY", "PTS"),
        ),
      ),
      facts: maybe(hex64),
    })
    .map(({ money, ...r }) => {
      // Fill what each kind must carry (FORMAT.md §4), keeping the draft otherwise random.
      const needsKey = r.kind.startsWith("remedy.");
      const transition = r.kind === "remedy.transition";
      const fields = {
        ...r,
        chain,
        remedyKey: r.remedyKey ?? (needsKey ? "a".repeat(64) : undefined),
        customerRef: r.customerRef ?? (r.kind === "customer.erased" ? "b".repeat(64) : undefined),
        from: r.from ?? (transition ? "approved" : undefined),
        to: r.to ?? (transition ? "executing" : undefined),
        facts:
          r.facts ??
          (r.kind === "checkpoint" || r.kind === "promises.adopted" ? "c".repeat(64) : undefined),
        amount: money?.[0],
        currency: money?.[1],
      };
      return fields as LedgerDraft;
    });

const chainOf = fc
  .tuple(text, fc.integer({ min: 1, max: 16 }))
  .chain(([name, n]) => fc.array(draft(name), { minLength: n, maxLength: n }))
  .map((drafts) => {
    const out: LedgerEntry[] = [];
    for (const d of drafts) out.push(appendTo(out.at(-1), d));
    return out;
  });

const FIELDS = [
  "chain",
  "seq",
  "at",
  "kind",
  "remedyKey",
  "customerRef",
  "actor",
  "from",
  "to",
  "amount",
  "currency",
  "facts",
  "prevHash",
  "hash",
] as const;
type Field = (typeof FIELDS)[number];
const OPTIONAL = new Set<Field>([
  "remedyKey",
  "customerRef",
  "from",
  "to",
  "amount",
  "currency",
  "facts",
]);
const HEX = new Set<Field>(["remedyKey", "customerRef", "facts", "prevHash", "hash"]);

const mutation = fc.record({
  index: fc.nat(),
  field: fc.constantFrom(...FIELDS),
  position: fc.nat(),
  bit: fc.integer({ min: 0, max: 6 }),
  asHexDigit: fc.boolean(),
  remove: fc.boolean(),
  up: fc.boolean(),
  added: fc.oneof(fc.constant(""), text, hex64),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

// One change to one field: ±1 for a number; for text, one character changed (a bit flipped
// in a UTF-16 unit, or another hex digit in a hex field) or, for an optional field, removed;
// an absent optional field is added (possibly as the empty string).
function mutate(entry: LedgerEntry, m: Mutation): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  const value = out[m.field];
  if (typeof value === "number") {
    out[m.field] = m.up || value === 0 ? value + 1 : value - 1;
  } else if (value === undefined) {
    out[m.field] = m.added;
  } else if (
    typeof value === "string" &&
    (value.length === 0 || (m.remove && OPTIONAL.has(m.field)))
  ) {
    delete out[m.field];
  } else if (typeof value === "string") {
    const i = m.position % value.length;
    const unit = value.charCodeAt(i);
    const changed =
      HEX.has(m.field) && m.asHexDigit
        ? "0123456789abcdef"[(Number.parseInt(value[i] ?? "0", 16) + 1 + (m.bit % 15)) % 16]
        : String.fromCharCode(unit ^ (1 << m.bit)); // bits 0-6 never pair or unpair a surrogate
    out[m.field] = value.slice(0, i) + changed + value.slice(i + 1);
  }
  return out;
}

// Which failure a change to each field produces (see the comment in chain.ts); `malformed`
// is always acceptable because a changed character may break the field's format first.
function allowed(field: Field, index: number): ChainFailureReason[] {
  switch (field) {
    case "seq":
      return ["sequence_gap"];
    case "prevHash":
      return ["broken_link", "malformed"];
    case "chain":
      return index === 0 ? ["hash_mismatch", "malformed"] : ["wrong_chain", "malformed"];
    default:
      return ["hash_mismatch", "malformed"];
  }
}

describe("tampering with one field of one entry", () => {
  it("an untampered chain verifies, with its head", async () => {
    await fc.assert(
      fc.asyncProperty(chainOf, async (entries) => {
        const last = entries.at(-1) as LedgerEntry;
        const verdict = await verifyChain(entries);
        expect(verdict).toEqual({
          ok: true,
          count: entries.length,
          head: { seq: last.seq, hash: last.hash },
        });
      }),
    );
  });

  it("is caught, and the tampered entry is named", async () => {
    await fc.assert(
      fc.asyncProperty(chainOf, mutation, async (entries, m) => {
        const index = m.index % entries.length;
        const target = entries[index] as LedgerEntry;
        const tampered = entries.slice();
        tampered[index] = mutate(target, m) as unknown as LedgerEntry;
        const verdict = await verifyChain(tampered);
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        expect(verdict.at).toBe(target.seq);
        expect(allowed(m.field, index)).toContain(verdict.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it("is caught when any bit of the stored JSON row changes", async () => {
    await fc.assert(
      fc.asyncProperty(
        chainOf,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (entries, i, at, bit) => {
          const index = i % entries.length;
          const target = entries[index] as LedgerEntry;
          const row = Buffer.from(JSON.stringify(target), "utf8");
          const byte = at % row.length;
          row[byte] = (row[byte] as number) ^ (1 << bit);
          let parsed: unknown;
          try {
            parsed = JSON.parse(row.toString("utf8"));
          } catch {
            return; // a row that no longer parses cannot be loaded, let alone verified
          }
          // Flips that decode to the same value (inside an invalid UTF-8 sequence, say) are no change.
          fc.pre(JSON.stringify(parsed) !== JSON.stringify(target));
          const tampered = entries.slice();
          tampered[index] = parsed as LedgerEntry;
          const verdict = await verifyChain(tampered);
          expect(verdict).toMatchObject({ ok: false, at: target.seq });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
