/**
 * Relationship capital and the "customer delight first" report: `GET /v1/capital` (customer
 * equity, value at risk, write-down, value protected per promise) and `GET /v1/report` (the
 * report of a period as standalone HTML with SVG charts, or text), read from the store per
 * request (formulas: docs/scorecard.md).
 */
import { LANGS } from "@goodfaith/core";
import {
  capitalUnavailableText,
  parsePeriod,
  renderReportHtml,
  renderReportText,
} from "@goodfaith/measure";
import { capitalFromStore, capitalJson, reportViewFromStore } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { ProblemError } from "../problem.js";
import { problemResponses } from "../schemas.js";
import { refinement } from "../zod-issues.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const PeriodQuery = z
  .string()
  .refine((p) => parsePeriod(p) !== undefined, refinement("invalid_period"))
  .optional()
  .openapi({
    description:
      "YYYY-MM or YYYY-MM-DD..YYYY-MM-DD; default the month of the latest event (with the month before in its first week)",
    example: "2026-11",
  });
const CurrencyQuery = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .optional()
  .openapi({ description: "reporting currency; default the one with the most purchases" });

// A period the client sent (its schema has checked it), parsed.
const period = (text: string | undefined) => (text === undefined ? undefined : parsePeriod(text));

const capitalRoute = createRoute({
  method: "get",
  path: "/v1/capital",
  tags: ["measure"],
  summary: "Relationship capital",
  description:
    "Scopes: agent, admin. Customer equity at the start and end of the period, value at risk (customers with an unremedied or late-remedied incident), write-down (relationships whose probability alive fell below the threshold), value protected per promise. 422 when the log cannot identify the models yet.",
  security: BEARER,
  request: { query: z.object({ period: PeriodQuery, currency: CurrencyQuery }) },
  responses: {
    200: {
      description: "the capital of the period",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses(400, 422),
  },
});

const reportRoute = createRoute({
  method: "get",
  path: "/v1/report",
  tags: ["measure"],
  summary: "The customer delight first report",
  description:
    "Scopes: agent, admin. What customers lived through (promises kept, problems fixed before they called, the worst failures and what they cost in relationships), then the operating figures; `format=html` is a standalone page with SVG charts.",
  security: BEARER,
  request: {
    query: z.object({
      period: PeriodQuery,
      currency: CurrencyQuery,
      lang: z.enum(LANGS).optional().openapi({ description: "default from Accept-Language" }),
      format: z.enum(["html", "text"]).default("html"),
    }),
  },
  responses: {
    200: {
      description: "the report",
      content: { "text/html": { schema: z.string() }, "text/plain": { schema: z.string() } },
    },
    ...problemResponses(400),
  },
});

/** Adds `GET /v1/capital` and `GET /v1/report`. */
export function registerCapitalRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  app.openapi({ ...capitalRoute, middleware: [deps.secured(["agent"])] }, async (c) => {
    const query = c.req.valid("query");
    const chosen = period(query.period);
    const result = await capitalFromStore(store, {
      ...(chosen && { period: chosen }),
      ...(query.currency !== undefined && { currency: query.currency }),
    });
    if (!result.capital.ok || result.currency === undefined) {
      // The report's own words for why, in the caller's language.
      const reason = capitalUnavailableText(result.capital, c.get("lang"));
      throw new ProblemError("capital_unavailable", 422, { reason });
    }
    return c.json(capitalJson(result.capital.value, result.currency, result.leftOut) as never, 200);
  });
  app.openapi({ ...reportRoute, middleware: [deps.secured(["agent"])] }, async (c) => {
    const query = c.req.valid("query");
    const chosen = period(query.period);
    const view = await reportViewFromStore(
      store,
      {
        ...(chosen && { period: chosen }),
        ...(query.currency !== undefined && { currency: query.currency }),
      },
      query.lang ?? c.get("lang"),
    );
    return query.format === "text"
      ? c.text(renderReportText(view), 200)
      : c.html(renderReportHtml(view), 200);
  });
}
