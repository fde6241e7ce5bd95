import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../issue.js";
import {
  EVENT_TYPES,
  KNOWN_EVENT_SCHEMAS,
  type KnownType,
  schemaForType,
} from "./event-schemas.js";
import { EXAMPLE_EVENTS } from "./examples.js";
import { EVENT_ISSUE_CODES } from "./issue-codes.js";
import { parseEventLine } from "./parse-event-line.js";
import { validateEvent } from "./validate-event.js";

const CODES = new Set<string>(EVENT_ISSUE_CODES);

/** Whatever came in, the answer is well formed: a value, or located issues with known codes. */
function expectWellFormed(result: Result<unknown>): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(CODES.has(issue.code)).toBe(true);
    expect(issue.messageKey).toBe(issue.code);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const value of Object.values(issue.params))
      expect(["string", "number"]).toContain(typeof value);
  }
}

type Json = Record<string, unknown>;

/** Replaces the value at a random path inside `event` (or adds a key there) with `value`. */
function mutate(event: unknown, steps: readonly number[], key: string, value: unknown): unknown {
  const copy = structuredClone(event) as Json;
  let node: unknown = copy;
  for (const step of steps) {
    if (typeof node !== "object" || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = keys[step % keys.length] as string;
    if (step % 5 === 0) {
      (node as Json)[next] = value;
      return copy;
    }
    node = (node as Json)[next];
  }
  if (typeof node === "object" && node !== null) (node as Json)[key] = value;
  return copy;
}

const exampleEvent = fc.constantFrom(...EVENT_TYPES).map((type) => EXAMPLE_EVENTS[type]);
const key = fc.oneof(
  fc.string(),
  fc.constantFrom("__proto__", "constructor", "type", "customer", "data", "0"),
);

describe("validation never throws", () => {
  it("on anything at all", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withBoxedValues: true,
          withSparseArray: true,
        }),
        (input) => {
          expectWellFormed(validateEvent(input));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("on valid events with one part replaced or added", () => {
    fc.assert(
      fc.property(
        exampleEvent,
        fc.array(fc.nat(), { maxLength: 6 }),
        key,
        fc.anything(),
        (event, steps, k, value) => {
          expectWellFormed(validateEvent(mutate(event, steps, k, value)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("on event-shaped objects of any type, with any envelope and data", () => {
    const envelope = fc.record(
      {
        id: fc.oneof(fc.string(), fc.anything()),
        type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string()),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        customer: fc.string(),
        data: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
      },
      { requiredKeys: ["type"] },
    );
    fc.assert(
      fc.property(envelope, (input) => expectWellFormed(validateEvent(input))),
      { numRuns: 3000 },
    );
  });

  it("on any line of text, JSON or not", () => {
    const line = fc.oneof(
      fc.string(),
      fc.json(),
      exampleEvent.map((e) => JSON.stringify(e).slice(0, -3)),
    );
    fc.assert(
      fc.property(line, fc.integer({ min: 1, max: 1_000_000 }), (text, lineNumber) => {
        const result = parseEventLine(text, lineNumber);
        expectWellFormed(result);
        if (!result.ok) for (const issue of result.issues) expect(issue.line).toBe(lineNumber);
      }),
      { numRuns: 3000 },
    );
  });

  it("on objects nested a million levels deep", () => {
    let deep: unknown = {};
    for (let i = 0; i < 1_000_000; i++) deep = { items: [deep] };
    expectWellFormed(validateEvent(deep));
    expectWellFormed(validateEvent({ ...EXAMPLE_EVENTS["order.placed"], data: deep }));
    expectWellFormed(validateEvent({ ...EXAMPLE_EVENTS.clock, type: "x.y", data: deep }));
  });
});

describe("the compiled fast path", () => {
  it("answers exactly as the runtime parser does", () => {
    fc.assert(
      fc.property(
        exampleEvent,
        fc.array(fc.nat(), { maxLength: 6 }),
        key,
        fc.anything(),
        (event, steps, k, value) => {
          const input = mutate(event, steps, k, value);
          const type = event.type as KnownType;
          const compiled = schemaForType(type)?.safeParse(input, { reportInput: true });
          const runtime = KNOWN_EVENT_SCHEMAS[type].safeParse(input, { reportInput: true });
          expect(compiled?.success).toBe(runtime.success);
          expect(compiled?.data).toEqual(runtime.data);
          expect(compiled?.error?.issues).toEqual(runtime.error?.issues);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
