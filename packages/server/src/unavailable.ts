/**
 * The 503 answers: the store cannot be reached, or ingestion is rebuilding its state after a
 * failed write. Both tell the client when to come back.
 */
import type { IngestService } from "./ingest-service.js";
import { ProblemError } from "./problem.js";

// Long enough not to press a store that is coming back; short enough for a probe's period.
const RETRY_AFTER_SECONDS = 5;
const retry = { "retry-after": String(RETRY_AFTER_SECONDS) };

/** 503 `not_ready`: the store does not answer. */
export function notReady(): ProblemError {
  return new ProblemError("not_ready", 503, {}, {}, retry);
}

/**
 * 503 `recovering`, with the rebuild started: otherwise only a write starts it, and a server
 * that a readiness probe took out of rotation gets none, so it would never be ready again.
 */
export function recovering(ingest: IngestService, onError: (error: unknown) => void): ProblemError {
  ingest.recover().catch(onError);
  return new ProblemError("recovering", 503, {}, {}, retry);
}
