import { fail, type Issue, type Result } from "../issue.js";
import { jsonErrorLocation } from "./json-error-offset.js";
import type { GoodfaithEvent } from "./types.js";
import { validateEvent } from "./validate-event.js";
import { eventIssue } from "./zod-issues.js";

/**
 * Parses and validates one line of a JSONL file (`lineNumber` is 1-based). Never throws; every
 * issue carries the line, and a JSON syntax error also the column where it was found.
 */
export function parseEventLine(line: string, lineNumber: number): Result<GoodfaithEvent> {
  // A byte-order mark at the start of a file is not part of the JSON.
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  if (text.trim() === "")
    return fail([{ ...eventIssue("event.empty_line", []), line: lineNumber }]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const { column } = jsonErrorLocation(text, error);
    return fail([{ ...eventIssue("event.invalid_json", []), line: lineNumber, column }]);
  }
  const result = validateEvent(input);
  if (result.ok) return result;
  return fail(result.issues.map((issue): Issue => ({ ...issue, line: lineNumber })));
}
