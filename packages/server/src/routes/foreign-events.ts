/**
 * `POST /v1/segment` and `POST /v1/cloudevents`: other formats' events, translated onto the
 * event contract (see mapping/), then stored exactly like `POST /v1/events`.
 */

import type { Lang } from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { mediaType, type ParsedEvents, parseJsonBody, validateItems } from "../event-body.js";
import { ingestAndRespond } from "../ingest-response.js";
import {
  binaryCloudEvent,
  CLOUDEVENTS_BATCH_TYPE,
  CLOUDEVENTS_TYPE,
  fromCloudEvent,
  hasBinaryAttributes,
  locateInHeaders,
} from "../mapping/cloudevents.js";
import { fromSegment, segmentCalls } from "../mapping/segment.js";
import { apiIssue, ProblemError } from "../problem.js";
import { problemResponses } from "../schemas.js";
import { badRequest } from "../zod-issues.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";
import { IngestResultSchema } from "./events.js";

const responses = {
  200: {
    description: "stored (see rejected for calls that were not)",
    content: { "application/json": { schema: IngestResultSchema } },
  },
  ...problemResponses(400, 413, 415, 422),
};

const segmentRoute = createRoute({
  method: "post",
  path: "/v1/segment",
  tags: ["events"],
  summary: "Send Segment-spec calls (identify, track, batch)",
  description:
    'Scopes: ingest, admin. identify → customer.updated; track "Order Completed" → order.placed, "Order Refunded" → order.refunded, "Order Cancelled" → order.cancelled; any other track → segment.<event_name>. messageId is the event id; timestamp the time; userId (else anonymousId) the customer. Rejections name the call\'s index and the Goodfaith field.',
  security: BEARER,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .record(z.string(), z.unknown())
            .openapi({ description: "a call, an array of calls, or { batch: [...] }" }),
        },
      },
    },
  },
  responses,
});

const cloudEventsRoute = createRoute({
  method: "post",
  path: "/v1/cloudevents",
  tags: ["events"],
  summary: "Send CloudEvents 1.0 (structured, batch or binary mode)",
  description:
    'Scopes: ingest, admin. type (without a goodfaith. prefix) is the event type, time the event time, the customer extension attribute the customer, data the data; the event id is <id>@<source>. Structured mode: one event as application/cloudevents+json; batch mode: an array as application/cloudevents-batch+json. Binary mode (HTTP protocol binding 1.0): the attributes in ce-* headers (ce-specversion, ce-id, ce-source, ce-type, ce-time, ce-subject, extensions such as ce-customer; values percent-encoded), the data as the body with Content-Type application/json (other media types: 415; an empty body is no data). A binary-mode event is mapped exactly as the same event in structured mode; a missing or invalid attribute is reported at its header, e.g. path "header ce-type".',
  security: BEARER,
  request: {
    body: {
      required: true,
      content: {
        [CLOUDEVENTS_TYPE]: { schema: z.record(z.string(), z.unknown()) },
        [CLOUDEVENTS_BATCH_TYPE]: { schema: z.array(z.record(z.string(), z.unknown())) },
        "application/json": {
          schema: z.unknown().openapi({
            description: "binary mode: the event's data; its attributes in ce-* headers",
          }),
        },
      },
    },
  },
  responses,
});

/** Adds the Segment and CloudEvents routes. */
export function registerForeignEventRoutes(app: ApiApp, deps: RouteDeps): void {
  const { maxEventsPerRequest: max } = deps.options;
  // Registered for the document only: bodies go through the mappings and the core's validation.
  for (const route of [segmentRoute, cloudEventsRoute]) {
    app.openAPIRegistry.registerPath({ ...route, parameters: [IDEMPOTENCY_HEADER] } as never);
  }
  app.post(segmentRoute.path, deps.secured(["ingest"]), deps.idempotent, async (c) => {
    const type = mediaType(c.req.header("content-type"));
    if (type !== "application/json") unsupported("application/json", type);
    const calls = segmentCalls(parseJsonBody(await c.req.text(), c.get("lang")));
    return ingestAndRespond(c, deps, validateItems(calls, c.get("lang"), max, fromSegment));
  });
  app.post(cloudEventsRoute.path, deps.secured(["ingest"]), deps.idempotent, async (c) => {
    const type = mediaType(c.req.header("content-type"));
    if (type !== CLOUDEVENTS_TYPE && type !== CLOUDEVENTS_BATCH_TYPE) {
      const headers = c.req.header();
      if (!hasBinaryAttributes(headers)) {
        unsupported(
          `${CLOUDEVENTS_TYPE}, ${CLOUDEVENTS_BATCH_TYPE}, application/json with ce-* headers`,
          type,
        );
      }
      const parsed = binaryMode(headers, type, await c.req.text(), c.get("lang"), max);
      return ingestAndRespond(c, deps, parsed);
    }
    const body = parseJsonBody(await c.req.text(), c.get("lang"));
    const items = type === CLOUDEVENTS_BATCH_TYPE && Array.isArray(body) ? body : [body];
    if (type === CLOUDEVENTS_BATCH_TYPE && !Array.isArray(body)) {
      throw badRequest("not_an_array", "", c.get("lang"));
    }
    return ingestAndRespond(c, deps, validateItems(items, c.get("lang"), max, fromCloudEvent));
  });
}

/** A binary-mode request (attributes in `ce-*` headers, the data as the body) → its one event. */
function binaryMode(
  headers: Readonly<Record<string, string>>,
  type: string,
  text: string,
  lang: Lang,
  max: number,
): ParsedEvents {
  // The body is the data, and only JSON data maps onto the event contract.
  if (text !== "" && type !== "application/json") unsupported("application/json", type);
  const event = binaryCloudEvent(headers, text === "" ? undefined : parseJsonBody(text, lang));
  if (!event.ok) {
    const issues = event.issues.map((i) => apiIssue(i, lang));
    return {
      events: [],
      positions: [],
      count: 1,
      rejected: locateInHeaders([{ index: 0, issues }]),
    };
  }
  const parsed = validateItems([event.value], lang, max, fromCloudEvent);
  return { ...parsed, rejected: locateInHeaders(parsed.rejected) };
}

function unsupported(expected: string, given: string): never {
  throw new ProblemError("unsupported_media_type", 415, { expected, given: given || "—" });
}
