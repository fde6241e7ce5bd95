/** How the scorecard judges the business promises it checks itself. */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Scorecard options; every field has a documented default. */
export interface ScorecardOptions {
  /**
   * How late a flight may arrive and still count as on time (the industry's A15 convention).
   * @default 15 minutes
   */
  readonly onTimeToleranceMs?: number;
  /**
   * The highest rebuffer ratio (share of viewing time spent buffering) a session at its promised
   * quality may have.
   * @default 0.02
   */
  readonly maxRebufferRatio?: number;
  /**
   * The lowest average bitrate (kbit/s) for each promised quality.
   * @default { SD: 1500, HD: 5000, UHD: 15000 }
   */
  readonly minBitrateKbps?: Readonly<Record<"SD" | "HD" | "UHD", number>>;
  /**
   * How long after a guard warning a purchase of the same SKU by the same customer counts as
   * ignoring it; a warning with no such purchase is heeded once this window has passed.
   * @default 7 days
   */
  readonly heedWindowMs?: number;
  /**
   * How long a case or warning is kept after its last fact (or the last time it counts at,
   * such as a promised date), once nothing about it is pending. Past that it is retired: its
   * figures stay in the tallies, its ids join the explanation sample, and the memory it held is
   * freed. The figures equal a full recompute as long as no fact about a case arrives later than
   * this after the case's previous fact; a later one is counted as a new case. `Infinity` keeps
   * everything.
   * @default 90 days
   */
  readonly retainMs?: number;
  /**
   * How many retired cases or warnings each count of each bucket keeps the ids of (those with
   * the smallest keys), so that figures stay explainable after their cases are retired.
   * @default 10
   */
  readonly explanationSample?: number;
}

/** Options with every default filled in. */
export type ResolvedScorecardOptions = Readonly<Required<ScorecardOptions>>;

/** Fills in the defaults once, so the hot path reads plain fields. */
export function resolveScorecardOptions(options: ScorecardOptions = {}): ResolvedScorecardOptions {
  return Object.freeze({
    onTimeToleranceMs: options.onTimeToleranceMs ?? 15 * MINUTE,
    maxRebufferRatio: options.maxRebufferRatio ?? 0.02,
    minBitrateKbps: Object.freeze({ SD: 1500, HD: 5000, UHD: 15000, ...options.minBitrateKbps }),
    heedWindowMs: options.heedWindowMs ?? 7 * DAY,
    retainMs: options.retainMs ?? 90 * DAY,
    explanationSample: options.explanationSample ?? 10,
  });
}
