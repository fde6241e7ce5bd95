/**
 * Per-key rate limits: a token bucket per API key, refilled continuously. In-process, so
 * each server instance limits on its own (a cluster's limit is instances × this).
 */

/** A bucket's size and refill rate. */
export interface RateLimit {
  /** Requests per second, sustained. */
  readonly perSecond: number;
  /** Requests allowed at once after a quiet spell. */
  readonly burst: number;
}

/** The outcome: allowed, or how many seconds until the next request would be. */
export type RateDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfter: number };

const ALLOWED: RateDecision = { ok: true };

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Takes one token from `key`'s bucket if there is one. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    const refilled = (Math.max(0, now - bucket.at) / 1000) * this.limit.perSecond;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + refilled);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return ALLOWED;
    }
    return {
      ok: false,
      retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond)),
    };
  }
}
