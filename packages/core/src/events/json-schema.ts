import { z } from "zod";
import { unknownEventSchema } from "./envelope.js";
import { EVENT_TYPES, KNOWN_EVENT_SCHEMAS } from "./event-schemas.js";
import { EXAMPLE_EVENTS } from "./examples.js";
import { eventSchemaRegistry } from "./primitives.js";

/** A JSON Schema document (or subschema), as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

const DESCRIPTION =
  "Goodfaith event contract v1. Every input is one event: an envelope (id, type, time, " +
  "customer when the event is about one customer, data) whose `data` depends on `type`. " +
  "Money is a decimal string with a sibling currency. Events of other types are accepted " +
  "and ignored by promises. Cross-field rules (points are paid in PTS, times in order, " +
  "guardians on the booking, calendar dates) are checked by the validator, not by this schema.";

function isObject(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds the JSON Schema (draft 2020-12) of contract v1 from the same Zod schemas the validator
 * uses: `oneOf` a branch per known type, told apart by a `const` type, plus a branch for other
 * types. It describes what producers send (defaults are optional input).
 */
export function eventsJsonSchema(): JsonSchema {
  const branches = EVENT_TYPES.map((type) => KNOWN_EVENT_SCHEMAS[type]);
  const generated = z.toJSONSchema(z.union([...branches, unknownEventSchema]), {
    target: "draft-2020-12",
    io: "input",
    metadata: eventSchemaRegistry,
    unrepresentable: "throw",
  }) as JsonSchema;
  const oneOf = Array.isArray(generated.anyOf) ? generated.anyOf.filter(isObject) : [];
  oneOf.forEach((branch, index) => {
    const type = EVENT_TYPES[index];
    if (type !== undefined) {
      branch.examples = [EXAMPLE_EVENTS[type]];
      return;
    }
    // The fallback must not also match a known type whose data is wrong: oneOf has to fail then.
    const properties = isObject(branch.properties) ? branch.properties : {};
    properties.type = {
      ...(isObject(properties.type) ? properties.type : {}),
      not: { enum: [...EVENT_TYPES] },
    };
  });
  return {
    $schema: DRAFT,
    title: "Goodfaith event (contract v1)",
    description: DESCRIPTION,
    oneOf,
    $defs: generated.$defs,
  };
}

/** The JSON Schema as the text of `schemas/events.schema.json` (stable, two-space indented). */
export function renderEventsJsonSchema(): string {
  return `${JSON.stringify(eventsJsonSchema(), null, 2)}\n`;
}
