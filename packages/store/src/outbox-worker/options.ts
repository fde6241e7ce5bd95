/** The outbox worker's options, resolved once into a frozen object with every default filled. */
import { hostname } from "node:os";
import type { StoredRemedy } from "@goodfaith/core";

/** Exponential backoff with full jitter between automatic attempts. */
export interface BackoffOptions {
  /** The ceiling before the first retry: attempt n waits up to `baseMs * 2^(n-1)`. @default 1000 */
  readonly baseMs?: number;
  /** The largest ceiling, whatever the attempt number. @default 3_600_000 (one hour) */
  readonly maxMs?: number;
}

/** How `runOutbox` works. */
export interface OutboxOptions {
  /**
   * This worker's name: the store records it on each claim and attempt, and the ledger names
   * it as `executor:<worker>`. Two workers running at once must have different names.
   * @default `<hostname>:<pid>`
   */
  readonly worker?: string;
  /** Remedies claimed per run. @default 50 */
  readonly limit?: number;
  /**
   * How long a claim lasts, and again from the start of its attempt; a remedy still executing
   * after that (its worker died, or the other system never confirmed) is claimed again by the
   * next run, and a claim that ran out before its turn is not executed here. Must exceed the
   * longest execution. @default 300_000 (five minutes)
   */
  readonly leaseMs?: number;
  /**
   * Attempts after which a failing remedy, or one handed over and never confirmed (each send
   * whose lease ran out is an attempt; a claim that never sent is not), goes to the dead
   * letter. @default 8
   */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** A uniform random fraction in [0, 1), for the jitter. @default Math.random */
  readonly random?: () => number;
  /** The clock, epoch ms. @default Date.now */
  readonly now?: () => number;
  /** The secret for ledger pseudonyms. @default the store's own (see `ledgerSecret`) */
  readonly secret?: string;
  /**
   * Stops the run: aborted before the claim, nothing is claimed; during the run, the executor
   * calls under way finish and are recorded, none is started after, and the claims not started
   * are handed back (`releaseClaims`), due at once for any worker, no attempt counted.
   */
  readonly signal?: AbortSignal;
  /**
   * Claims an earlier run of this worker left unstarted when it failed (see `onStranded`):
   * handed back first (`releaseClaims`, even when `signal` is aborted), due at once, each
   * counted as released; one no longer this worker's, or started, is left as it is.
   */
  readonly handBack?: readonly StoredRemedy[];
  /**
   * Called when the run throws (the store became unavailable in the middle of it) with the
   * claims this worker still holds and never started, `handBack` included if not handed back
   * yet. Left alone they stay executing until their lease runs out; passed as `handBack` to the
   * next run, they are due again as soon as the store answers.
   */
  readonly onStranded?: (claims: readonly StoredRemedy[]) => void;
}

/** Options with every default filled in. */
export interface ResolvedOutboxOptions {
  readonly worker: string;
  readonly limit: number;
  readonly leaseMs: number;
  readonly maxAttempts: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  readonly random: () => number;
  readonly now: () => number;
  readonly secret: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly handBack: readonly StoredRemedy[];
  readonly onStranded: ((claims: readonly StoredRemedy[]) => void) | undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`outbox: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Fills defaults and checks values (a `RangeError` names the bad one); the result is frozen. */
export function resolveOutboxOptions(options: OutboxOptions = {}): ResolvedOutboxOptions {
  const worker = options.worker ?? `${hostname()}:${process.pid}`;
  if (worker.length === 0) throw new RangeError("outbox: worker must not be empty");
  const baseMs = positiveInteger("backoff.baseMs", options.backoff?.baseMs ?? 1000);
  const maxMs = positiveInteger("backoff.maxMs", options.backoff?.maxMs ?? 3_600_000);
  if (maxMs < baseMs) throw new RangeError("outbox: backoff.maxMs must be at least baseMs");
  return Object.freeze({
    worker,
    limit: positiveInteger("limit", options.limit ?? 50),
    leaseMs: positiveInteger("leaseMs", options.leaseMs ?? 300_000),
    maxAttempts: positiveInteger("maxAttempts", options.maxAttempts ?? 8),
    backoff: Object.freeze({ baseMs, maxMs }),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    secret: options.secret,
    signal: options.signal,
    handBack: options.handBack ?? [],
    onStranded: options.onStranded,
  });
}
