/**
 * The scorecard and journey metrics from the durable store: events from the log (guard warnings
 * among them, as `guard.warned` events), remedies with their moves, and notices.
 *
 * @example
 * ```ts
 * const store = await openStore(".goodfaith/goodfaith.db");
 * const scorecard = await scorecardFromStore(store);
 * console.log(scorecard.report({ by: "week" })[0]?.figures.trustIndex);
 * const journey = await journeyFromStore(store);
 * console.log(journey.snapshot().distributions.supportWaitSeconds["24h"]);
 * ```
 */
export { type Bucket, bucketName, parseBucket } from "./bucket.js";
export {
  EXPLAINABLE,
  type ExplainQueryResult,
  type ExplainRequest,
  explainQuery,
  isExplainable,
} from "./explain-query.js";
export {
  type ExtraFacts,
  type MeasuredStore,
  type MeasureSinks,
  type PollResult,
  StoreFollower,
} from "./follow.js";
export {
  journeyFromStore,
  type ScorecardFromStoreOptions,
  scorecardFromStore,
} from "./from-store.js";
export { journeyJson, rowBucket, type ScorecardRowJson, scorecardRowsJson } from "./json.js";
export { remedyFacts, remedySubject } from "./remedy-facts.js";
export { GUARD_WARNED, warningEvent, warningFact } from "./warning-events.js";
