import type { z } from "zod";
import type { Issue } from "../issue.js";
import {
  EVENT_ISSUE_CODES,
  type EventIssueCode,
  kindOf,
  VALUE_KINDS,
  type ValueKind,
} from "./issue-codes.js";

/** At most this many issues are reported for one event; the rest are counted. */
export const MAX_ISSUES = 100;

type Path = readonly (string | number)[];
type Params = Record<string, string | number>;

const CODES: ReadonlySet<string> = new Set(EVENT_ISSUE_CODES);
const KINDS: ReadonlySet<string> = new Set(VALUE_KINDS);

/** Builds an event issue; the message key is the code. */
export function eventIssue(code: EventIssueCode, path: Path, params: Params = {}): Issue {
  return { path, code, messageKey: code, params };
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((part) => (typeof part === "symbol" ? String(part) : part));
}

function expectedKind(expected: string): ValueKind {
  if (expected === "int") return "integer";
  if (expected === "record") return "object";
  return KINDS.has(expected) ? (expected as ValueKind) : "other";
}

function primitiveParams(params: Readonly<Record<string, unknown>> | undefined): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === "string" || typeof value === "number") out[key] = value;
  }
  return out;
}

function asNumber(value: number | bigint): number {
  return Number(value);
}

/** Translates one Zod issue; unknown keys become one issue each, so the list may grow. */
function translate(issue: z.core.$ZodIssue, out: Issue[]): void {
  const path = toPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys)
      out.push(eventIssue("event.unknown_field", [...path, key], { field: key }));
    return;
  }
  // Schemas tag their failures with our code in the message slot (see `coded`).
  if (CODES.has(issue.message)) {
    const code = issue.message as EventIssueCode;
    const params = issue.code === "custom" ? primitiveParams(issue.params) : {};
    out.push(eventIssue(code, path, params));
    return;
  }
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) out.push(eventIssue("event.required", path));
      else if (issue.expected === "int" && typeof issue.input === "number")
        out.push(eventIssue("event.not_integer", path));
      else
        out.push(
          eventIssue("event.invalid_type", path, {
            expected: expectedKind(issue.expected),
            received: kindOf(issue.input),
          }),
        );
      return;
    case "too_small": {
      const minimum = asNumber(issue.minimum);
      // "Must not be empty" reads better than "at least 1" for both text and lists.
      if ((issue.origin === "string" || issue.origin === "array") && minimum === 1)
        out.push(eventIssue("event.empty", path));
      else if (issue.origin === "string")
        out.push(eventIssue("event.too_short", path, { minimum }));
      else if (issue.origin === "array") out.push(eventIssue("event.too_few", path, { minimum }));
      else out.push(eventIssue("event.too_small", path, { minimum }));
      return;
    }
    case "too_big": {
      const maximum = asNumber(issue.maximum);
      if (issue.origin === "string") out.push(eventIssue("event.too_long", path, { maximum }));
      else if (issue.origin === "array") out.push(eventIssue("event.too_many", path, { maximum }));
      else out.push(eventIssue("event.too_big", path, { maximum }));
      return;
    }
    case "invalid_value":
      out.push(
        eventIssue("event.invalid_enum", path, {
          allowed: issue.values.map((value) => JSON.stringify(value)).join(", "),
        }),
      );
      return;
    case "invalid_format":
      out.push(eventIssue("event.invalid_format", path, { format: issue.format }));
      return;
    default:
      out.push(eventIssue("event.invalid", path));
  }
}

/** Converts Zod issues into event issues with stable codes, capped at {@link MAX_ISSUES}. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) translate(issue, out);
  return capIssues(out);
}

/** Keeps the first {@link MAX_ISSUES} issues and says how many more there were. */
export function capIssues(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  return [
    ...issues.slice(0, MAX_ISSUES),
    eventIssue("event.too_many_issues", [], { count: issues.length - MAX_ISSUES }),
  ];
}
