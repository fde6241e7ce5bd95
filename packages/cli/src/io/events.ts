import { constants, createReadStream, type ReadStream } from "node:fs";
import { access, open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import {
  type GoodfaithEvent,
  type Issue,
  type Lang,
  parseEventLine,
  renderIssue,
} from "@goodfaith/core";
import type { CliContext } from "./context.js";
import { describeError } from "./file-error.js";
import { type EventFormat, readCsvFile, readSegmentFile } from "./foreign-events.js";

/** An event read from a file, with where it came from. */
export interface ReadEvent {
  readonly file: string;
  readonly line: number;
  readonly event: GoodfaithEvent;
}

/** A line that is not a valid event. */
export interface RejectedLine {
  readonly file: string;
  readonly line: number;
  readonly issues: readonly Issue[];
}

/** One issue of a rejected line as `file:line[:column]: message`, the way editors jump to it. */
export function rejectedLineText(rejected: RejectedLine, issue: Issue, lang: Lang): string {
  const at = [rejected.file, issue.line ?? rejected.line];
  if (issue.column !== undefined) at.push(issue.column);
  return `${at.join(":")}: ${renderIssue(issue, lang, { lines: false })}`;
}

/** How many bytes of a file a reader has read so far, for a progress line; the reader sets it. */
export interface ByteMeter {
  bytes: number;
}

/** `file` as a read stream that keeps `meter` (if any) up to date with the bytes read. */
export function meteredStream(
  file: string,
  meter?: ByteMeter,
  encoding?: BufferEncoding,
): ReadStream {
  const stream = createReadStream(file, encoding);
  // A failed read does not say of which file (EISDIR has no path): every error here names it.
  stream.on("error", (error: NodeJS.ErrnoException) => {
    error.path ??= file;
  });
  if (meter !== undefined) {
    stream.on("data", () => {
      meter.bytes = stream.bytesRead;
    });
  }
  return stream;
}

/**
 * Reads JSON Lines event files. Every valid event is kept; every invalid line is reported
 * with its file, line and issues, and reading goes on. Blank lines are skipped. `meter`
 * follows the bytes read.
 */
export async function* readEventFile(
  file: string,
  format: EventFormat = "jsonl",
  meter?: ByteMeter,
): AsyncGenerator<ReadEvent | RejectedLine> {
  if (format === "csv") return yield* readCsvFile(file, meter);
  if (format === "segment") return yield* readSegmentFile(file, meter);
  const lines = createInterface({
    input: meteredStream(file, meter, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === "") continue;
    const result = parseEventLine(text, n);
    yield result.ok
      ? { file, line: n, event: result.value }
      : { file, line: n, issues: result.issues };
  }
}

/**
 * Reads several event files into one stream ordered by event time (stable: events with the
 * same time keep file order), so packs' sample streams can be run together.
 */
export async function readEventFiles(
  files: readonly string[],
  format: EventFormat = "jsonl",
): Promise<{ events: ReadEvent[]; rejected: RejectedLine[] }> {
  const events: ReadEvent[] = [];
  const rejected: RejectedLine[] = [];
  for (const file of files) {
    for await (const item of readEventFile(file, format)) {
      if ("event" in item) events.push(item);
      else rejected.push(item);
    }
  }
  if (files.length > 1) events.sort((a, b) => Date.parse(a.event.time) - Date.parse(b.event.time));
  return { events, rejected };
}

/** `readEventFiles`, or undefined once the reader is told which file could not be read, and why. */
export async function readEventFilesOrSay(
  files: readonly string[],
  ctx: CliContext,
): Promise<Awaited<ReturnType<typeof readEventFiles>> | undefined> {
  try {
    return await readEventFiles(files);
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    return undefined;
  }
}

/**
 * The events in order with each id kept once (its first copy), and how many copies were left
 * out: as a store appends an id once, so the same incident is never decided twice — the
 * engine's own memory of ids forgets those older than its window.
 */
export function distinctEvents(events: readonly ReadEvent[]): {
  events: ReadEvent[];
  duplicates: number;
} {
  const seen = new Set<string>();
  const distinct: ReadEvent[] = [];
  for (const read of events) {
    if (seen.has(read.event.id)) continue;
    seen.add(read.event.id);
    distinct.push(read);
  }
  return { events: distinct, duplicates: events.length - distinct.length };
}

/**
 * Why the first of `files` that cannot be read cannot (the error names it), or undefined when
 * every one can: checked before a command makes anything, such as a store. A regular file is
 * opened and closed; anything else (a pipe, stdin) is only checked for permission, as opening
 * a pipe would wait for its writer.
 */
export async function unreadableFile(
  files: readonly string[],
): Promise<NodeJS.ErrnoException | undefined> {
  for (const file of files) {
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        const error: NodeJS.ErrnoException = new Error(`EISDIR: ${file}`);
        error.code = "EISDIR";
        throw error;
      }
      if (info.isFile()) await (await open(file, "r")).close();
      else await access(file, constants.R_OK);
    } catch (error) {
      (error as NodeJS.ErrnoException).path ??= file;
      return error as NodeJS.ErrnoException;
    }
  }
  return undefined;
}
