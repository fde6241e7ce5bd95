import { describe, expect, it } from "vitest";
import type { Issue } from "../issue.js";
import { EVENT_TYPES, isKnownType, type KnownType } from "./event-schemas.js";
import { EXAMPLE_EVENTS } from "./examples.js";
import { isEventOfType, isKnownEvent, validateEvent } from "./validate-event.js";
import { MAX_ISSUES } from "./zod-issues.js";

type Json = Record<string, unknown>;

/** A deep copy of the example of a type, changed by `edit`. */
function example(type: KnownType, edit: (event: Json & { data: Json }) => void = () => {}): Json {
  const event = structuredClone(EXAMPLE_EVENTS[type]) as unknown as Json & { data: Json };
  edit(event);
  return event;
}

function issuesOf(input: unknown): readonly Issue[] {
  const result = validateEvent(input);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function located(issues: readonly Issue[]) {
  return issues.map((issue) => ({ path: issue.path, code: issue.code }));
}

describe("validateEvent: valid events", () => {
  it.each(EVENT_TYPES)("accepts the example of %s as a known event", (type) => {
    const result = validateEvent(example(type));
    expect(result.ok && result.value.type).toBe(type);
    expect(result.ok && isKnownEvent(result.value)).toBe(true);
  });

  it("has an example for every type, and every type is known", () => {
    expect(Object.keys(EXAMPLE_EVENTS)).toEqual([...EVENT_TYPES]);
    expect(EVENT_TYPES.every((type) => isKnownType(type))).toBe(true);
    expect(isKnownType("order.placedd")).toBe(false);
    expect(isKnownType("__proto__")).toBe(false);
    expect(isKnownType(42)).toBe(false);
  });

  it("applies defaults: quantity 1, and each tender's currency (PTS for points)", () => {
    const result = validateEvent(example("order.placed"));
    if (!result.ok || !isEventOfType(result.value, "order.placed")) throw new Error("not placed");
    expect(result.value.data.items.map((item) => item.quantity)).toEqual([1, 1]);
    expect(result.value.data.payments.map((p) => p.currency)).toEqual(["SEK", "PTS"]);
  });

  it("returns a copy: changing the input afterwards does not change the event", () => {
    const input = example("order.placed");
    const result = validateEvent(input);
    const [first] = (input.data as { items: { price: string }[] }).items;
    if (first) first.price = "0.01";
    expect(
      result.ok && isEventOfType(result.value, "order.placed") && result.value.data.items[0]?.price,
    ).toBe("129.00");
  });

  it("never changes its input (defaults go into the copy)", () => {
    const input = example("order.placed");
    const before = structuredClone(input);
    validateEvent(input);
    expect(input).toEqual(before);
  });

  it("accepts times with offsets and fractions, and amounts without decimals", () => {
    const input = example("order.delivered", (e) => {
      e.time = "2026-02-28T23:59:59.123456-05:30";
      e.data.deliveredAt = "2028-02-29T00:00:00Z";
    });
    expect(validateEvent(input).ok).toBe(true);
  });
});

type Case = readonly [
  what: string,
  edit: (event: Json) => unknown,
  path: readonly (string | number)[],
  code: string,
];

const ENVELOPE_CASES: readonly Case[] = [
  ["a missing id", (e: Json) => delete e.id, ["id"], "event.required"],
  ["an empty id", (e: Json) => (e.id = ""), ["id"], "event.empty"],
  ["a 257-character id", (e: Json) => (e.id = "x".repeat(257)), ["id"], "event.too_long"],
  ["a numeric id", (e: Json) => (e.id = 7), ["id"], "event.invalid_type"],
  ["an unknown top-level field", (e: Json) => (e.extra = 1), ["extra"], "event.unknown_field"],
  [
    "a time without offset",
    (e: Json) => (e.time = "2026-11-06T12:30:00"),
    ["time"],
    "event.invalid_time",
  ],
  ["a date-only time", (e: Json) => (e.time = "2026-11-06"), ["time"], "event.invalid_time"],
  ["February 30th", (e: Json) => (e.time = "2026-02-30T00:00:00Z"), ["time"], "event.invalid_time"],
  ["a time as a number", (e: Json) => (e.time = 1_700_000_000), ["time"], "event.invalid_time"],
  [
    "an uppercase type",
    (e: Json) => (e.type = "Order.Delivered"),
    ["type"],
    "event.invalid_event_type",
  ],
  [
    "a type with spaces",
    (e: Json) => (e.type = "order delivered"),
    ["type"],
    "event.invalid_event_type",
  ],
  ["a missing type", (e: Json) => delete e.type, ["type"], "event.required"],
  ["data that is an array", (e: Json) => (e.data = []), ["data"], "event.invalid_type"],
  ["missing data", (e: Json) => delete e.data, ["data"], "event.required"],
  ["an empty source", (e: Json) => (e.source = ""), ["source"], "event.empty"],
];

describe("validateEvent: the envelope", () => {
  it.each([null, undefined, 42, "order.placed", [], [EXAMPLE_EVENTS.clock], true])(
    "rejects %j as not an object",
    (input) => {
      expect(located(issuesOf(input))).toEqual([{ path: [], code: "event.not_an_object" }]);
    },
  );

  it.each(ENVELOPE_CASES)("rejects %s", (_, edit, path, code) => {
    expect(located(issuesOf(example("order.delivered", edit)))).toContainEqual({ path, code });
  });

  it("reports every problem at once, in the order of the fields", () => {
    const input = example("order.delivered", (e) => {
      delete e.id;
      e.time = "yesterday";
      e.data.order = "";
      e.data.note = "x";
    });
    expect(located(issuesOf(input))).toEqual([
      { path: ["id"], code: "event.required" },
      { path: ["time"], code: "event.invalid_time" },
      { path: ["data", "order"], code: "event.empty" },
      { path: ["data", "note"], code: "event.unknown_field" },
    ]);
  });

  it("requires a customer on events about one customer", () => {
    const input = example("order.placed", (e) => delete e.customer);
    expect(located(issuesOf(input))).toEqual([
      { path: ["customer"], code: "event.customer_required" },
    ]);
  });

  it.each([
    "price.changed",
    "flight.arrived",
    "flight.cancelled",
    "service.outage",
    "clock",
  ] as const)("forbids a customer on %s", (type) => {
    const input = example(type, (e) => (e.customer = "c-1"));
    expect(located(issuesOf(input))).toEqual([
      { path: ["customer"], code: "event.customer_forbidden" },
    ]);
  });
});

describe("validateEvent: unknown event types", () => {
  const loyalty = {
    id: "l-1",
    type: "loyalty.redeemed",
    time: "2026-11-01T00:00:00Z",
    data: { x: [1] },
  };

  it("keeps a valid envelope of an unknown type, marked known: false", () => {
    const result = validateEvent({ ...loyalty, customer: "c-1" });
    expect(result).toEqual({ ok: true, value: { ...loyalty, customer: "c-1", known: false } });
    expect(result.ok && isKnownEvent(result.value)).toBe(false);
  });

  it("still checks the envelope of an unknown type", () => {
    expect(located(issuesOf({ ...loyalty, time: "now", extra: 1, data: "x" }))).toEqual([
      { path: ["time"], code: "event.invalid_time" },
      { path: ["data"], code: "event.invalid_type" },
      { path: ["extra"], code: "event.unknown_field" },
    ]);
  });

  it("refuses a __proto__ key anywhere in unknown data", () => {
    const input = JSON.parse(
      '{"id":"l","type":"x.y","time":"2026-11-01T00:00:00Z","data":{"a":[{"__proto__":{"polluted":1}}]}}',
    );
    expect(located(issuesOf(input))).toEqual([
      { path: ["data", "a", 0, "__proto__"], code: "event.forbidden_key" },
    ]);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it("refuses unknown data nested deeper than 32 levels, and cyclic data", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf({ ...loyalty, data: { deep } })[0]?.code).toBe("event.too_deep");
    const cyclic: Json = {};
    cyclic.self = cyclic;
    expect(issuesOf({ ...loyalty, data: cyclic })[0]?.code).toBe("event.too_deep");
  });
});

describe("validateEvent: hostile input", () => {
  it("treats __proto__ keys as unknown fields and pollutes nothing", () => {
    const input = JSON.parse(
      '{"id":"e","type":"clock","time":"2026-11-01T00:00:00Z","data":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}',
    );
    expect(located(issuesOf(input))).toEqual([
      { path: ["data", "__proto__"], code: "event.unknown_field" },
      { path: ["__proto__"], code: "event.unknown_field" },
    ]);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it("turns a throwing getter into an issue", () => {
    const input = { ...EXAMPLE_EVENTS.clock };
    Object.defineProperty(input, "data", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(located(issuesOf(input))).toEqual([{ path: [], code: "event.unreadable" }]);
  });

  it(`caps the issues at ${MAX_ISSUES} and counts the rest`, () => {
    const data: Json = { order: "o" };
    for (let i = 0; i < 1000; i++) data[`f${i}`] = i;
    const issues = issuesOf(example("order.cancelled", (e) => (e.data = data)));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toMatchObject({ code: "event.too_many_issues", params: { count: 900 } });
  });
});
