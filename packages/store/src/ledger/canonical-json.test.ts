import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, digestJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it("sorts by UTF-16 code units, as RFC 8785 does", () => {
    // RFC 8785 §3.2.3's example orders "\u20ac" (€) before "\ud83d\ude00" (😀) before "\ufb33".
    expect(canonicalJson({ "\ufb33": 3, "😀": 2, "€": 1, "1": 0, a: 4 })).toBe(
      '{"1":0,"a":4,"\u20ac":1,"\ud83d\ude00":2,"\ufb33":3}',
    );
  });

  it("writes a bigint as its decimal string, and numbers as JavaScript does", () => {
    expect(canonicalJson({ minor: 123456789012345678901234567890n, n: -0, f: 1e21, g: 0.1 })).toBe(
      '{"f":1e+21,"g":0.1,"minor":"123456789012345678901234567890","n":0}',
    );
  });

  it("omits undefined members and writes undefined array items as null, like JSON", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, () => 1], c: new Date(0) })).toBe(
      '{"b":[null,null],"c":"1970-01-01T00:00:00.000Z"}',
    );
  });

  it("allows shared (acyclic) references", () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, { shared }])).toBe('[{"x":1},{"shared":{"x":1}}]');
  });

  it.each<[string, unknown]>([
    ["NaN", { a: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["a Map", { m: new Map([["k", 1]]) }],
    ["a Set", new Set([1])],
    ["a typed array", new Uint8Array(2)],
    ["undefined", undefined],
  ])("refuses %s rather than lose it", (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("refuses cycles", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });

  it("is a fixed point of JSON.parse and independent of key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
    );
  });
});

describe("digestJson", () => {
  it("is SHA-256 of the canonical text", () => {
    const expected = createHash("sha256").update('{"a":1,"b":"ü"}', "utf8").digest("hex");
    expect(digestJson({ b: "ü", a: 1 })).toBe(expected);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reverseKeys(v)]));
}
