/**
 * `GET /v1/customers/{id}`: what an agent sees when opening a customer — personal data held
 * (and why), their events, and every remedy with its explanation and moves.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { customerTimeline, knowsNothing } from "../customer-timeline.js";
import { ProblemError } from "../problem.js";
import { problemResponses, RemedyHistorySchema } from "../schemas.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const route = createRoute({
  method: "get",
  path: "/v1/customers/{id}",
  tags: ["customers"],
  summary: "A customer's timeline",
  description:
    "Scopes: agent, admin. The latest `limit` events about the customer (oldest first), their remedies with explanations and moves, the notices we sent them (or held back, and why), and the personal data held with its purpose. Events about a shared subject (a flight, an outage) reach the customer through the remedies' explanations. An id nothing at all is known about (no data, events, remedies or notices) is a 404 `customer_not_found`, as it is most likely mistyped.",
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
              notices: z.array(
                z.object({
                  key: z.string().openapi({ description: "the remedy's key" }),
                  customer: z.string(),
                  seq: z.number().int().openapi({ description: "position in recording order" }),
                  promise: z.string(),
                  template: z.string(),
                  lang: z.string(),
                  status: z.enum(["ready", "held", "suppressed"]),
                  reason: z.string().optional(),
                  channel: z.string().optional(),
                  subject: z.string(),
                  body: z.string(),
                  at: z.string(),
                  erased: z.boolean(),
                }),
              ),
              more: z.object({
                events: z.boolean(),
                remedies: z.boolean(),
                notices: z.boolean(),
              }),
            })
            .openapi("CustomerTimeline"),
        },
      },
    },
    ...problemResponses(400, 404),
  },
});

/** Adds the customer route. */
export function registerCustomerRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  app.openapi({ ...route, middleware: [deps.secured(["agent"])] }, async (c) => {
    const { id } = c.req.valid("param");
    const { limit } = c.req.valid("query");
    const timeline = await customerTimeline(store, id, limit);
    if (knowsNothing(timeline)) throw new ProblemError("customer_not_found", 404, { customer: id });
    return c.json(timeline as never, 200);
  });
}
