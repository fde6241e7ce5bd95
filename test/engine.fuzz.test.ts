/**
 * The engine over every pack, fed random streams built from valid events of every type with
 * ids, customers, orders, bookings and flights drawn from small sets so that they collide:
 * it must never throw, and outcomes must be remedies, evaluation errors or rejections only.
 */

import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { EXAMPLE_EVENTS, validateEvent } from "../packages/core/src/events/index.js";
import { engineFor, ROOT } from "./support/packs.js";

const packs = readdirSync(`${ROOT}packs`).filter((p) => !p.includes("."));
const examples = Object.values(EXAMPLE_EVENTS) as {
  type: string;
  customer?: string;
  data: Record<string, unknown>;
}[];

const pick = <T>(xs: readonly T[]) =>
  fc.integer({ min: 0, max: xs.length - 1 }).map((i) => xs[i] as T);

const mutation = fc.record({
  example: pick(examples),
  customer: pick(["c1", "c2", "c3"]),
  order: pick(["o1", "o2"]),
  booking: pick(["B1", "B2"]),
  flight: pick(["NW1@2026-11-20", "LH400@2026-11-21"]),
  minutes: fc.integer({ min: 0, max: 60 * 24 * 40 }),
  id: fc.integer({ min: 0, max: 40 }),
});

describe("the engine under random valid streams", () => {
  test("never throws, whatever the order and collisions of events", () => {
    let applied = 0;
    let remedies = 0;
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 60 }), (stream) => {
        const engine = engineFor(...packs);
        const sorted = [...stream].sort((a, b) => a.minutes - b.minutes);
        for (const m of sorted) {
          const data: Record<string, unknown> = { ...m.example.data };
          for (const key of ["order", "booking"] as const) if (key in data) data[key] = m[key];
          if ("flight" in data) data.flight = m.flight;
          const raw = {
            ...m.example,
            id: `e${m.id}`,
            time: new Date(Date.UTC(2026, 10, 1) + m.minutes * 60_000).toISOString(),
            ...(m.example.customer !== undefined && { customer: m.customer }),
            data,
          };
          const valid = validateEvent(raw);
          if (!valid.ok) continue;
          applied++;
          for (const o of engine.process(valid.value)) {
            expect(["remedy", "evaluation_error", "rejected"]).toContain(o.type);
            if (o.type === "remedy") remedies++;
          }
        }
        engine.advanceTo(Date.UTC(2027, 0, 1));
      }),
      { numRuns: 150 },
    );
    // The streams must exercise the engine, not just the validator.
    expect(applied).toBeGreaterThan(300);
    expect(remedies).toBeGreaterThan(10);
  });
});
