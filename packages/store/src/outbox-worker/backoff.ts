/** Exponential backoff with full jitter: spreads retries so failing remedies do not stampede. */

/** The ceiling for retry `attempt` (1-based): `baseMs * 2^(attempt-1)`, at most `maxMs`. */
export function backoffCeiling(
  attempt: number,
  backoff: { readonly baseMs: number; readonly maxMs: number },
): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^1024 is Infinity, which min() caps, so large attempt numbers cannot overflow.
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}

/**
 * The delay before the next try after failed attempt number `attempt`: a uniform random
 * fraction of the ceiling (full jitter), whole milliseconds in [0, ceiling]. A `random` outside
 * [0, 1) is clamped, so a faulty source cannot schedule beyond the ceiling or in the past.
 */
export function backoffDelay(
  attempt: number,
  backoff: { readonly baseMs: number; readonly maxMs: number },
  random: () => number,
): number {
  const fraction = Math.min(1, Math.max(0, random()));
  return Math.floor(backoffCeiling(attempt, backoff) * (Number.isNaN(fraction) ? 0 : fraction));
}
