import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalCheckpoint, canonicalEntry } from "./canonical.js";
import { digestJson } from "./canonical-json.js";
import { appendTo } from "./chain.js";
import type { UnhashedEntry } from "./entry.js";
import { pseudonym } from "./pseudonym.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const format = readFileSync(new URL("./FORMAT.md", import.meta.url), "utf8");

// The fenced block that follows `heading` in FORMAT.md, whitespace removed.
function formatBlock(heading: string): string {
  const start = format.indexOf(heading);
  const open = format.indexOf("```\n", start) + 4;
  return format.slice(open, format.indexOf("```", open)).replace(/\s+/g, "");
}

const base: UnhashedEntry = {
  chain: "remedies",
  seq: 1,
  at: 0,
  kind: "remedy.transition",
  actor: "engine",
  prevHash: "0".repeat(64),
};

describe("the worked example in FORMAT.md", () => {
  const secret = "example-secret-0123456789";
  const explanation = {
    promise: "late-delivery",
    version: 3,
    amount: 499n,
    facts: { promisedBy: "2026-01-02T00:00:00Z", deliveredAt: "2026-01-03T10:00:00Z" },
  };
  const entry = appendTo(undefined, {
    chain: "remedies",
    at: 1767225600000,
    kind: "remedy.planned",
    actor: "engine",
    remedyKey: pseudonym(secret, "late-delivery:order:o-1001"),
    customerRef: pseudonym(secret, "c-42"),
    amount: "4.99",
    currency: "USD",
    facts: digestJson(explanation),
  });
  const { hash, ...unhashed } = entry;

  it("has the documented hash", () => {
    expect(hash).toBe("f7164f2c013cd1255a78c05c257e0925e9b328a093af352e9c32dc24eeb37c87");
    expect(format).toContain(hash);
    expect(format).toContain(`"hash": "${hash}"`);
  });

  it("has the documented bytes, pseudonyms and digest", () => {
    expect(hex(canonicalEntry(unhashed))).toBe(formatBlock("All 379 bytes"));
    expect(canonicalEntry(unhashed).byteLength).toBe(379);
    expect(format).toContain(`"remedyKey": "${entry.remedyKey}"`);
    expect(format).toContain(`"customerRef": "${entry.customerRef}"`);
    expect(format).toContain(`"facts": "${entry.facts}"`);
  });

  it("has the documented checkpoint bytes", () => {
    const bytes = canonicalCheckpoint({
      chain: "remedies",
      seq: 1,
      headHash: hash,
      at: 1767229200000,
    });
    expect(bytes.byteLength).toBe(127);
    expect(hex(bytes)).toBe(formatBlock("127 bytes"));
  });
});

describe("canonicalEntry", () => {
  it("opens with the length-prefixed version tag", () => {
    const bytes = Buffer.from(canonicalEntry(base));
    expect(bytes.subarray(0, 5)).toEqual(Buffer.from([1, 0, 0, 0, 12]));
    expect(bytes.subarray(5, 17).toString("latin1")).toBe("gf-ledger-v1");
  });

  it("keeps field boundaries: ab+c differs from a+bc", () => {
    const a = canonicalEntry({ ...base, from: "ab", to: "c" });
    const b = canonicalEntry({ ...base, from: "a", to: "bc" });
    expect(hex(a)).not.toBe(hex(b));
  });

  it("encodes an absent field differently from an empty one", () => {
    const absent = canonicalEntry(base);
    const empty = canonicalEntry({ ...base, from: "" });
    expect(hex(absent)).not.toBe(hex(empty));
    expect(empty.byteLength - absent.byteLength).toBe(4);
  });

  it("writes integers as plain decimal ASCII", () => {
    const text = Buffer.from(canonicalEntry({ ...base, seq: 12, at: 9007199254740991 })).toString(
      "latin1",
    );
    expect(text).toContain("\x01\x00\x00\x00\x0212");
    expect(text).toContain("\x01\x00\x00\x00\x109007199254740991");
  });

  it("counts UTF-8 bytes, not UTF-16 units", () => {
    const bytes = Buffer.from(canonicalEntry({ ...base, actor: "agent:åsa-张" }));
    const at = bytes.indexOf(Buffer.from("agent:", "utf8"));
    expect(bytes.readUInt32BE(at - 4)).toBe(Buffer.byteLength("agent:åsa-张"));
  });

  it.each<[string, Partial<Record<keyof UnhashedEntry, unknown>>]>([
    ["a fractional seq", { seq: 1.5 }],
    ["a negative time", { at: -1 }],
    ["an unsafe integer", { at: 2 ** 53 }],
    ["a lone surrogate", { actor: "agent:\ud800" }],
    ["a number where text belongs", { from: 7 }],
    ["a missing required field", { actor: undefined }],
  ])("refuses %s", (_, change) => {
    expect(() => canonicalEntry({ ...base, ...change } as UnhashedEntry)).toThrow(RangeError);
  });

  // A decoder written from FORMAT.md alone. If decode(encode(x)) = x for every entry, the
  // encoding is injective: no two different entries share bytes, so none share a hash.
  it("round-trips through an independent decoder (so it is unambiguous)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 12 });
    const maybe = fc.option(text, { nil: undefined });
    const integer = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const entry = fc.record(
      {
        chain: text,
        seq: integer,
        at: integer,
        kind: text,
        remedyKey: maybe,
        customerRef: maybe,
        actor: text,
        from: maybe,
        to: maybe,
        amount: maybe,
        currency: maybe,
        facts: maybe,
        prevHash: text,
      },
      { requiredKeys: ["chain", "seq", "at", "kind", "actor", "prevHash"] },
    );
    fc.assert(
      fc.property(entry, (e) => {
        expect(decode(canonicalEntry(e as UnhashedEntry))).toEqual(e);
      }),
    );
  });
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
] as const;

function decode(bytes: Uint8Array): Record<string, unknown> {
  const buffer = Buffer.from(bytes);
  let offset = 0;
  const next = (): string | undefined => {
    const presence = buffer[offset++];
    if (presence === 0) return undefined;
    if (presence !== 1) throw new Error(`bad presence byte at ${offset - 1}`);
    const length = buffer.readUInt32BE(offset);
    const text = buffer.toString("utf8", offset + 4, offset + 4 + length);
    offset += 4 + length;
    return text;
  };
  if (next() !== "gf-ledger-v1") throw new Error("bad tag");
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = next();
    if (value !== undefined) out[field] = field === "seq" || field === "at" ? Number(value) : value;
  }
  if (offset !== buffer.length) throw new Error("trailing bytes");
  return out;
}
