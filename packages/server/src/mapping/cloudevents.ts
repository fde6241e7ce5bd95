/**
 * CloudEvents 1.0 (structured and batch JSON modes) → Goodfaith events: `type` is the event
 * type (a `goodfaith.` prefix is dropped), `time` the event time, the `customer` extension
 * attribute the customer, `data` the data. CloudEvents ids are unique per `source`, so the
 * event id is `<id>@<source>`.
 */
import type { MapResult } from "../event-body.js";
import { mappingIssue, record } from "./issues.js";

/** Structured mode: one event. */
export const CLOUDEVENTS_TYPE = "application/cloudevents+json";
/** Batch mode: an array of events. */
export const CLOUDEVENTS_BATCH_TYPE = "application/cloudevents-batch+json";

/** One CloudEvent as a raw Goodfaith event (validated afterwards by the event contract). */
export function fromCloudEvent(value: unknown): MapResult {
  const ce = record(value);
  if (ce === undefined)
    return {
      ok: false,
      issues: [mappingIssue("event.not_an_object", [], { received: "event.kind.other" })],
    };
  if (ce.specversion !== "1.0") {
    return {
      ok: false,
      issues: [mappingIssue("event.invalid_enum", ["specversion"], { allowed: "1.0" })],
    };
  }
  const missing = ["id", "source", "type"].filter((k) => typeof ce[k] !== "string" || ce[k] === "");
  if (missing.length > 0)
    return { ok: false, issues: missing.map((k) => mappingIssue("event.required", [k])) };
  const type = String(ce.type);
  return {
    ok: true,
    value: {
      id: `${String(ce.id)}@${String(ce.source)}`,
      type: type.startsWith("goodfaith.") ? type.slice("goodfaith.".length) : type,
      time: ce.time,
      ...(ce.customer !== undefined && { customer: ce.customer }),
      data: ce.data ?? {},
    },
  };
}
