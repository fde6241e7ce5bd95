/**
 * Journey-stage metrics in real time: purchases, delivery lateness, streaming rebuffering,
 * flight arrival delay and support wait, over sliding windows in event time (5 min, 1 h,
 * 24 h), with mergeable DDSketch quantiles within a stated relative error.
 *
 * @example
 * ```ts
 * const metrics = new JourneyMetrics();
 * for (const event of validEvents) metrics.observe(event);
 * const now = metrics.snapshot();
 * console.log(now.distributions.supportWaitSeconds["5m"]); // { count, p50, p95, p99, min, max }
 * ```
 */

export {
  JOURNEY_METRICS,
  JOURNEY_STAGES,
  type JourneyMetricName,
  JourneyMetrics,
  type JourneyMetricsOptions,
  type JourneySnapshot,
  type JourneyStage,
} from "./journey-metrics.js";
export { type JourneyLabelKey, type JourneyLabels, journeyLabels } from "./messages.js";
export type { DistributionSummary } from "./metric.js";
export { QUANTILES } from "./metric.js";
export type { WindowSpec } from "./ring.js";
export { DEFAULT_RELATIVE_ACCURACY, DYNAMIC_RANGE_DECADES, SignedSketch } from "./signed-sketch.js";
export { DEFAULT_WINDOWS } from "./windows.js";
