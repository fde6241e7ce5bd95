import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LANGS } from "../i18n/lang.js";
import type { Result } from "../issue.js";
import { loadPromises } from "./load.js";
import { promiseMessages } from "./messages.js";

// Every issue has words of ours in every language: none falls back to a bare code.
function expectExplained(r: Result<unknown>): void {
  if (r.ok) return;
  for (const issue of r.issues)
    for (const lang of LANGS) expect(promiseMessages[lang][issue.messageKey]).toBeTypeOf("string");
}

const PACK = readFileSync(
  new URL("../../../../packs/retail/promises.yaml", import.meta.url),
  "utf8",
);

describe("loading never throws", () => {
  test("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = loadPromises(text);
        expect(typeof r.ok).toBe("boolean");
        expectExplained(r);
      }),
      { numRuns: 300 },
    );
  });

  test("on a real pack with a slice cut out, a line doubled, or characters replaced", () => {
    const lines = PACK.split("\n");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: 0, max: 2 }),
        (at, span, junk, mode) => {
          const copy = [...lines];
          if (mode === 0) copy.splice(at, span);
          else if (mode === 1) copy.splice(at, 0, copy[at] ?? "");
          else
            copy[at] =
              `${(copy[at] ?? "").slice(0, span * 3)}${junk}${(copy[at] ?? "").slice(span * 3 + junk.length)}`;
          const r = loadPromises(copy.join("\n"));
          expectExplained(r);
          if (!r.ok) {
            for (const issue of r.issues) {
              expect(issue.line).toBeGreaterThanOrEqual(1);
              expect(issue.column).toBeGreaterThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
