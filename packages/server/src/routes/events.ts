/** `POST /v1/events`: events into the durable log, through the engine, remedies recorded once. */
import { createRoute, z } from "@hono/zod-openapi";
import { JSON_TYPES, mediaType, NDJSON_TYPES, parseEvents } from "../event-body.js";
import { ingestAndRespond } from "../ingest-response.js";
import { EventRejectionSchema, problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

export const IngestResultSchema = z
  .object({
    accepted: z.number().int().openapi({ description: "events new to the log, now durable" }),
    duplicates: z.number().int().openapi({ description: "ids the log already had" }),
    rejected: z.array(EventRejectionSchema),
    remedies: z.object({ created: z.number().int(), existing: z.number().int() }),
    lastSeq: z.number().int().optional(),
    unknownTypes: z
      .array(z.object({ type: z.string(), count: z.number().int() }))
      .optional()
      .openapi({
        description:
          "types of valid events in this request that the event contract does not define, with how many of each: kept, but heard only by a promise that names the type (a misspelt type shows here)",
      }),
  })
  .openapi("IngestResult");

const route = createRoute({
  method: "post",
  path: "/v1/events",
  tags: ["events"],
  summary: "Send events (one, a JSON array, or NDJSON)",
  description:
    "Scopes: ingest, admin. Valid events are stored atomically and idempotently by id, and evaluated; each invalid one is rejected with its index (and line for NDJSON), field path and reason. When none is accepted the answer is a 422 problem listing every rejection.",
  security: BEARER,
  request: {
    body: {
      required: true,
      content: Object.fromEntries([
        ...JSON_TYPES.map((t) => [
          t,
          {
            schema: {
              oneOf: [
                { $ref: "#/components/schemas/Event" },
                { type: "array", items: { $ref: "#/components/schemas/Event" } },
              ],
            },
          },
        ]),
        ...NDJSON_TYPES.map((t) => [
          t,
          { schema: { type: "string", description: "one event per line" } },
        ]),
      ]),
    },
  },
  responses: {
    200: {
      description: "stored (see rejected for events that were not)",
      content: { "application/json": { schema: IngestResultSchema } },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** Adds `POST /v1/events`. */
export function registerEventRoutes(app: ApiApp, deps: RouteDeps): void {
  const { options } = deps;
  // Registered for the document only: the body is read by the core's validation, not zod's.
  app.openAPIRegistry.registerPath({ ...route, parameters: [IDEMPOTENCY_HEADER] } as never);
  app.post(route.path, deps.secured(["ingest"]), deps.idempotent, async (c) => {
    const lang = c.get("lang");
    const parsed = parseEvents(
      await c.req.text(),
      mediaType(c.req.header("content-type")),
      lang,
      options.maxEventsPerRequest,
    );
    return ingestAndRespond(c, deps, parsed);
  });
}
