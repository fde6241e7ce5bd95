/** One-shot measures of a store: everything it holds, read once. */
import {
  JourneyMetrics,
  type JourneyMetricsOptions,
  Scorecard,
  type ScorecardOptions,
} from "@goodfaith/measure";
import { type ExtraFacts, type MeasuredStore, StoreFollower } from "./follow.js";

/** Options of `scorecardFromStore`. */
export interface ScorecardFromStoreOptions extends ScorecardOptions {
  /** Notices sent or suppressed by a notifier outside the store (the store's own are read). */
  readonly notices?: ExtraFacts;
  /** Guard warnings shown at checkout, when the guard records them. */
  readonly warnings?: ExtraFacts;
}

/**
 * The trust scorecard of everything in the store: the logged events, every remedy as planned
 * and, from its transitions, executed or withdrawn, plus the notices and warnings given.
 */
export async function scorecardFromStore(
  store: MeasuredStore,
  options: ScorecardFromStoreOptions = {},
): Promise<Scorecard> {
  const { notices, warnings, ...scorecardOptions } = options;
  const scorecard = new Scorecard(scorecardOptions);
  const sources = [notices, warnings].filter((s): s is ExtraFacts => s !== undefined);
  await new StoreFollower(store, { scorecard }).poll(...sources);
  return scorecard;
}

/** The journey metrics of every logged event (windows end at the latest event's time). */
export async function journeyFromStore(
  store: MeasuredStore,
  options: JourneyMetricsOptions = {},
): Promise<JourneyMetrics> {
  const journey = new JourneyMetrics(options);
  await new StoreFollower(store, { journey }).poll();
  return journey;
}
