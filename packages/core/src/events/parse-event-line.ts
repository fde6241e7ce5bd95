import { fail, type Issue, type Result } from "../issue.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import type { GoodfaithEvent } from "./types.js";
import { validateEvent } from "./validate-event.js";
import { eventIssue } from "./zod-issues.js";

const POSITION = /at position (\d+)/;

/** The 0-based offset of a JSON syntax error: from V8's message when it names one, else scanned. */
function errorOffset(text: string, error: unknown): number | undefined {
  const named = error instanceof Error ? POSITION.exec(error.message) : null;
  if (named?.[1] !== undefined) return Number(named[1]);
  return jsonErrorOffset(text);
}

/** 1-based column in code points, as editors count, of a UTF-16 offset. */
function columnAt(text: string, offset: number): number {
  let column = 1;
  for (const _ of text.slice(0, Math.min(offset, text.length))) column++;
  return column;
}

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
    const offset = errorOffset(text, error);
    const column = offset === undefined ? 1 : columnAt(text, offset);
    return fail([{ ...eventIssue("event.invalid_json", []), line: lineNumber, column }]);
  }
  const result = validateEvent(input);
  if (result.ok) return result;
  return fail(result.issues.map((issue): Issue => ({ ...issue, line: lineNumber })));
}
