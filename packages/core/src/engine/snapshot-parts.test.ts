import { describe, expect, it } from "vitest";
import { bookOrders, loadPack } from "../../../../test/support/packs.js";
import { Engine } from "./engine.js";
import type { EngineEvent } from "./event-data.js";
import { encodeState } from "./snapshot-codec.js";
import { encodeInParts, joinSnapshot } from "./snapshot-parts.js";

const RETAIL = [loadPack("retail")];

const orders = () => bookOrders(1200, 600);

function engineAfter(events: readonly EngineEvent[]): Engine {
  const engine = new Engine(RETAIL);
  for (const e of events) engine.process(e);
  return engine;
}

describe("a snapshot in parts", () => {
  it("restores the engine a single string restores, from parts of the size asked for", async () => {
    const events = orders();
    const engine = engineAfter(events.slice(0, 1000));
    const whole = engine.snapshot();
    let pauses = 0;
    const parts = await engine.snapshotParts({
      maxChars: 20_000,
      pause: async () => {
        pauses++;
      },
    });
    expect(parts.length).toBeGreaterThan(10);
    // Other work may run after each part of a long list.
    expect(pauses).toBe(parts.length - 1);
    // At most the size asked for, but for a part of one entry larger than that on its own.
    const over = parts.slice(1).filter((part) => part.length > 20_000);
    for (const part of over) expect(JSON.parse(part)).toHaveLength(1);
    expect(over.length).toBeLessThan(parts.length / 2);
    expect(parts.join("").length).toBeLessThan(whole.length * 1.01);

    const restored = Engine.restore(RETAIL, parts);
    expect(restored.snapshot()).toBe(whole);
    // And it goes on deciding as the engine it was taken from.
    const rest = events.slice(1000);
    const outcomes = (e: Engine) => rest.flatMap((event) => e.process(event));
    expect(outcomes(restored)).toEqual(outcomes(engine));
    expect(restored.snapshot()).toBe(engine.snapshot());
  });

  it("is one part, the snapshot's string, when the state is small", async () => {
    const engine = engineAfter(orders().slice(0, 20));
    expect(await engine.snapshotParts()).toEqual([engine.snapshot()]);
    // Lists under an eighth of a part stay inline.
    const more = engineAfter(orders().slice(0, 300));
    expect(await more.snapshotParts({ maxChars: more.snapshot().length * 8 })).toEqual([
      more.snapshot(),
    ]);
  });

  it("never mistakes a value for a reference to parts", async () => {
    const value = {
      looksLikeOne: { $parts: [1, 2] },
      list: Array.from({ length: 300 }, (_, i) => ({ $parts: [i, i + 1] })),
      map: new Map(Array.from({ length: 300 }, (_, i) => [`k${i}`, { $parts: "x" }])),
      set: new Set(Array.from({ length: 300 }, (_, i) => BigInt(i))),
    };
    const parts = await encodeInParts(value, { maxChars: 1000 });
    expect(parts.length).toBeGreaterThan(3);
    expect(joinSnapshot(parts)).toEqual(encodeState(value));
  });

  it("cuts a list whose later entries are far larger than its first ones to size too", async () => {
    const list = Array.from({ length: 300 }, (_, i) => (i < 64 ? "a" : "b".repeat(500)));
    const parts = await encodeInParts({ list }, { maxChars: 2000 });
    expect(parts.length).toBeGreaterThan(60);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(joinSnapshot(parts)).toEqual(encodeState({ list }));
  });

  it("says which part is missing", async () => {
    const parts = await encodeInParts(
      Array.from({ length: 500 }, (_, i) => i),
      { maxChars: 100 },
    );
    expect(() => joinSnapshot(parts.slice(0, -1))).toThrow(
      `snapshot part ${parts.length - 1} is missing`,
    );
  });
});
