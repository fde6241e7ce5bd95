import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffPromises } from "./diff.js";
import type { PromiseDocument } from "./document.js";
import { loadPromises } from "./load.js";

const AIRLINE = readFileSync(
  new URL("../../../../packs/airline/promises.yaml", import.meta.url),
  "utf8",
);

function load(text: string): PromiseDocument {
  const loaded = loadPromises(text, "promises.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

describe("diffPromises", () => {
  it("finds nothing between a document and itself, even re-indented", () => {
    const doc = load(AIRLINE);
    expect(diffPromises(doc, load(AIRLINE)).changes).toEqual([]);
    const reflowed = AIRLINE.replace(
      "when: flight.controllable && flight.arrivalDelayMinutes >= 180",
      "when: >-\n      flight.controllable\n      && flight.arrivalDelayMinutes >= 180",
    );
    expect(reflowed).not.toBe(AIRLINE);
    expect(diffPromises(doc, load(reflowed)).changes).toEqual([]);
  });

  it("names each changed field with both values, and the promises added and removed", () => {
    const before = load(AIRLINE);
    const start = AIRLINE.indexOf("  - id: child-seated-apart");
    const after = load(
      AIRLINE.slice(0, start)
        .replace("flight.arrivalDelayMinutes >= 180", "flight.arrivalDelayMinutes >= 120")
        .replace('USD: "2200.00"', 'USD: "2500.00"')
        .replace("- id: delay-refund", "- id: delay-refund")
        .replace('version: "2026.11"', 'version: "2027.01"') +
        AIRLINE.slice(start).replace("- id: child-seated-apart", "- id: family-seating"),
    );
    const diff = diffPromises(before, after);
    expect(diff.before.version).toBe("2026.11");
    expect(diff.after.version).toBe("2027.01");
    expect(diff.changes).toEqual([
      {
        id: "delay-refund",
        change: "changed",
        fields: [
          {
            field: "when",
            before: "flight.controllable && flight.arrivalDelayMinutes >= 180",
            after: "flight.controllable && flight.arrivalDelayMinutes >= 120",
          },
          {
            field: "governance.autoApproveUpTo",
            before: "2000.00 EUR, 2200.00 USD, 22000.00 SEK",
            after: "2000.00 EUR, 2500.00 USD, 22000.00 SEK",
          },
        ],
      },
      { id: "family-seating", change: "added" },
      { id: "child-seated-apart", change: "removed" },
    ]);
  });
});
