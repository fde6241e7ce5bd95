/**
 * The 503 answers: the store cannot be reached, or ingestion is rebuilding its state after a
 * failed write. Each tells the client when to come back.
 */
import type { IngestService } from "./ingest-service.js";
import { ProblemError } from "./problem.js";

// Long enough not to press a store that is coming back; short enough for a probe's period.
const RETRY_AFTER_SECONDS = 5;
const retry = { "retry-after": String(RETRY_AFTER_SECONDS) };

/** 503 `not_ready`: the store does not answer the readiness probe. */
export function notReady(): ProblemError {
  return new ProblemError("not_ready", 503, {}, {}, retry);
}

/**
 * 503 `store_unavailable`: a request failed because the store is down, restarting or out of
 * room (`isStoreUnavailable`), not because of a bug; the same request may succeed later.
 */
export function storeUnavailable(): ProblemError {
  return new ProblemError("store_unavailable", 503, { seconds: RETRY_AFTER_SECONDS }, {}, retry);
}

/**
 * 503 `recovering`, with the rebuild started: otherwise only a write starts it, and a server
 * that a readiness probe took out of rotation gets none, so it would never be ready again.
 */
export function recovering(ingest: IngestService, onError: (error: unknown) => void): ProblemError {
  ingest.recover().catch(onError);
  return new ProblemError("recovering", 503, {}, {}, retry);
}
