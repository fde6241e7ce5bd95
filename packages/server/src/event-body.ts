/**
 * A `POST /v1/events` body → validated events and located rejections: one event or an array
 * as JSON, or NDJSON (one event per line). Validation is the core's, so every rejection
 * names its position, its field path and why, in the caller's language.
 */
import {
  type GoodfaithEvent,
  type Issue,
  jsonErrorLocation,
  type Lang,
  parseEventLine,
  validateEvent,
} from "@goodfaith/core";
import { apiIssue, type EventRejection, ProblemError } from "./problem.js";
import { requestIssue } from "./zod-issues.js";

/** The media types `POST /v1/events` reads. */
export const JSON_TYPES = ["application/json"] as const;
export const NDJSON_TYPES = [
  "application/x-ndjson",
  "application/ndjson",
  "application/jsonl",
  "application/x-jsonlines",
] as const;

/** The valid events of a body, where each was, and the rejected ones. */
export interface ParsedEvents {
  readonly events: GoodfaithEvent[];
  /** For each event: its index and (NDJSON) line in the request. */
  readonly positions: { readonly index: number; readonly line?: number }[];
  readonly rejected: EventRejection[];
  /** Items in the body, valid or not. */
  readonly count: number;
}

/** The media type without parameters, lower case. */
export function mediaType(header: string | undefined): string {
  return (header?.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * Parses JSON or throws the `invalid_json` problem, located in its detail and, for programs,
 * in its one issue's `line` and `column`.
 */
export function parseJsonBody(text: string, lang: Lang): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = jsonErrorLocation(text, error);
    throw new ProblemError("invalid_json", 400, where, {
      issues: [{ ...requestIssue("invalid_json", "", lang), ...where }],
    });
  }
}

/** Reads a body of `type` into events and rejections; throws problems for an unreadable body. */
export function parseEvents(
  text: string,
  type: string,
  lang: Lang,
  maxEvents: number,
): ParsedEvents {
  const out: ParsedEvents = { events: [], positions: [], rejected: [], count: 0 };
  const reject = (index: number, issues: readonly Issue[], line?: number) =>
    out.rejected.push({
      index,
      ...(line !== undefined && { line }),
      issues: issues.map((i) => apiIssue(i, lang)),
    });
  if ((NDJSON_TYPES as readonly string[]).includes(type)) {
    const lines = text.split("\n");
    let index = 0;
    for (const [n, raw] of lines.entries()) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      // Blank lines (a trailing newline, a separator) carry no event.
      if (line.trim() === "") continue;
      if (index >= maxEvents) tooMany(maxEvents, lines.filter((l) => l.trim() !== "").length);
      const result = parseEventLine(line, n + 1);
      if (result.ok) {
        out.events.push(result.value);
        out.positions.push({ index, line: n + 1 });
      } else reject(index, result.issues, n + 1);
      index++;
    }
    return { ...out, count: index };
  }
  if (!(JSON_TYPES as readonly string[]).includes(type)) {
    throw new ProblemError("unsupported_media_type", 415, {
      expected: [...JSON_TYPES, ...NDJSON_TYPES].join(", "),
      given: type || "—",
    });
  }
  const value = parseJsonBody(text, lang);
  return validateItems(Array.isArray(value) ? value : [value], lang, maxEvents);
}

/**
 * Validates raw items (already parsed JSON) as events, after `map` (e.g. a Segment call →
 * an event); an item `map` cannot translate is rejected with the issues it returns.
 */
export function validateItems(
  items: readonly unknown[],
  lang: Lang,
  maxEvents: number,
  map: (item: unknown) => MapResult = (item) => ({ ok: true, value: item }),
): ParsedEvents {
  if (items.length > maxEvents) tooMany(maxEvents, items.length);
  const out: ParsedEvents = { events: [], positions: [], rejected: [], count: items.length };
  items.forEach((item, index) => {
    const mapped = map(item);
    const result = mapped.ok ? validateEvent(mapped.value) : mapped;
    if (result.ok) {
      out.events.push(result.value);
      out.positions.push({ index });
    } else {
      out.rejected.push({ index, issues: result.issues.map((i) => apiIssue(i, lang)) });
    }
  });
  return out;
}

/** A translation of a foreign message into a raw event, or why it has none. */
export type MapResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly Issue[] };

function tooMany(limit: number, count: number): never {
  throw new ProblemError("too_many_events", 413, { limit, count });
}
