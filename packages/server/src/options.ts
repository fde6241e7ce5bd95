/**
 * `AppOptions` (documented defaults) → `resolveAppOptions` → frozen resolved options, once,
 * outside the request path.
 */
import {
  type ApiKeyStore,
  type CustomerEventLog,
  hasApiKeys,
  hasCustomerEvents,
  hasIdempotency,
  type IdempotencyStore,
  type Store,
} from "@goodfaith/core";
import type { IngestService } from "./ingest-service.js";
import type { RateLimit } from "./rate-limit.js";
import { errorFields, type RequestLogger } from "./request-log.js";

/** A store with the ports the API needs beyond `Store`. */
export type ServerStore = Store & ApiKeyStore & IdempotencyStore & CustomerEventLog;

/** Options of `createApp`. */
export interface AppOptions {
  /** The store; must also implement `ApiKeyStore`, `IdempotencyStore` and `CustomerEventLog` (`openStore`'s does). */
  readonly store: Store;
  /**
   * Ingestion and the guard over `store` (`IngestService.open(store, documents)`); the Bill of
   * Rights served is the one it decides with (`followPromises` keeps it the store's).
   */
  readonly ingest: IngestService;
  /** Largest request body, bytes. @default 5 MiB */
  readonly bodyLimitBytes?: number;
  /** Most events in one `POST /v1/events`. @default 10000 */
  readonly maxEventsPerRequest?: number;
  /** Per-key rate limit; `false` for none. @default { perSecond: 1000, burst: 2000 } */
  readonly rateLimit?: RateLimit | false;
  /** How long a looked-up key is trusted before it is read again (a revocation takes this long to apply). @default 5000 */
  readonly keyCacheMs?: number;
  /** How long an Idempotency-Key is remembered. @default 24 hours */
  readonly idempotencyTtlMs?: number;
  /**
   * How long a request holds its Idempotency-Key while it runs: a claim still in progress after
   * this (its process died) is taken over by a retry of the same request. Keep it longer than
   * any request can run. @default 60 seconds
   */
  readonly idempotencyLeaseMs?: number;
  /** The clock. @default Date.now */
  readonly now?: () => number;
  /**
   * The access log: one line per request, and one per request that failed unexpectedly (see
   * `requestLog`). @default none
   */
  readonly log?: RequestLogger;
  /**
   * Where unexpected errors are reported; with `log`, those of a request are in its log line
   * instead. @default an `error` line of `log` (`errorFields` only), else console.error
   */
  readonly onError?: (error: unknown) => void;
}

/** `AppOptions` with every default applied. */
export interface ResolvedAppOptions {
  readonly store: ServerStore;
  readonly ingest: IngestService;
  readonly bodyLimitBytes: number;
  readonly maxEventsPerRequest: number;
  readonly rateLimit: RateLimit | false;
  readonly keyCacheMs: number;
  readonly idempotencyTtlMs: number;
  readonly idempotencyLeaseMs: number;
  readonly now: () => number;
  readonly log: RequestLogger | undefined;
  readonly onError: (error: unknown) => void;
}

/** Applies defaults and checks the store; throws on a store without the API's ports. */
export function resolveAppOptions(options: AppOptions): ResolvedAppOptions {
  const { store, log } = options;
  if (!hasApiKeys(store) || !hasIdempotency(store) || !hasCustomerEvents(store)) {
    throw new TypeError(
      "createApp: the store must implement ApiKeyStore, IdempotencyStore and CustomerEventLog",
    );
  }
  return Object.freeze({
    store,
    ingest: options.ingest,
    bodyLimitBytes: options.bodyLimitBytes ?? 5 * 1024 * 1024,
    maxEventsPerRequest: options.maxEventsPerRequest ?? 10_000,
    rateLimit: options.rateLimit ?? { perSecond: 1000, burst: 2000 },
    keyCacheMs: options.keyCacheMs ?? 5000,
    idempotencyTtlMs: options.idempotencyTtlMs ?? 24 * 3_600_000,
    idempotencyLeaseMs: options.idempotencyLeaseMs ?? 60_000,
    now: options.now ?? Date.now,
    log,
    onError:
      options.onError ??
      (log === undefined
        ? (error: unknown) => console.error(error)
        : (error: unknown) => log.error({ err: errorFields(error) }, "unexpected error")),
  });
}
