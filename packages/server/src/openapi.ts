/**
 * The OpenAPI 3.1 document: the routes' zod contracts, the event contract (the core's JSON
 * Schema, its `$defs` moved under components), the bearer scheme and the problem types.
 */
import { eventsJsonSchema } from "@goodfaith/core";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { PROBLEM_TYPE } from "./problem.js";
import { PROBLEM_STATUSES, problemHeaders } from "./schemas.js";

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
  readonly security?: readonly unknown[];
  readonly parameters?: readonly { readonly name?: string }[];
  readonly requestBody?: { readonly content?: Record<string, unknown> };
  readonly responses: Record<string, unknown>;
}

const bodyTypes = (operation: Operation) => Object.keys(operation.requestBody?.content ?? {});

/**
 * The answers no route contract lists, and the operations each applies to: the middleware's
 * (every body may be too large: 413; a JSON body must be sent as JSON: 415; an
 * Idempotency-Key may be malformed: 400, still in progress: 409, or reused with another
 * request: 422) and `onError`'s, which turns anything unexpected into a 500 on every route,
 * and a store that cannot be reached into a 503 on every route that uses it: every
 * authenticated one (the key is looked up in the store). `/healthz` never asks the store;
 * `/readyz` documents its own 503.
 */
const UNLISTED: readonly { readonly status: number; applies(operation: Operation): boolean }[] = [
  { status: 413, applies: (operation) => bodyTypes(operation).length > 0 },
  { status: 415, applies: (operation) => bodyTypes(operation).some((t) => t.includes("json")) },
  ...[400, 409, 422].map((status) => ({
    status,
    applies: (operation: Operation) =>
      operation.parameters?.some((p) => p.name === "idempotency-key") ?? false,
  })),
  { status: 500, applies: () => true },
  { status: 503, applies: (operation) => operation.security !== undefined },
];

function addUnlistedResponses(paths: Record<string, Record<string, Operation>>): void {
  for (const operation of Object.values(paths).flatMap((item) => Object.values(item))) {
    for (const { status } of UNLISTED.filter((answer) => answer.applies(operation))) {
      // A route's own answer with the same status (a remedy's 409) is the one it documents.
      operation.responses[status] ??= {
        description: PROBLEM_STATUSES[status],
        content: { [PROBLEM_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
        ...problemHeaders(status),
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
  addUnlistedResponses(document.paths as unknown as Record<string, Record<string, Operation>>);
  return document as unknown as Record<string, unknown>;
}
