/**
 * `goodfaith backtest`: replays past events through a promise set in shadow (nothing is
 * written anywhere) and reports what it would have paid, by promise and by day; with
 * `--against`, how a proposed set differs from the current one (given, or the store's).
 */

import { existsSync } from "node:fs";
import {
  type BacktestComparison,
  type BacktestCost,
  type BacktestReport,
  backtestSets,
  type CostDelta,
  type CountDelta,
  compareBacktests,
  formatMoney,
  type GoodfaithEvent,
  type Lang,
  type Money,
  money,
  POINTS,
  parseMoney,
  renderIssue,
  type ShardingBlocker,
  shardingBlocker,
} from "@goodfaith/core";
import { DEFAULT_STORE_PATH, isPostgresUrl, openStore } from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { loadDocuments } from "../io/documents.js";
import { distinctEvents, readEventFilesOrSay } from "../io/events.js";
import { helpOf } from "../io/localized-command.js";
import { formatCount, type MessageKey, t } from "../messages.js";
import {
  type AgainstOption,
  againstHeading,
  againstJson,
  loadAgainst,
} from "./backtest-against.js";
import { say } from "./backtest-messages.js";
import {
  defaultWorkers,
  type ShardRunner,
  shardedBacktest,
  workerShards,
} from "./backtest-shards.js";

/** Reads stored events with time in [from, to) in stream order: the `--db` source. */
export type OpenEvents = (
  url: string,
  range: { readonly from?: number; readonly to?: number },
) => AsyncIterable<GoodfaithEvent>;

/** The `--db` source: a store opened read-only for the replay, closed when it is done. */
export const storeEvents: OpenEvents = async function* (url, range) {
  const store = await openStore(url);
  try {
    for await (const { event } of store.readEvents(range)) yield event;
  } finally {
    await store.close();
  }
};

/** Options of `goodfaith backtest`. */
export interface BacktestCommandOptions {
  readonly promises: readonly string[];
  /** The current set's files; `true` (the option without files): the set the store keeps. */
  readonly against?: AgainstOption;
  readonly events?: readonly string[];
  readonly db?: string;
  readonly from?: string;
  readonly to?: string;
  readonly json?: boolean;
  /** Worker threads for a `--db` replay, sharded by customer. @default 2 with 2+ cores, else 1 */
  readonly workers?: string;
}

/** `YYYY-MM-DD` (UTC midnight) or an RFC 3339 time, as epoch ms; undefined when absent. */
export function parseTimeOption(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(date))
    return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}

/** A signed decimal amount from a report, as money. */
function toMoney(amount: string, currency: string): Money {
  const negative = amount.startsWith("-");
  const parsed = parseMoney(negative ? amount.slice(1) : amount, currency);
  if (!parsed.ok) throw new Error(`bad amount in backtest report: ${amount} ${currency}`);
  return money(negative ? -parsed.value.minor : parsed.value.minor, currency);
}

function costText(cost: BacktestCost | CostDelta, lang: Lang, signed = false): string {
  const parts = [
    ...cost.money.map((m) => toMoney(m.amount, m.currency)),
    toMoney(cost.points, POINTS),
  ]
    .filter((m) => m.minor !== 0n)
    .map((m) => (signed && m.minor > 0n ? "+" : "") + formatMoney(m, lang));
  return parts.length > 0 ? parts.join("; ") : say(lang, "nothing");
}

const signed = (n: number, lang: Lang) => (n > 0 ? "+" : "") + formatCount(lang, n);

function printReport(report: BacktestReport, files: readonly string[], ctx: CliContext): void {
  const { lang } = ctx;
  ctx.out(say(lang, "title", { promises: files.join(", ") }));
  if (report.window.from || report.window.to)
    ctx.out(
      `  ${say(lang, "window", { from: report.window.from ?? say(lang, "open"), to: report.window.to ?? say(lang, "open") })}`,
    );
  ctx.out(`  ${say(lang, "events", report.events)}`);
  const kinds = Object.entries(report.totals.byKind)
    .map(([k, n]) => `${t(lang, k as MessageKey)} ${formatCount(lang, n)}`)
    .join(", ");
  ctx.out(`  ${say(lang, "remedies", { count: report.totals.remedies, byKind: kinds || "—" })}`);
  ctx.out(`  ${say(lang, "customers", { count: report.totals.customers })}`);
  ctx.out(`  ${say(lang, "cost", { amounts: costText({ ...report.cost, points: "0" }, lang) })}`);
  ctx.out(
    `  ${say(lang, "points", { points: formatMoney(toMoney(report.cost.points, POINTS), lang) })}`,
  );
  if (report.totals.evaluationErrors > 0)
    ctx.out(`  ${say(lang, "errors", { count: report.totals.evaluationErrors })}`);
  ctx.out("");
  ctx.out(say(lang, "byPromise"));
  for (const [id, p] of Object.entries(report.promises))
    ctx.out(
      `  ${id} v${p.version}: ${say(lang, "row", { count: p.remedies, customers: p.customers, cost: costText(p.cost, lang) })}`,
    );
  ctx.out("");
  ctx.out(say(lang, "byDay"));
  const days = Object.entries(report.days);
  if (days.length === 0) ctx.out(`  ${t(lang, "none")}`);
  for (const [day, d] of days)
    ctx.out(
      `  ${day}: ${say(lang, "dayRow", { count: d.remedies, cost: costText(d.cost, lang) })}`,
    );
}

function printComparison(diff: BacktestComparison, heading: string, ctx: CliContext): void {
  const { lang } = ctx;
  const counts = (c: CountDelta) => ({ ...c, delta: signed(c.delta, lang) });
  ctx.out("");
  ctx.out(heading);
  for (const p of diff.promises)
    ctx.out(
      `  ${p.promise} — ${say(lang, "diffRow", { ...counts(p.remedies), status: say(lang, p.status), cost: costText(p.cost, lang, true) })}`,
    );
  ctx.out(`  ${say(lang, "totalRemedies", counts(diff.totals.remedies))}`);
  ctx.out(`  ${say(lang, "totalCustomers", counts(diff.totals.customers))}`);
  ctx.out(`  ${say(lang, "totalCost", { cost: costText(diff.totals.cost, lang, true) })}`);
  const examples = (ids: readonly string[], count: number) =>
    ids.length === 0 ? "" : ` (${ids.join(", ")}${count > ids.length ? ", …" : ""})`;
  ctx.out(
    `  ${say(lang, "onlyProposed", { count: diff.onlyProposed.count, examples: examples(diff.onlyProposed.examples, diff.onlyProposed.count) })}`,
  );
  ctx.out(
    `  ${say(lang, "onlyCurrent", { count: diff.onlyCurrent.count, examples: examples(diff.onlyCurrent.examples, diff.onlyCurrent.count) })}`,
  );
}

/** `--workers`: a whole number ≥ 1, the default when absent, null when invalid. */
function parseWorkers(value: string | undefined): number | null {
  if (value === undefined) return defaultWorkers();
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}

/**
 * `goodfaith backtest`; `openEvents` reads the store (tests pass their own source, which is
 * replayed in one thread); `runShard` runs one shard of a `--db` replay (a worker thread).
 */
export async function backtestCommand(
  opts: BacktestCommandOptions,
  ctx: CliContext,
  openEvents: OpenEvents = storeEvents,
  runShard?: ShardRunner,
): Promise<number> {
  const { lang } = ctx;
  const from = parseTimeOption(opts.from);
  const to = parseTimeOption(opts.to);
  for (const [option, value, ms] of [
    ["--from", opts.from, from],
    ["--to", opts.to, to],
  ] as const)
    if (ms === null) {
      ctx.err(say(lang, "badTime", { option, value: value ?? "" }));
      return EXIT.failure;
    }
  if (from != null && to != null && from >= to) {
    ctx.err(say(lang, "badWindow"));
    return EXIT.failure;
  }
  const requested = parseWorkers(opts.workers);
  if (requested === null) {
    ctx.err(say(lang, "badWorkers", { value: opts.workers ?? "" }));
    return EXIT.failure;
  }
  const hasEvents = (opts.events?.length ?? 0) > 0;
  // With --events, --db only names the store whose kept set --against (no files) compares with.
  if (hasEvents && opts.db !== undefined && opts.against !== true) {
    ctx.err(say(lang, "eventsWithDb"));
    return EXIT.failure;
  }
  // Like the other store commands, no --db means the default store — if there is one.
  const db = opts.db ?? DEFAULT_STORE_PATH;
  if (!hasEvents && opts.db === undefined && !existsSync(DEFAULT_STORE_PATH)) {
    ctx.err(say(lang, "noSource"));
    return EXIT.failure;
  }
  // A --db naming no SQLite file is a typo, not an empty history: say so, create nothing.
  if (!hasEvents && openEvents === storeEvents && !isPostgresUrl(db) && !existsSync(db)) {
    ctx.err(t(lang, "storeMissing", { db }));
    return EXIT.failure;
  }

  const proposedDocs = await loadDocuments(opts.promises, lang);
  const currentDocs = await loadAgainst(opts.against, db, ctx);
  // A file that could not be read (1) outranks one that does not load (2).
  let failed: number | undefined;
  for (const loaded of [proposedDocs, currentDocs])
    if (!loaded.ok) {
      if (failed !== EXIT.failure) failed = loaded.exit;
      for (const m of loaded.messages) ctx.err(m);
    }
  if (!proposedDocs.ok || !currentDocs.ok) return failed ?? EXIT.invalid;

  let rejectedLines = 0;
  let events: () => Iterable<GoodfaithEvent> | AsyncIterable<GoodfaithEvent>;
  if (hasEvents) {
    const read = await readEventFilesOrSay(opts.events ?? [], ctx);
    if (read === undefined) return EXIT.failure;
    rejectedLines = read.rejected.length;
    for (const r of read.rejected)
      for (const i of r.issues)
        ctx.err(
          `${r.file}: ${renderIssue(i.line === undefined ? { ...i, line: r.line } : i, lang)}`,
        );
    // Each id once, as the store keeps it: a repeated event is never replayed twice.
    const list = distinctEvents(read.events).events.map((e) => e.event);
    events = () => list;
  } else {
    // Earlier events build state, so the store is read from the start up to `to`.
    events = () => openEvents(db, to == null ? {} : { to });
  }
  const options = {
    ...(from == null ? {} : { from }),
    ...(to == null ? {} : { to }),
    // The store keeps each event id once: its replay needs no memory of ids.
    ...(!hasEvents && { engine: { uniqueIds: true } }),
  };
  // Only the store is sharded: its rows say whose each event is before it is parsed.
  const shardable = !hasEvents && openEvents === storeEvents && requested > 1;
  const blocker = shardable
    ? shardingBlocker([...proposedDocs.documents, ...currentDocs.documents])
    : undefined;
  const workers = shardable && !blocker ? requested : 1;

  let proposed: BacktestReport;
  let current: BacktestReport | undefined;
  try {
    if (workers > 1) {
      // The texts as read here, so a worker compiles exactly what this thread checked.
      const sets = opts.against
        ? [proposedDocs.sources, currentDocs.sources]
        : [proposedDocs.sources];
      const input = { db, shards: workers, sets, lang, ...options };
      const reports = await shardedBacktest(input, runShard ?? workerShards());
      [proposed, current] = reports as [BacktestReport, BacktestReport | undefined];
    } else {
      // One pass over the stream for both versions: the store is read and parsed once.
      const sets = [proposedDocs.documents, ...(opts.against ? [currentDocs.documents] : [])];
      [proposed, current] = (await backtestSets(sets, events(), options)) as [
        BacktestReport,
        BacktestReport | undefined,
      ];
    }
  } catch (err) {
    // Two documents of one set that share a promise id cannot be evaluated together.
    ctx.err((err as Error).message);
    return EXIT.invalid;
  }
  const comparison = current ? compareBacktests(proposed, current) : undefined;

  const why = blocker && oneThread(blocker, lang);
  if (opts.json) {
    // The body `POST /v1/backtests` answers, so a script reads both the same way.
    const report =
      current && comparison
        ? { proposed, against: current, comparison, ...againstJson(currentDocs) }
        : { proposed };
    ctx.out(JSON.stringify(why ? { ...report, workers: 1, why } : report));
  } else {
    printReport(proposed, opts.promises, ctx);
    if (comparison) printComparison(comparison, againstHeading(currentDocs, lang), ctx);
    if (why) {
      ctx.out("");
      ctx.out(say(lang, "oneWorker", { why: why.message }));
    }
  }
  const rejected = rejectedLines + proposed.totals.rejectedEvents;
  return rejected > 0 ? EXIT.rejected : EXIT.ok;
}

/** Why a `--db` replay ran in one thread, as `--json` gives it. */
function oneThread(
  blocker: ShardingBlocker,
  lang: Lang,
): ShardingBlocker & { readonly message: string } {
  return { ...blocker, message: say(lang, blocker.reason, { promise: blocker.promise }) };
}

/** Adds `goodfaith backtest` to the program; `--db` reads through `openEvents` (the store). */
export function registerBacktestCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
  openEvents: OpenEvents = storeEvents,
  runShard?: ShardRunner,
): void {
  const h = helpOf(program);
  program
    .command("backtest")
    .description(h("backtest"))
    .requiredOption("-p, --promises <files...>", h("backtestPromises"))
    .option("--against [files...]", h("backtestAgainst"))
    .option("-e, --events <files...>", h("backtestEvents"))
    .option("--db <url>", h("backtestDb"))
    .option("--from <time>", h("backtestFrom"))
    .option("--to <time>", h("backtestTo"))
    .option("--json", h("backtestJson"))
    .option("--workers <n>", h("backtestWorkers"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("examples"), [
          "goodfaith backtest --promises packs/airline/promises.yaml packs/eu261/promises.yaml --against packs/airline/promises.yaml --events packs/airline/events.jsonl",
          "goodfaith backtest -p packs/retail/promises.yaml -e packs/retail/events.jsonl --from 2026-11-01 --to 2026-12-01 --json",
          "goodfaith backtest -p packs/airline/promises.yaml packs/eu261/promises.yaml --db .goodfaith/goodfaith.db --workers 2",
          "goodfaith backtest -p packs/retail/promises.yaml packs/support/promises.yaml --against --db .goodfaith/goodfaith.db",
        ]),
      ),
    )
    .action(async (opts: BacktestCommandOptions) =>
      setExit(await backtestCommand(opts, ctx(), openEvents, runShard)),
    );
}
