/**
 * Checkpoints: an engine restored from a snapshot taken at any point of a stream must decide
 * exactly what the engine that never stopped decides — the property that lets the store resume
 * from its last checkpoint instead of replaying everything.
 */

import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Engine } from "../packages/core/src/engine/engine.js";
import type { EngineEvent } from "../packages/core/src/engine/event-data.js";
import type { Outcome } from "../packages/core/src/engine/outcome.js";
import { loadPack, ROOT, sampleEvents } from "./support/packs.js";

const packs = readdirSync(`${ROOT}packs`).filter((p) => !p.includes("."));
const documents = packs.map(loadPack);
const stream: EngineEvent[] = packs
  .flatMap(sampleEvents)
  .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
const END = Date.parse("2027-01-01T00:00:00Z");

function straight(): Outcome[] {
  const engine = new Engine(documents);
  return [...engine.processAll(stream), ...engine.advanceTo(END)];
}

describe("engine snapshots", () => {
  const expected = straight();

  test("the sample streams of every pack produce remedies to compare", () => {
    expect(expected.filter((o) => o.type === "remedy").length).toBeGreaterThan(40);
  });

  test("restoring at any point gives the same outcomes as never stopping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stream.length }), (cut) => {
        const first = new Engine(documents);
        const before = first.processAll(stream.slice(0, cut));
        const resumed = Engine.restore(documents, first.snapshot());
        const after = [...resumed.processAll(stream.slice(cut)), ...resumed.advanceTo(END)];
        expect([...before, ...after]).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  test("a snapshot of a restored engine is the snapshot it was restored from", () => {
    const engine = new Engine(documents);
    engine.processAll(stream.slice(0, Math.floor(stream.length * 0.7)));
    const snapshot = engine.snapshot();
    expect(Engine.restore(documents, snapshot).snapshot()).toBe(snapshot);
  });

  test("re-delivered events after a restore are still ignored", () => {
    const engine = new Engine(documents);
    const outcomes = engine.processAll(stream);
    const resumed = Engine.restore(documents, engine.snapshot());
    expect(resumed.processAll(stream)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(0);
  });

  test("an unknown snapshot format is refused", () => {
    expect(() => Engine.restore(documents, JSON.stringify({ format: 2 }))).toThrow(/format/);
  });
});
