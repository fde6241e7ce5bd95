/**
 * Webhook endpoints: register (the signing secret is in this one response only), list,
 * disable, enable; and their deliveries. Admin only: an endpoint receives remedies and
 * customer ids.
 */
import {
  hasWebhooks,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookStore,
} from "@goodfaith/core";
import {
  isWebhookUrl,
  registerWebhookEndpoint,
  webhookDeliveryJson,
  webhookEndpointJson,
} from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { ProblemError } from "../problem.js";
import { problemResponses } from "../schemas.js";
import { refinement, statusList } from "../zod-issues.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

const EndpointSchema = z
  .object({
    id: z.string().openapi({ example: "we_3f9a1c2b7d4e" }),
    url: z.string().openapi({ example: "https://payments.example.com/goodfaith" }),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    createdAt: z.string(),
    disabledAt: z.string().optional(),
  })
  .openapi("WebhookEndpoint");

/** What `registerWebhookEndpoint` gives out: anything else cannot name an endpoint. */
const WEBHOOK_ID = /^we_[0-9a-f]{12}$/;

const IdParam = z.object({
  id: z
    .string()
    .refine((id) => WEBHOOK_ID.test(id), refinement("invalid_webhook_id"))
    .openapi({
      param: { name: "id", in: "path" },
      pattern: WEBHOOK_ID.source,
      example: "we_3f9a1c2b7d4e",
    }),
});

const SIGNING =
  'Deliveries are POSTs of `{id, type, created, data}` signed with `Goodfaith-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; verify with `verifyWebhookSignature` of @goodfaith/store (5-minute replay window) and de-duplicate on `id`. Retried with exponential backoff and full jitter until a 2xx, dead-lettered after the last attempt, replayable with `goodfaith webhooks replay`.';

const listRoute = createRoute({
  method: "get",
  path: "/v1/webhooks",
  tags: ["webhooks"],
  summary: "List webhook endpoints (never their secrets)",
  description: "Scopes: admin.",
  security: BEARER,
  responses: {
    200: {
      description: "every endpoint, disabled ones too, oldest first",
      content: { "application/json": { schema: z.object({ webhooks: z.array(EndpointSchema) }) } },
    },
    ...problemResponses(),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/v1/webhooks",
  tags: ["webhooks"],
  summary: "Register a webhook endpoint",
  description: `Scopes: admin. The response carries the signing secret, shown this once. ${SIGNING}`,
  security: BEARER,
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            url: z
              .string()
              .refine(isWebhookUrl, refinement("invalid_url"))
              .openapi({ example: "https://payments.example.com/goodfaith" }),
            events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "registered",
      content: {
        "application/json": {
          schema: EndpointSchema.extend({
            secret: z.string().openapi({ description: "the signing secret, shown only here" }),
          }),
        },
      },
    },
    ...problemResponses(400),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/webhooks/{id}",
  tags: ["webhooks"],
  summary: "Disable a webhook endpoint",
  description:
    "Scopes: admin. It gets no new deliveries; it stays listed, so its deliveries stay explained.",
  security: BEARER,
  request: { params: IdParam },
  responses: {
    200: {
      description: "disabled",
      content: { "application/json": { schema: EndpointSchema } },
    },
    ...problemResponses(400, 404),
  },
});

const enableRoute = createRoute({
  method: "post",
  path: "/v1/webhooks/{id}/enable",
  tags: ["webhooks"],
  summary: "Enable a disabled webhook endpoint",
  description:
    "Scopes: admin. Its deliveries still pending are sent again, and new events reach it (none were enqueued for it while it was disabled). Enabling an active endpoint answers the same.",
  security: BEARER,
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    params: IdParam,
    body: { required: false, content: { "application/json": { schema: z.strictObject({}) } } },
  },
  responses: {
    200: {
      description: "enabled",
      content: { "application/json": { schema: EndpointSchema } },
    },
    ...problemResponses(400, 404),
  },
});

const DeliverySchema = z
  .object({
    id: z.string().openapi({ example: "dlv_9c1e0f3a2b4d" }),
    endpoint: z.string().openapi({ example: "we_3f9a1c2b7d4e" }),
    event: z.string().openapi({ description: "the event id receivers de-duplicate on" }),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().optional().openapi({ description: "when a pending one is due" }),
    lastError: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookDelivery");

const deliveriesRoute = createRoute({
  method: "get",
  path: "/v1/webhooks/deliveries",
  tags: ["webhooks"],
  summary: "List webhook deliveries, newest first",
  description:
    "Scopes: admin. Each event on its way to each endpoint: `pending` (due at `nextAttemptAt`), `delivering`, `delivered` or `dead` (replay with `goodfaith webhooks replay`). The body sent is not shown.",
  security: BEARER,
  request: {
    query: z.object({
      endpoint: z.string().min(1).optional().openapi({ example: "we_3f9a1c2b7d4e" }),
      status: statusList(WEBHOOK_DELIVERY_STATUSES)
        .optional()
        .openapi({ description: "comma-separated statuses, e.g. `dead` or `pending,delivering`" }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: {
      description: "the newest deliveries matching",
      content: {
        "application/json": { schema: z.object({ deliveries: z.array(DeliverySchema) }) },
      },
    },
    ...problemResponses(400),
  },
});

/** The store's webhook port; the store `openStore` makes has it. */
export function webhooksOf(store: object): WebhookStore {
  if (!hasWebhooks(store)) throw new Error("the store does not implement WebhookStore");
  return store;
}

/** Adds the webhook endpoint routes. */
export function registerWebhookRoutes(app: ApiApp, deps: RouteDeps): void {
  const admin = deps.secured(["admin"]);
  const store = () => webhooksOf(deps.options.store);

  app.openapi({ ...listRoute, middleware: [admin] }, async (c) => {
    const list = await store().listWebhookEndpoints();
    return c.json({ webhooks: list.map(webhookEndpointJson) }, 200);
  });

  app.openapi({ ...createRouteDef, middleware: [admin, deps.idempotent] }, async (c) => {
    const { url, events } = c.req.valid("json");
    const { endpoint, secret } = await registerWebhookEndpoint(
      store(),
      url,
      events,
      deps.options.now(),
    );
    return c.json({ ...webhookEndpointJson(endpoint), secret }, 201);
  });

  app.openapi({ ...deleteRoute, middleware: [admin] }, async (c) => {
    const { id } = c.req.valid("param");
    // Disabling twice answers the same: DELETE is idempotent.
    await store().disableWebhookEndpoint(id, deps.options.now());
    const found = (await store().listWebhookEndpoints()).find((e) => e.id === id);
    if (found === undefined) throw new ProblemError("webhook_not_found", 404, { id });
    return c.json(webhookEndpointJson(found), 200);
  });

  app.openapi({ ...enableRoute, middleware: [admin, deps.idempotent] }, async (c) => {
    const { id } = c.req.valid("param");
    // Enabling twice answers the same.
    await store().enableWebhookEndpoint(id);
    const found = (await store().listWebhookEndpoints()).find((e) => e.id === id);
    if (found === undefined) throw new ProblemError("webhook_not_found", 404, { id });
    return c.json(webhookEndpointJson(found), 200);
  });

  app.openapi({ ...deliveriesRoute, middleware: [admin] }, async (c) => {
    const { endpoint, status, limit } = c.req.valid("query");
    const list = await store().listWebhookDeliveries({
      limit,
      ...(endpoint !== undefined && { endpoint }),
      ...(status !== undefined && {
        status: status.split(",") as WebhookDeliveryStatus[],
      }),
    });
    return c.json({ deliveries: list.map(webhookDeliveryJson) }, 200);
  });
}
