/**
 * `goodfaith ingest`: event files into the durable store, through the engine, with remedies
 * recorded once and appended to the ledger. Safe to re-run and to kill at any instant.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { type Issue, jsonSafe, type Lang, type Notice, UnknownTypeTally } from "@goodfaith/core";
import { DEFAULT_STORE_PATH, Ingestor, isPostgresUrl, noticeFileOutbox } from "@goodfaith/store";
import { type Command, Option } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { loadDocuments } from "../io/documents.js";
import {
  type ByteMeter,
  type ReadEvent,
  type RejectedLine,
  readEventFile,
  readEventFiles,
  rejectedLineText,
  unreadableFile,
} from "../io/events.js";
import { describeError } from "../io/file-error.js";
import { EVENT_FORMATS, type EventFormat } from "../io/foreign-events.js";
import { helpOf } from "../io/localized-command.js";
import { formatCount, t } from "../messages.js";
import { type IngestProgress, progressLine } from "./ingest-progress.js";
import {
  type PromisesInEffect,
  promisesInEffect,
  promisesInEffectJson,
  promisesInEffectLine,
} from "./promise-set.js";
import { dbHelp, openCliStore, redact } from "./store-options.js";

/** Options of `goodfaith ingest`. */
export interface IngestCommandOptions {
  readonly files: readonly string[];
  /** Promise documents to adopt and decide with; none: the set the store keeps. */
  readonly promises: readonly string[];
  /** @default DEFAULT_STORE_PATH */
  readonly db?: string;
  /** Events per committed batch. @default 1000 */
  readonly batch?: number;
  /** What the files hold. @default "jsonl" */
  readonly format?: EventFormat;
  readonly json?: boolean;
  /** A JSON Lines file the notices ready to send are appended to, one per line. */
  readonly notices?: string;
  /**
   * Called after each batch with the events read so far, the time taken and, when the input's
   * size is known, the share read; the CLI draws it on a TTY (see `progressLine`).
   */
  readonly progress?: (progress: IngestProgress) => void;
  /** Called once reading is over, before the summary (the CLI ends its progress line). */
  readonly progressEnd?: () => void;
}

/** How many notices to customers a run created, by status. */
type NoticeCounts = Record<"created" | Notice["status"], number>;

interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly issues: readonly Issue[];
}

/** `goodfaith ingest`: resolves to the exit code. */
export async function ingestCommand(opts: IngestCommandOptions, ctx: CliContext): Promise<number> {
  const size = opts.batch ?? 1000;
  if (!Number.isSafeInteger(size) || size < 1) {
    ctx.err(t(ctx.lang, "badWhole", { option: "--batch", min: 1 }));
    return EXIT.failure;
  }
  const given = opts.promises.length > 0;
  const loaded = given ? await loadDocuments(opts.promises, ctx.lang) : undefined;
  if (loaded !== undefined && !loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  // Every input is checked before the store is opened: a command that fails on its input
  // leaves no new, empty store behind.
  const unreadable = await unreadableFile(opts.files);
  if (unreadable !== undefined) {
    ctx.err(describeError(unreadable, ctx.lang));
    return EXIT.failure;
  }
  const db = opts.db ?? DEFAULT_STORE_PATH;
  if (!given && !isPostgresUrl(db) && !existsSync(db)) {
    ctx.err(t(ctx.lang, "promisesNoneGiven", { db }));
    return EXIT.failure;
  }
  const store = await openCliStore(opts.db, ctx);
  if (store === undefined) return EXIT.failure;
  const started = performance.now();
  const totals = { read: 0, accepted: 0, duplicates: 0, created: 0, existing: 0 };
  const notices: NoticeCounts = { created: 0, ready: 0, held: 0, suppressed: 0 };
  const unknown = new UnknownTypeTally();
  const outbox = opts.notices === undefined ? undefined : noticeFileOutbox(opts.notices);
  const rejected: Rejection[] = [];
  let lastSeq: number | undefined;
  let promises: PromisesInEffect;
  try {
    // Adopted before any event is decided by them; a set that did not load was refused above.
    promises = await promisesInEffect(store, loaded, "cli:ingest", ctx);
    if (!promises.ok) return promises.exit;
    if (promises.from === "none") {
      ctx.err(t(ctx.lang, "promisesNoneGiven", { db: redact(db) }));
      return EXIT.failure;
    }
    const ingestor = await Ingestor.open(store, promises.documents, {
      notices: {
        onCreated: async (created) => {
          notices.created += created.length;
          for (const n of created) notices[n.status]++;
          await outbox?.(created);
        },
      },
    });
    lastSeq = ingestor.seq;
    const flush = async (batch: readonly ReadEvent[]) => {
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      const result = await ingestor.ingestValid(
        batch.map((e) => e.event),
        (committed, seq) => {
          // Printed once appendEvents returned: every line up to `line` is durable.
          if (opts.json) {
            ctx.out(
              JSON.stringify({
                committed,
                lastSeq: seq ?? null,
                file: last?.file,
                line: last?.line,
              }),
            );
          }
        },
      );
      totals.accepted += result.accepted;
      totals.duplicates += result.duplicates;
      totals.created += result.remedies.created;
      totals.existing += result.remedies.existing;
      lastSeq = result.lastSeq ?? lastSeq;
      for (const r of result.rejected) {
        const at = batch[r.index];
        if (at !== undefined) rejected.push({ file: at.file, line: at.line, issues: r.issues });
      }
      if (opts.progress !== undefined) {
        const done = input.done();
        opts.progress({
          events: totals.read,
          elapsedMs: performance.now() - started,
          ...(done !== undefined && { done }),
        });
      }
    };
    let batch: ReadEvent[] = [];
    const input = await inEventOrder(opts.files, opts.format ?? "jsonl");
    for await (const item of input.items) {
      totals.read++;
      if (!("event" in item)) {
        rejected.push(item);
        continue;
      }
      batch.push(item);
      unknown.add(item.event.type);
      if (batch.length >= size) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
    await ingestor.checkpoint();
  } catch (error) {
    opts.progressEnd?.();
    ctx.err(describeError(error, ctx.lang));
    return EXIT.failure;
  } finally {
    await store.close();
  }
  opts.progressEnd?.();
  report(opts, ctx, { totals, rejected, lastSeq, notices, unknown, promises });
  return rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}

/** The events of the input, and how much of it was read (0 to 1, undefined if unknown). */
interface Input {
  readonly items: AsyncGenerator<ReadEvent | RejectedLine>;
  done(): number | undefined;
}

/**
 * The events of `files` in event-time order, like `goodfaith run`: one file is streamed as
 * it is (its share read is its bytes read over its size, unknown for stdin or a pipe);
 * several are read whole and merged by event time (stable: equal times keep file order), and
 * their share is the events handed out over all of them. Rejected lines come first, each with
 * its file and line.
 */
async function inEventOrder(files: readonly string[], format: EventFormat): Promise<Input> {
  const [only] = files;
  if (files.length === 1 && only !== undefined) {
    const meter: ByteMeter = { bytes: 0 };
    const size = await sizeOf(only);
    return {
      items: readEventFile(only, format, meter),
      done: () => (size === undefined ? undefined : meter.bytes / size),
    };
  }
  let total: number | undefined;
  let given = 0;
  async function* merged(): AsyncGenerator<ReadEvent | RejectedLine> {
    const { events, rejected } = await readEventFiles(files, format);
    total = rejected.length + events.length;
    for (const item of [...rejected, ...events]) {
      given++;
      yield item;
    }
  }
  return {
    items: merged(),
    done: () => (total === undefined || total === 0 ? undefined : given / total),
  };
}

// A regular file's size; undefined for anything else (stdin, a pipe, a device) or an empty one.
async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() && info.size > 0 ? info.size : undefined;
  } catch {
    return undefined; // reading it will say what is wrong
  }
}

/** What an ingest run did, for its summary. */
interface IngestOutcome {
  readonly totals: {
    read: number;
    accepted: number;
    duplicates: number;
    created: number;
    existing: number;
  };
  readonly rejected: readonly Rejection[];
  readonly lastSeq: number | undefined;
  readonly notices: NoticeCounts;
  /** Events read of types the contract does not define: a misspelt type shows here. */
  readonly unknown: UnknownTypeTally;
  /** The promise set the events were decided by. */
  readonly promises: PromisesInEffect;
}

function report(opts: IngestCommandOptions, ctx: CliContext, outcome: IngestOutcome): void {
  const { totals, rejected, lastSeq, notices } = outcome;
  const unknownTypes = outcome.unknown.list();
  if (opts.json) {
    for (const r of rejected) {
      ctx.out(
        JSON.stringify({
          type: "rejected",
          file: r.file,
          line: r.line,
          issues: jsonSafe(r.issues),
        }),
      );
    }
    ctx.out(
      JSON.stringify({
        type: "summary",
        read: totals.read,
        accepted: totals.accepted,
        duplicates: totals.duplicates,
        rejected: rejected.length,
        remedies: { created: totals.created, existing: totals.existing },
        notices: { ...notices, ...(opts.notices !== undefined && { file: opts.notices }) },
        unknownTypes,
        lastSeq: lastSeq ?? 0,
        promises: promisesInEffectJson(outcome.promises),
      }),
    );
  } else {
    ctx.out(t(ctx.lang, "ingested", { db: redact(opts.db ?? DEFAULT_STORE_PATH) }));
    ctx.out(promisesInEffectLine(ctx.lang, outcome.promises));
    ctx.out(
      t(ctx.lang, "ingestLines", {
        read: totals.read,
        accepted: totals.accepted,
        duplicates: totals.duplicates,
        rejected: rejected.length,
      }),
    );
    ctx.out(t(ctx.lang, "ingestRemedies", { created: totals.created, existing: totals.existing }));
    ctx.out(t(ctx.lang, "ingestNotices", notices));
    if (opts.notices !== undefined && notices.ready > 0) {
      ctx.out(t(ctx.lang, "ingestNoticesFile", { file: opts.notices }));
    }
    ctx.out(t(ctx.lang, "ingestSeq", { seq: lastSeq ?? 0 }));
    if (unknownTypes.length > 0) {
      ctx.out(
        t(ctx.lang, "ingestUnknownTypes", {
          count: unknownTypes.reduce((n, u) => n + u.count, 0),
          types: unknownTypes
            .map((u) => `${u.type} (${formatCount(ctx.lang, u.count)})`)
            .join(", "),
        }),
      );
    }
  }
  if (rejected.length > 0) {
    ctx.err(t(ctx.lang, "rejectedLines"));
    for (const r of rejected) {
      for (const i of r.issues) {
        ctx.err(`  ${rejectedLineText(r, i, ctx.lang)}`);
      }
    }
  }
}

/** A progress line on stderr, redrawn in place (and cleared to the end); only for a terminal. */
function ttyProgress(lang: Lang): (progress: IngestProgress) => void {
  return (progress) => process.stderr.write(`\r  ${progressLine(progress, lang)}\x1b[K`);
}

/** Adds `goodfaith ingest` to `program`. */
export function registerIngestCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  program
    .command("ingest")
    .description(h("ingest"))
    .argument("<files...>", h("ingestFiles"))
    .option("-p, --promises <files...>", h("ingestPromises"), [])
    .option("--db <path-or-url>", dbHelp(h))
    .option("--batch <n>", h("ingestBatch"), "1000")
    .addOption(
      new Option("--format <format>", h("ingestFormat")).choices(EVENT_FORMATS).default("jsonl"),
    )
    .option("--notices <file.jsonl>", h("ingestNotices"))
    .option("--json", h("ingestJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("ingestNotes"),
        examples(h("example"), [
          "goodfaith ingest packs/airline/events.jsonl --promises packs/airline/promises.yaml packs/eu261/promises.yaml",
          "goodfaith ingest packs/retail/events.jsonl -p packs/retail/promises.yaml --notices notices.jsonl",
          "goodfaith ingest packs/retail/events.jsonl",
        ]),
      ),
    )
    .action(
      async (
        files: string[],
        opts: {
          promises: string[];
          db?: string;
          batch: string;
          format: EventFormat;
          json?: boolean;
          notices?: string;
        },
      ) => {
        const tty = process.stderr.isTTY === true;
        const context = ctx();
        const code = await ingestCommand(
          {
            files,
            promises: opts.promises,
            batch: Number(opts.batch),
            format: opts.format,
            ...(opts.db !== undefined && { db: opts.db }),
            ...(opts.json !== undefined && { json: opts.json }),
            ...(opts.notices !== undefined && { notices: opts.notices }),
            ...(tty && {
              progress: ttyProgress(context.lang),
              progressEnd: () => process.stderr.write("\n"),
            }),
          },
          context,
        );
        setExit(code);
      },
    );
}
