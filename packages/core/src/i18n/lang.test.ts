import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpolate, negotiateLang } from "./lang.js";

describe("interpolate", () => {
  it("fills known placeholders and leaves unknown ones as written", () => {
    expect(interpolate("{a} and {b}, not {c}; {a}!", { a: 1, b: "two" })).toBe(
      "1 and two, not {c}; 1!",
    );
    expect(interpolate("no placeholders", { a: 1 })).toBe("no placeholders");
    expect(interpolate("{x}", { x: "" })).toBe("");
    expect(interpolate("{ spaced } {x-y}", { " spaced ": 1, "x-y": 2 })).toBe("{ spaced } {x-y}");
  });

  it("gives what a regex replacement gives, for any template and parameters", () => {
    const reference = (t: string, p: Record<string, string>) =>
      t.replace(/\{(\w+)\}/g, (whole, name: string) => (name in p ? String(p[name]) : whole));
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("{a}", "{b}", "{zz}", "{", "}", "{}"),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join("")),
        fc.dictionary(fc.constantFrom("a", "b", "c"), fc.string({ maxLength: 4 })),
        (template, params) => {
          expect(interpolate(template, params)).toBe(reference(template, params));
        },
      ),
    );
  });
});

describe("negotiateLang", () => {
  it.each([
    [undefined, "en"],
    ["sv-SE", "sv"],
    ["zh-Hans-CN, en", "zh-CN"],
    ["fr, de;q=0.9, sv;q=0.5", "sv"],
    ["en;q=0.1, sv;q=0.9", "sv"],
    ["sv;q=0, zh", "zh-CN"],
    ["sv;q=0", "en"],
    ["sv, zh", "sv"],
    ["sv;q=0.8, zh;q=0.8", "sv"],
    ["zh ; Q = 0.7, en;q=0.6", "zh-CN"],
    ["*", "en"],
    ["garbage;;q=x, sv;q=oops", "sv"],
  ] as const)("%s → %s", (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });
});
