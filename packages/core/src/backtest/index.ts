/**
 * Backtests: what a promise set would have done over past events, and how two sets differ.
 *
 * @example
 * ```ts
 * const proposed = await backtest([proposedDoc], events, { from: Date.parse("2026-11-01") });
 * // Two versions over one pass of the stream:
 * const [next, current] = await backtestSets([[proposedDoc], [currentDoc]], events);
 * console.log(compareBacktests(next, current).onlyProposed.count);
 * ```
 */
export { type BacktestOptions, BacktestRun, backtest, backtestSets } from "./backtest.js";
export {
  type BacktestComparison,
  type CostDelta,
  type CountDelta,
  type CustomerDiff,
  compareBacktests,
  EXAMPLE_CUSTOMERS,
  type PromiseDiff,
} from "./compare.js";
export type { BacktestCost, BacktestReport, DayBacktest, PromiseBacktest } from "./report.js";
export { mergeBacktests, type ShardingBlocker, shardingBlocker, shardOf } from "./shards.js";
