/**
 * `GET /v1/customers/{id}`: what an agent sees when opening a customer — personal data held
 * (and why), their events, and every remedy with its explanation and moves.
 */
import { jsonSafe } from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { historyJson } from "../remedy-json.js";
import { problemResponses, RemedyHistorySchema } from "../schemas.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const route = createRoute({
  method: "get",
  path: "/v1/customers/{id}",
  tags: ["customers"],
  summary: "A customer's timeline",
  description:
    "Scopes: agent, admin. The latest `limit` events about the customer (oldest first), their remedies with explanations and moves, and the personal data held with its purpose. Events about a shared subject (a flight, an outage) reach the customer through the remedies' explanations.",
  security: BEARER,
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .openapi({ param: { name: "id", in: "path" }, example: "c-anna" }),
    }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  },
  responses: {
    200: {
      description: "the timeline",
      content: {
        "application/json": {
          schema: z
            .object({
              customer: z.string(),
              data: z.array(
                z.object({
                  field: z.string(),
                  value: z.string(),
                  purpose: z.string().optional(),
                  at: z.string(),
                }),
              ),
              events: z.array(
                z.object({ seq: z.number().int(), event: z.record(z.string(), z.unknown()) }),
              ),
              remedies: z.array(RemedyHistorySchema),
              more: z.object({ events: z.boolean(), remedies: z.boolean() }),
            })
            .openapi("CustomerTimeline"),
        },
      },
    },
    ...problemResponses(400),
  },
});

/** Adds the customer route. */
export function registerCustomerRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  app.openapi({ ...route, middleware: [deps.secured(["agent"])] }, async (c) => {
    const { id } = c.req.valid("param");
    const { limit } = c.req.valid("query");
    const timeline = await store.readCustomerEvents(id, limit);
    const events = timeline.events.map(({ seq, event }) => ({ seq, event: jsonSafe(event) }));
    const page = await store.listRemedies({ customer: id }, { limit });
    const remedies = [];
    for (const r of page.remedies) {
      const history = await store.getRemedy(r.key);
      if (history !== undefined) remedies.push(historyJson(history));
    }
    const data = (await store.getCustomerData(id)).map((d) => ({
      field: d.field,
      value: d.value,
      ...(d.purpose !== undefined && { purpose: d.purpose }),
      at: new Date(d.at).toISOString(),
    }));
    return c.json(
      {
        customer: id,
        data,
        events,
        remedies,
        more: { events: timeline.more, remedies: page.next !== undefined },
      } as never,
      200,
    );
  });
}
