/** The sliding windows journey metrics are read over, in event time. */
import type { WindowSpec } from "./ring.js";

const MINUTE = 60_000;

/** Last 5 minutes (10 s intervals), last hour (1 min), last 24 hours (15 min). */
export const DEFAULT_WINDOWS: readonly WindowSpec[] = Object.freeze([
  { name: "5m", lengthMs: 5 * MINUTE, intervals: 30 },
  { name: "1h", lengthMs: 60 * MINUTE, intervals: 60 },
  { name: "24h", lengthMs: 24 * 60 * MINUTE, intervals: 96 },
]);
