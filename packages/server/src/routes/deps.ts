/** What every route group is built with. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Secured } from "../auth.js";
import type { AppEnv } from "../env.js";
import type { Metrics } from "../metrics.js";
import type { ResolvedAppOptions } from "../options.js";

/** The app routes are added to. */
export type ApiApp = OpenAPIHono<AppEnv>;

/** Shared services of the route groups. */
export interface RouteDeps {
  readonly options: ResolvedAppOptions;
  /** Authentication, rate limit and scope check for a route. */
  readonly secured: Secured;
  /** The Idempotency-Key middleware, for POSTs (after `secured`). */
  readonly idempotent: MiddlewareHandler<AppEnv>;
  readonly metrics: Metrics;
}

/** The OpenAPI security requirement of every authenticated route. */
export const BEARER = [{ bearer: [] }];

/** The `Idempotency-Key` header, as POST routes document it. */
export const IDEMPOTENCY_HEADER = {
  // Documented on each POST route, not zod-validated: the idempotency middleware checks it.
  name: "idempotency-key",
  in: "header" as const,
  required: false,
  description:
    "Same key and same request: the first response is replayed (Idempotent-Replayed: true). Same key, another request: 422. While the first request still runs: 409 with Retry-After; a claim whose request died is taken over by a retry of the same request after 60 s (idempotencyLeaseMs).",
  schema: { type: "string" as const, maxLength: 255 },
};
