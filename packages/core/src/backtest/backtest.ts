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
 * Replays `events` (in time order) through a fresh engine over `documents` and tallies the
 * remedies whose `at` falls in [from, to). Pure: the same input always gives the same report.
 */
export async function backtest(
  documents: readonly PromiseDocument[],
  events: Events,
  options: BacktestOptions = {},
): Promise<BacktestReport> {
  const { from, to } = options;
  const engine = new Engine(documents, options.engine ?? {});
  const tally = new BacktestTally(engine.promises);
  const inWindow = (at: number) =>
    (from === undefined || at >= from) && (to === undefined || at < to);

  const take = (outcomes: readonly Outcome[], stepAt: number): void => {
    for (const o of outcomes) {
      switch (o.type) {
        case "remedy": {
          const at = eventTime(o.at);
          if (inWindow(at)) tally.add(o, at);
          break;
        }
        case "evaluation_error":
          if (inWindow(stepAt)) tally.evaluationErrors++;
          break;
        case "rejected":
          if (inWindow(stepAt)) tally.rejectedEvents++;
          break;
        default: {
          const never: never = o;
          throw new Error(`unknown outcome ${JSON.stringify(never)}`);
        }
      }
    }
  };
  const step = (e: EngineEvent): void => {
    const at = eventTime(e.time);
    if (to !== undefined && at >= to) return;
    tally.replayed++;
    if (inWindow(at)) tally.inWindow++;
    take(engine.process(e), at);
  };

  if (isAsync(events)) for await (const e of events) step(e);
  else for (const e of events) step(e);
  const end = options.until ?? to;
  // Failures while advancing belong to deadlines before `end`, so inside the window.
  if (end !== undefined)
    take(engine.advanceTo(end), to === undefined ? end : Math.min(end, to - 1));
  return tally.toReport(from, to);
}
