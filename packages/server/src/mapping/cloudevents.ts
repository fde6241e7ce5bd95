/**
 * CloudEvents 1.0 (structured, batch and binary modes of the HTTP binding) → Goodfaith events:
 * `type` is the event type (a `goodfaith.` prefix is dropped), `time` the event time, the
 * `customer` extension attribute the customer, `data` the data. CloudEvents ids are unique per
 * `source`, so the event id is `<id>@<source>`. Binary mode (attributes in `ce-*` headers, the
 * data in the body) is turned into the structured form first, so one mapping serves all modes;
 * its issues then name the header an attribute came from.
 */

import type { Issue } from "@goodfaith/core";
import type { MapResult } from "../event-body.js";
import type { EventRejection } from "../problem.js";
import { mappingIssue, record } from "./issues.js";

/** Structured mode: one event. */
export const CLOUDEVENTS_TYPE = "application/cloudevents+json";
/** Batch mode: an array of events. */
export const CLOUDEVENTS_BATCH_TYPE = "application/cloudevents-batch+json";

/** One CloudEvent as a raw Goodfaith event (validated afterwards by the event contract). */
export function fromCloudEvent(value: unknown): MapResult {
  const ce = record(value);
  // Not an object: the event contract's validation says what it is instead, in every language.
  if (ce === undefined) return { ok: true, value };
  // Every attribute at fault at once, so one round trip fixes them all.
  const issues = ["id", "source", "type"]
    .filter((k) => typeof ce[k] !== "string" || ce[k] === "")
    .map((k) => mappingIssue("event.required", [k]));
  if (ce.specversion !== "1.0") {
    issues.unshift(mappingIssue("event.invalid_enum", ["specversion"], { allowed: "1.0" }));
  }
  if (issues.length > 0) return { ok: false, issues };
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

/** The prefix of binary mode's attribute headers. */
const CE_HEADER = "ce-";

/** Whether `headers` (lower-case names) carry binary-mode attributes. */
export function hasBinaryAttributes(headers: Readonly<Record<string, string>>): boolean {
  return Object.keys(headers).some((name) => name.startsWith(CE_HEADER));
}

/**
 * Binary mode → the event in structured form: each `ce-<name>` header is the attribute `<name>`
 * (percent-decoded, as the HTTP binding encodes values), `data` the body's parsed JSON (none
 * for an empty body). An undecodable header value is an issue at its attribute.
 */
export function binaryCloudEvent(
  headers: Readonly<Record<string, string>>,
  data: unknown,
):
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly issues: readonly Issue[] } {
  const attributes: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [header, raw] of Object.entries(headers)) {
    if (!header.startsWith(CE_HEADER)) continue;
    const name = header.slice(CE_HEADER.length);
    // The data is the body, never a header.
    if (name === "data" || name === "data_base64") continue;
    try {
      attributes[name] = decodeURIComponent(raw.trim());
    } catch {
      issues.push(mappingIssue("event.invalid", [name]));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...attributes, ...(data !== undefined && { data }) } };
}

/**
 * Rejections of a binary-mode event, located where the caller put things: an attribute's
 * issue (`type`, `time`, `customer`… — the mapping keeps their names) at `header ce-<name>`;
 * the data's (`data.…`) where they are, as the body is the data.
 */
export function locateInHeaders(rejected: readonly EventRejection[]): EventRejection[] {
  return rejected.map((r) => ({
    ...r,
    issues: r.issues.map((issue) => {
      const attribute = /^[^.[]+/.exec(issue.path)?.[0];
      if (attribute === undefined || attribute === "data") return issue;
      return { ...issue, path: `header ${CE_HEADER}${attribute}` };
    }),
  }));
}
