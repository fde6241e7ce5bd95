/**
 * The OpenAPI 3.1 document: the routes' zod contracts, the event contract (the core's JSON
 * Schema, its `$defs` moved under components), the bearer scheme and the problem types.
 */
import { eventsJsonSchema } from "@goodfaith/core";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { PROBLEM_TYPE } from "./problem.js";
import { PROBLEM_STATUSES } from "./schemas.js";

/** Registers the shared components on `app` (call before the document is generated). */
export function registerComponents(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from `goodfaith keys create`: `Authorization: Bearer gf_…`. Scopes: ingest, guard, agent, executor (a payment system's callbacks), admin (admin may call everything).",
  });
  const schema = JSON.parse(
    JSON.stringify(eventsJsonSchema()).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as { $defs?: Record<string, object>; $schema?: string } & Record<string, unknown>;
  const { $defs = {}, $schema: _dialect, ...event } = schema;
  for (const [name, def] of Object.entries($defs)) registry.registerComponent("schemas", name, def);
  registry.registerComponent("schemas", "Event", event);
}

interface Operation {
  readonly parameters?: readonly { readonly name?: string }[];
  readonly requestBody?: { readonly content?: Record<string, unknown> };
  readonly responses: Record<string, unknown>;
}

/**
 * The answers of the app's middleware, which no route contract lists: every body may be too
 * large (413), a JSON body must be sent as JSON (415), and an Idempotency-Key may be
 * malformed (400), still in progress (409) or reused with another request (422).
 */
function addMiddlewareResponses(paths: Record<string, Record<string, Operation>>): void {
  for (const operation of Object.values(paths).flatMap((item) => Object.values(item))) {
    const types = Object.keys(operation.requestBody?.content ?? {});
    const statuses = [
      ...(types.length > 0 ? [413] : []),
      ...(types.some((t) => t.includes("json")) ? [415] : []),
      ...(operation.parameters?.some((p) => p.name === "idempotency-key") ? [400, 409, 422] : []),
    ];
    for (const status of statuses) {
      operation.responses[status] ??= {
        description: PROBLEM_STATUSES[status],
        content: { [PROBLEM_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
      };
    }
  }
}

/** The document for `app`. */
export function openApiDocument(
  app: OpenAPIHono<AppEnv>,
  version: string,
): Record<string, unknown> {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Goodfaith API",
      version,
      description:
        "Keep your promises to customers before they have to ask: send events, check purchases with the guard, and decide remedies. Errors are RFC 9457 problem details in the Accept-Language (en, zh-CN, sv).",
    },
    tags: [
      { name: "events" },
      { name: "guard" },
      { name: "remedies" },
      { name: "webhooks" },
      { name: "customers" },
      { name: "promises" },
      { name: "ledger" },
      { name: "measure" },
      { name: "operations" },
    ],
  });
  addMiddlewareResponses(document.paths as unknown as Record<string, Record<string, Operation>>);
  return document as unknown as Record<string, unknown>;
}
