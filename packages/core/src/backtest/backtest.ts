/**
 * Backtests: replay an event stream through a promise set in shadow — a fresh engine in
 * memory, nothing written anywhere — and report what it would have paid, to whom, and when.
 */

import { Engine, type EngineOptions } from "../engine/engine.js";
import type { EngineEvent } from "../engine/event-data.js";
import { eventTime } from "../engine/event-time.js";
import type { Outcome } from "../engine/outcome.js";
import type { PromiseDocument } from "../promises/document.js";
import { type BacktestReport, BacktestTally } from "./report.js";

/** Options of a backtest; times are epoch ms. */
export interface BacktestOptions {
  /**
   * Remedies are counted from this instant; earlier events still build state.
   * @default the start of the stream
   */
  readonly from?: number;
  /**
   * Remedies are counted before this instant; later events are not replayed.
   * @default the end of the stream
   */
  readonly to?: number;
  /**
   * Event time is moved here at the end, firing every deadline before it.
   * @default `to`, or nothing when `to` is open (like a plain engine run)
   */
  readonly until?: number;
  /** Passed to the engine. */
  readonly engine?: EngineOptions;
}

type Events = Iterable<EngineEvent> | AsyncIterable<EngineEvent>;

const isAsync = (events: Events): events is AsyncIterable<EngineEvent> =>
  Symbol.asyncIterator in events;

/**
 * One backtest fed event by event: what `backtest` runs, and what a shard of a sharded
 * backtest runs over its own customers' events, the shared events, and only the time of the
 * others' (so its deadlines fire at exactly the moments they fire in the whole stream).
 */
export class BacktestRun {
  private readonly engine: Engine;
  private readonly tally: BacktestTally;
  private done = false;

  constructor(
    documents: readonly PromiseDocument[],
    private readonly options: BacktestOptions = {},
  ) {
    // The report counts remedies and money; it never shows an explanation.
    this.engine = new Engine(documents, { explanations: false, ...options.engine });
    this.tally = new BacktestTally(this.engine.promises);
  }

  private inWindow(at: number): boolean {
    const { from, to } = this.options;
    return (from === undefined || at >= from) && (to === undefined || at < to);
  }

  private take(outcomes: readonly Outcome[], stepAt: number, counted: boolean): void {
    for (const o of outcomes) {
      switch (o.type) {
        case "remedy": {
          const at = eventTime(o.at);
          if (this.inWindow(at)) this.tally.add(o, at);
          break;
        }
        case "evaluation_error":
          if (this.inWindow(stepAt)) this.tally.evaluationErrors++;
          break;
        case "rejected":
          if (counted && this.inWindow(stepAt)) this.tally.rejectedEvents++;
          break;
        default: {
          const never: never = o;
          throw new Error(`unknown outcome ${JSON.stringify(never)}`);
        }
      }
    }
  }

  /**
   * Replays one event (in stream order). `counted` says whether it counts in the report's
   * event totals: a shared event every shard replays is counted by one of them only.
   */
  event(e: EngineEvent, counted = true): void {
    const at = eventTime(e.time);
    const { to } = this.options;
    if (to !== undefined && at >= to) return;
    if (counted) {
      this.tally.replayed++;
      if (this.inWindow(at)) this.tally.inWindow++;
    }
    this.take(this.engine.process(e), at, counted);
  }

  /** Another shard's event at `at` (epoch ms): nothing is applied, but event time passes. */
  passTime(at: number): void {
    const { to } = this.options;
    if (to !== undefined && at >= to) return;
    this.take(this.engine.advanceTo(at), at, false);
  }

  /** Ends the replay (moving time to `until`/`to`) and returns the report; call once. */
  report(): BacktestReport {
    if (this.done) throw new Error("BacktestRun.report called twice");
    this.done = true;
    const { from, to } = this.options;
    const end = this.options.until ?? to;
    // Failures while advancing belong to deadlines before `end`, so inside the window.
    if (end !== undefined)
      this.take(this.engine.advanceTo(end), to === undefined ? end : Math.min(end, to - 1), false);
    return this.tally.toReport(from, to);
  }
}

/**
 * Replays `events` (in time order) through a fresh engine over `documents` and tallies the
 * remedies whose `at` falls in [from, to). Pure: the same input always gives the same report.
 */
export async function backtest(
  documents: readonly PromiseDocument[],
  events: Events,
  options: BacktestOptions = {},
): Promise<BacktestReport> {
  const [report] = await backtestSets([documents], events, options);
  return report as BacktestReport;
}

/**
 * `backtest` of several promise sets over one pass of `events`, each event given to every
 * set's engine in turn (an engine never changes an event): a stream read from a store or a
 * file is read and parsed once however many versions are compared. One report per set.
 */
export async function backtestSets(
  sets: readonly (readonly PromiseDocument[])[],
  events: Events,
  options: BacktestOptions = {},
): Promise<BacktestReport[]> {
  const runs = sets.map((documents) => new BacktestRun(documents, options));
  const replay = (e: EngineEvent) => {
    for (const run of runs) run.event(e);
  };
  if (isAsync(events)) for await (const e of events) replay(e);
  else for (const e of events) replay(e);
  return runs.map((run) => run.report());
}
