/** The shared end of every ingest route: store the valid events and answer for all of them. */
import { unknownTypes } from "@goodfaith/core";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";
import type { ParsedEvents } from "./event-body.js";
import { apiIssue, type EventRejection, ProblemError } from "./problem.js";
import type { RouteDeps } from "./routes/deps.js";

/**
 * Ingests `parsed.events`, counts, and answers 200 with every rejection listed, or throws
 * the 422 problem when not one item of the request was accepted.
 */
export async function ingestAndRespond(
  c: Context<AppEnv>,
  deps: RouteDeps,
  parsed: ParsedEvents,
): Promise<Response> {
  const { metrics } = deps;
  const lang = c.get("lang");
  const result = await deps.options.ingest.ingest(parsed.events);
  const refused: EventRejection[] = result.rejected.map((r) => ({
    ...(parsed.positions[r.index] ?? { index: r.index }),
    issues: r.issues.map((i) => apiIssue(i, lang)),
  }));
  const rejected = [...parsed.rejected, ...refused].sort((a, b) => a.index - b.index);
  metrics.inc("goodfaith_events_ingested_total", {}, result.accepted);
  metrics.inc("goodfaith_events_duplicate_total", {}, result.duplicates);
  metrics.inc("goodfaith_events_rejected_total", {}, rejected.length);
  metrics.inc("goodfaith_remedies_created_total", {}, result.remedies.created);
  if (parsed.count > 0 && rejected.length === parsed.count) {
    throw new ProblemError("events_rejected", 422, {}, { rejected });
  }
  const unknown = unknownTypes(parsed.events);
  return c.json({
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected,
    remedies: result.remedies,
    ...(result.lastSeq !== undefined && { lastSeq: result.lastSeq }),
    ...(unknown.length > 0 && { unknownTypes: unknown }),
  });
}
