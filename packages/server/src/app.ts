/**
 * `createApp`: the HTTP API as a Hono app over a store, a Bill of Rights and its ingestion
 * service. Middleware resolves the language and counts requests; each route group adds its
 * own contract (zod, OpenAPI 3.1) and scopes; `onError` is the one place errors become
 * problem details.
 */
import { createRequire } from "node:module";
import { negotiateLang } from "@goodfaith/core";
import { isStoreUnavailable } from "@goodfaith/store";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { routePath } from "hono/route";
import { allowedMethods } from "./allowed-methods.js";
import { createSecured } from "./auth.js";
import { limitBody } from "./body-limit.js";
import type { AppEnv } from "./env.js";
import { parseJsonBody } from "./event-body.js";
import { createIdempotency } from "./idempotency.js";
import { Metrics } from "./metrics.js";
import { registerComponents } from "./openapi.js";
import { type AppOptions, resolveAppOptions } from "./options.js";
import { ProblemError, problemResponse } from "./problem.js";
import { noteProblem, requestLog } from "./request-log.js";
import { registerBacktestRoutes } from "./routes/backtests.js";
import { registerCapitalRoutes } from "./routes/capital.js";
import { registerCustomerRoutes } from "./routes/customers.js";
import type { RouteDeps } from "./routes/deps.js";
import { registerDocRoutes } from "./routes/docs.js";
import { registerEventRoutes } from "./routes/events.js";
import { registerForeignEventRoutes } from "./routes/foreign-events.js";
import { registerGuardRoutes } from "./routes/guard.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerLedgerRoutes } from "./routes/ledger.js";
import { registerMeasureRoutes } from "./routes/measure.js";
import { registerPromiseAdoptionRoute } from "./routes/promise-adoption.js";
import { registerPromiseRoutes } from "./routes/promises.js";
import { registerRemedyRoutes } from "./routes/remedies.js";
import { registerRemedyCallbackRoutes } from "./routes/remedy-callbacks.js";
import { registerWebhookRoutes } from "./routes/webhooks.js";
import { storeUnavailable } from "./unavailable.js";
import { invalidRequest, type Target } from "./zod-issues.js";

const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

// A problem's `instance` is a URI reference: the path as sent, still percent-encoded
// (`c.req.path` is decoded, and may hold spaces or control characters).
const instance = (c: Context) => new URL(c.req.url).pathname;

/** The problem response for `error`, its code noted for the access log. */
function answer(c: Context<AppEnv>, error: ProblemError, lang = c.get("lang")): Response {
  noteProblem(c, error.code);
  return problemResponse(error, lang, instance(c));
}

async function targetInput(c: Context<AppEnv>, target: Target): Promise<unknown> {
  switch (target) {
    case "json":
      return c.req.json().catch(() => undefined);
    case "query":
      return c.req.query();
    case "param":
      return c.req.param();
    case "header":
      return c.req.header();
    default:
      return undefined;
  }
}

/** The app and what it counts. */
export interface App {
  readonly app: OpenAPIHono<AppEnv>;
  readonly metrics: Metrics;
}

/** Builds the HTTP API. Throws if the store lacks the API's ports. */
export function createApp(options: AppOptions): App {
  const resolved = resolveAppOptions(options);
  const metrics = new Metrics();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      const target = (result as { target?: Target }).target ?? "json";
      throw invalidRequest(result.error, target, await targetInput(c, target), c.get("lang"));
    },
  });

  // First, so that a line's time covers every other middleware.
  if (resolved.log !== undefined) app.use(requestLog(resolved.log));
  app.use(async (c, next) => {
    c.set("lang", negotiateLang(c.req.header("accept-language")));
    await next();
    // After `next`, routePath names the last route that ran: this middleware's own when none matched.
    const path = routePath(c);
    const route = path === "/*" || path === "*" ? "unmatched" : path;
    metrics.inc("goodfaith_http_requests_total", {
      route,
      method: c.req.method,
      status: String(c.res.status),
    });
  });
  app.use(
    limitBody(resolved.bodyLimitBytes, (c) =>
      answer(c, new ProblemError("body_too_large", 413, { limit: resolved.bodyLimitBytes })),
    ),
  );

  const deps: RouteDeps = {
    options: resolved,
    secured: createSecured(resolved),
    idempotent: createIdempotency(resolved),
    metrics,
  };
  registerComponents(app);
  registerHealthRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerForeignEventRoutes(app, deps);
  registerGuardRoutes(app, deps);
  registerRemedyRoutes(app, deps);
  registerRemedyCallbackRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerPromiseRoutes(app, deps);
  registerPromiseAdoptionRoute(app, deps);
  registerBacktestRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerMeasureRoutes(app, deps);
  registerCapitalRoutes(app, deps);
  registerDocRoutes(app, VERSION);

  let allowed: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    // Built on first use, when every route is registered.
    allowed ??= allowedMethods(app.routes);
    const methods = allowed(c.req.path);
    const allow = { allow: methods.join(", ") };
    if (c.req.method === "OPTIONS" && methods.length > 0) return c.body(null, 204, allow);
    const error =
      methods.length > 0
        ? new ProblemError(
            "method_not_allowed",
            405,
            { path: c.req.path, method: c.req.method },
            {},
            allow,
          )
        : new ProblemError("not_found", 404, { path: c.req.path });
    return answer(c, error);
  });
  // With a log, the request's own line tells an unexpected error, with its route and status.
  const report = resolved.log === undefined ? resolved.onError : () => {};
  app.onError(async (error, c) => {
    const lang = c.get("lang") ?? negotiateLang(c.req.header("accept-language"));
    return answer(c, await asProblem(error, c, report), lang);
  });
  return { app, metrics };
}

// Errors the app did not throw itself: Hono's (a body that is not JSON), the store's, or bugs.
async function asProblem(
  error: Error,
  c: Context<AppEnv>,
  report: (error: unknown) => void,
): Promise<ProblemError> {
  if (error instanceof ProblemError) return error;
  if (error instanceof HTTPException && error.status === 400) {
    try {
      parseJsonBody(await c.req.text(), c.get("lang"));
    } catch (located) {
      if (located instanceof ProblemError) return located;
    }
    return new ProblemError(
      "invalid_request",
      400,
      {},
      { issues: [{ code: "request.invalid", path: "", message: error.message }] },
    );
  }
  // The route validators' gate: a declared JSON body sent as something else (or as nothing).
  if (error instanceof HTTPException && error.status === 415) {
    return new ProblemError("unsupported_media_type", 415, {
      expected: "application/json",
      given: c.req.header("content-type") || "—",
    });
  }
  report(error);
  // An outage is not a defect: the client should come back, and an operator should see a 503
  // in the metrics, not a 500.
  if (isStoreUnavailable(error)) return storeUnavailable();
  return new ProblemError("internal", 500);
}
