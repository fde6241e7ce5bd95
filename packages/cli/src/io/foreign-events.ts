/**
 * Event files in other shapes than JSON Lines of events, for `goodfaith ingest --format`:
 * Segment calls (one JSON call or batch per line, mapped as `POST /v1/segment` maps them) and
 * CSV with a header `id,type,time,customer,data` (`data` a JSON object). Like JSONL, every
 * valid event is kept and every invalid record reported with its line and why.
 */
import { createInterface } from "node:readline";
import { type Issue, parseEventLine, validateEvent } from "@goodfaith/core";
import { fromSegment, segmentCalls } from "@goodfaith/server";
import { parse } from "csv-parse";
import { type ByteMeter, meteredStream, type ReadEvent, type RejectedLine } from "./events.js";

/** The formats `goodfaith ingest` reads. */
export const EVENT_FORMATS = ["jsonl", "csv", "segment"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

const issue = (code: string, path: (string | number)[], line: number): Issue => ({
  code,
  messageKey: code,
  params: {},
  path,
  line,
});

// A raw event through the contract, located at `line` (and `prefix` inside a Segment batch).
function checked(
  file: string,
  line: number,
  raw: unknown,
  prefix: (string | number)[] = [],
): ReadEvent | RejectedLine {
  const result = validateEvent(raw);
  if (result.ok) return { file, line, event: result.value };
  return {
    file,
    line,
    issues: result.issues.map((i) => ({ ...i, path: [...prefix, ...i.path], line })),
  };
}

/** Segment `identify` / `track` calls (or `{ batch: [...] }`), one JSON value per line. */
export async function* readSegmentFile(
  file: string,
  meter?: ByteMeter,
): AsyncGenerator<ReadEvent | RejectedLine> {
  const lines = createInterface({ input: meteredStream(file, meter, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === "") continue;
    let body: unknown;
    try {
      // A byte-order mark at the start of a file is not part of the JSON.
      body = JSON.parse(n === 1 ? text.replace(/^\uFEFF/, "") : text);
    } catch {
      // Not JSON: the event-line parser says so, with the column of the syntax error.
      const located = parseEventLine(text, n);
      yield { file, line: n, issues: located.ok ? [] : located.issues };
      continue;
    }
    const calls = segmentCalls(body);
    for (const [i, call] of calls.entries()) {
      const prefix = calls.length > 1 || body !== call ? ["batch", i] : [];
      const mapped = fromSegment(call);
      yield mapped.ok
        ? checked(file, n, mapped.value, prefix)
        : {
            file,
            line: n,
            issues: mapped.issues.map((m) => ({ ...m, path: [...prefix, ...m.path], line: n })),
          };
    }
  }
}

const REQUIRED_COLUMNS = ["id", "type", "time"];
const CSV_COLUMNS = [...REQUIRED_COLUMNS, "customer", "data"];

/** CSV with a header naming `id`, `type`, `time`, `customer` (may be empty) and `data` (JSON). */
export async function* readCsvFile(
  file: string,
  meter?: ByteMeter,
): AsyncGenerator<ReadEvent | RejectedLine> {
  const skipped: RejectedLine[] = [];
  // A header that lacks a column the contract needs, or names one it does not know (a
  // misspelt `custmer` would drop every customer), is said once, at line 1, not per record.
  let badHeader: RejectedLine | undefined;
  const source = meteredStream(file, meter);
  const parser = source.pipe(
    parse({
      columns: (header: string[]) => {
        const ok =
          REQUIRED_COLUMNS.every((c) => header.includes(c)) &&
          header.every((c) => CSV_COLUMNS.includes(c));
        if (!ok) {
          const at = issue("event.csv_header", [], 1);
          badHeader = { file, line: 1, issues: [{ ...at, params: { columns: header.join(",") } }] };
        }
        return header;
      },
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        const line = (err as { lines?: number } | undefined)?.lines ?? 0;
        skipped.push({ file, line, issues: [issue("event.invalid_csv", [], line)] });
      },
    }),
  );
  // `pipe` does not pass a read error on: without this, a missing file would crash the process.
  source.on("error", (error) => parser.destroy(error));
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (badHeader !== undefined) break;
    const line = info.lines;
    // The parser skips bad records ahead of those it hands out: report them in file order.
    const later = skipped.findIndex((s) => s.line > line);
    yield* skipped.splice(0, later === -1 ? skipped.length : later);
    let data: unknown = {};
    if (record.data !== undefined && record.data.trim() !== "") {
      try {
        data = JSON.parse(record.data);
      } catch {
        yield { file, line, issues: [issue("event.invalid_json", ["data"], line)] };
        continue;
      }
    }
    yield checked(file, line, {
      id: record.id,
      type: record.type,
      time: record.time,
      ...(record.customer ? { customer: record.customer } : {}),
      data,
    });
  }
  if (badHeader !== undefined) {
    parser.destroy();
    yield badHeader;
    return;
  }
  yield* skipped.splice(0);
}
