import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PromiseSet } from "../ports/promise-set-store.js";
import { droppedPromises } from "./dropped.js";
import { loadPromises } from "./load.js";

const RETAIL = readFileSync(
  new URL("../../../../packs/retail/promises.yaml", import.meta.url),
  "utf8",
);
const SHORTER = RETAIL.slice(0, RETAIL.indexOf("  - id: not-shipped"));

const set = (...texts: string[]): PromiseSet => ({
  version: 4,
  digest: "d",
  adoptedAt: 0,
  actor: "test",
  documents: texts.map((_, i) => ({ file: `${i}.yaml` })),
  sources: texts.map((text, i) => ({ file: `${i}.yaml`, text })),
});

function load(text: string) {
  const loaded = loadPromises(text, "p.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

describe("droppedPromises", () => {
  it("names the replaced version's promises the new documents lack", () => {
    expect(droppedPromises(set(RETAIL), [load(SHORTER)])).toEqual({
      version: 4,
      ids: ["not-shipped"],
    });
  });

  it("is undefined when none are missing, or when the replaced set no longer loads", () => {
    expect(droppedPromises(set(SHORTER), [load(RETAIL)])).toBeUndefined();
    expect(droppedPromises(set("goodfaith: 1\n"), [load(SHORTER)])).toBeUndefined();
  });
});
