/**
 * The trust scorecard: the four dimensions of trust, competence against intention, and a
 * Trust Index, by day, week or month and by segment, channel or promise — maintained
 * incrementally as facts arrive, every figure explainable. Formulas: docs/scorecard.md.
 *
 * @example
 * ```ts
 * import { Scorecard, validateEvent } from "…";
 *
 * const scorecard = new Scorecard();
 * for (const line of lines) {
 *   const event = validateEvent(JSON.parse(line));
 *   if (event.ok) scorecard.add({ type: "event", event: event.value });
 * }
 * scorecard.add({ type: "remedy.executed", key: "late-delivery:o-7", at: Date.now() });
 * const [week] = scorecard.report({ by: "week" });
 * console.log(week?.figures.trustIndex, week?.figures.shares.toldFirst);
 * const why = scorecard.explain({ figure: "toldFirst", period: "week", at: Date.now() });
 * ```
 */

export { BUSINESS_PROMISES } from "./business-promise.js";
export {
  COUNTERS,
  type Counter,
  MONEY_COUNTERS,
  type MoneyCounter,
} from "./contribution.js";
export type { Explainable, ExplainedCount, ExplainedItem } from "./explain.js";
export {
  type EventFact,
  factTime,
  type NoticeFact,
  type RemedyExecuted,
  type RemedyPlanned,
  type RemedyWithdrawn,
  type ScorecardFact,
  type Subject,
  type WarningFact,
} from "./facts.js";
export {
  type Figures,
  RATIO_FIGURES,
  RATIOS,
  type RatioDefinition,
  type RatioFigure,
  TRUST_INDEX_WEIGHTS,
} from "./figures.js";
export { type ScorecardLabelKey, type ScorecardLabels, scorecardLabels } from "./messages.js";
export {
  type ResolvedScorecardOptions,
  resolveScorecardOptions,
  type ScorecardOptions,
} from "./options.js";
export { PERIODS, type Period, periodStart } from "./periods.js";
export type { ReportQuery, ScorecardRow } from "./report.js";
export { type ExplainQuery, Scorecard } from "./scorecard.js";
export { DIMENSIONS, type Dimension, UNKNOWN_VALUE } from "./tally.js";
