import { fail, type Issue, ok, type Result } from "../issue.js";
import { compiledUnknownEventSchema } from "./envelope.js";
import { type KnownType, schemaForType } from "./event-schemas.js";
import { kindOf } from "./issue-codes.js";
import { moneyFieldIssues } from "./money-fields.js";
import type { EventOfType, GoodfaithEvent, KnownEvent, UnknownEvent } from "./types.js";
import { inspectUnknownData } from "./unknown-data.js";
import { capIssues, eventIssue, fromZodIssues } from "./zod-issues.js";

// Issues keep the offending input so that `required` and `received` can be told apart.
const PARSE = { reportInput: true } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validateKnown(input: Record<string, unknown>, type: string): Result<GoodfaithEvent> {
  const schema = schemaForType(type);
  if (schema === undefined) return validateUnknown(input);
  const parsed = schema.safeParse(input, PARSE);
  if (parsed.success) {
    const money = moneyFieldIssues(type, parsed.data.data);
    return money.length === 0 ? ok(parsed.data as KnownEvent) : fail(money);
  }
  return fail(fromZodIssues(parsed.error.issues));
}

function validateUnknown(input: Record<string, unknown>): Result<GoodfaithEvent> {
  const parsed = compiledUnknownEventSchema.safeParse(input, PARSE);
  const issues: Issue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues);
  const dataIssue = isRecord(input.data) ? inspectUnknownData(input.data) : undefined;
  if (dataIssue !== undefined) issues.push(dataIssue);
  if (!parsed.success || issues.length > 0) return fail(capIssues(issues));
  const event: UnknownEvent = { ...parsed.data, known: false };
  return ok(event);
}

function validate(input: unknown): Result<GoodfaithEvent> {
  if (!isRecord(input)) {
    return fail([eventIssue("event.not_an_object", [], { received: kindOf(input) })]);
  }
  const type = input.type;
  return typeof type === "string" ? validateKnown(input, type) : validateUnknown(input);
}

/**
 * Validates one event against contract v1. Never throws: bad input, of any shape, comes back
 * as located issues. Events of types this version does not know are kept with `known: false`.
 */
export function validateEvent(input: unknown): Result<GoodfaithEvent> {
  try {
    return validate(input);
  } catch {
    // Only hostile in-memory objects get here (a getter or proxy trap that throws); JSON cannot.
    return fail([eventIssue("event.unreadable", [])]);
  }
}

/** Whether a valid event is of a type contract v1 defines (and so may be switched on by `type`). */
export function isKnownEvent(event: GoodfaithEvent): event is KnownEvent {
  return event.known !== false;
}

/** Whether a valid event is a known event of the given type (narrowing it to that type). */
export function isEventOfType<T extends KnownType>(
  event: GoodfaithEvent,
  type: T,
): event is EventOfType<T> {
  return event.known !== false && event.type === type;
}
