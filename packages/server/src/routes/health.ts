/** Liveness, readiness and metrics: what an orchestrator and Prometheus ask. */
import { createRoute, z } from "@hono/zod-openapi";
import { problemAnswer, problemResponses } from "../schemas.js";
import { notReady, recovering } from "../unavailable.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["operations"],
  summary: "The process is up",
  description: "No key needed.",
  responses: {
    200: {
      description: "up",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
    },
  },
});

const readyRoute = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["operations"],
  summary: "The store answers and ingestion is healthy",
  description: "No key needed.",
  responses: {
    200: {
      description: "ready",
      content: { "application/json": { schema: z.object({ status: z.literal("ready") }) } },
    },
    503: problemAnswer(503),
  },
});

const metricsRoute = createRoute({
  method: "get",
  path: "/metrics",
  tags: ["operations"],
  summary: "Counters in the Prometheus text format",
  description: "Scopes: admin.",
  security: BEARER,
  responses: {
    200: {
      description: "Prometheus text format 0.0.4",
      content: { "text/plain": { schema: z.string() } },
    },
    ...problemResponses(),
  },
});

/** Adds `/healthz`, `/readyz` and `/metrics`. */
export function registerHealthRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store, ingest } = deps.options;
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyRoute, async (c) => {
    try {
      // One indexed read: proves the database answers without touching the event log.
      await store.findApiKey("readyz");
    } catch (error) {
      // Why goes to the log: the store's words (hosts, paths) are not for an unauthenticated caller.
      deps.options.onError(error);
      throw notReady();
    }
    if (!ingest.healthy) throw recovering(ingest, deps.options.onError);
    return c.json({ status: "ready" as const }, 200);
  });
  app.openapi(
    { ...metricsRoute, middleware: [deps.secured(["admin"])] },
    (c) =>
      c.body(deps.metrics.render(), 200, {
        "content-type": "text/plain; version=0.0.4; charset=utf-8",
      }) as never,
  );
}
