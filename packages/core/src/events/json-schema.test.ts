import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./event-schemas.js";
import { DEFAULT_SCHEMA_PATH } from "./generate-json-schema.js";
import { eventsJsonSchema, type JsonSchema, renderEventsJsonSchema } from "./json-schema.js";

const branches = eventsJsonSchema().oneOf as JsonSchema[];
const typeOf = (branch: JsonSchema) =>
  (branch.properties as Record<string, JsonSchema>).type as JsonSchema;

describe("events JSON Schema", () => {
  it("is current: schemas/events.schema.json equals what the schemas generate", () => {
    // If this fails: npm run build && npm run schemas, then commit schemas/events.schema.json.
    expect(readFileSync(DEFAULT_SCHEMA_PATH, "utf8")).toBe(renderEventsJsonSchema());
  });

  it("is draft 2020-12 with one branch per known type, each with a const discriminator", () => {
    expect(eventsJsonSchema().$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(branches.slice(0, -1).map((b) => typeOf(b).const)).toEqual([...EVENT_TYPES]);
  });

  it("ends with a branch for other types that excludes every known type", () => {
    const fallback = branches.at(-1) as JsonSchema;
    expect(typeOf(fallback).not).toEqual({ enum: [...EVENT_TYPES] });
  });

  it("describes what producers send: required customer, forbidden customer, strict objects, defaults", () => {
    const [customerUpdated] = branches as [JsonSchema];
    expect(customerUpdated.required).toContain("customer");
    expect(customerUpdated.additionalProperties).toBe(false);
    const clock = branches[EVENT_TYPES.indexOf("clock")] as JsonSchema;
    expect((clock.properties as Record<string, JsonSchema>).customer).toMatchObject({ not: {} });
    const text = renderEventsJsonSchema();
    expect(text).toContain('"format": "date-time"');
    expect(text).toContain('"default": 1');
  });
});
