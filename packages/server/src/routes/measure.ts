/**
 * The trust scorecard and the customer journey: `GET /v1/scorecard`, `GET
 * /v1/scorecard/explain` and `GET /v1/metrics/journey` (formulas: docs/scorecard.md). Served
 * from measures kept in memory that follow the store (see `live-measures.ts`).
 */
import { DIMENSIONS, PERIODS } from "@goodfaith/measure";
import {
  EXPLAINABLE,
  explainQuery,
  journeyJson,
  parseBucket,
  scorecardRowsJson,
} from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { liveMeasures, MEASURE_REFRESH_MS } from "../live-measures.js";
import { problemResponses } from "../schemas.js";
import { refinement } from "../zod-issues.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const Share = z.number().nullable();
const FRESHNESS = `Figures follow the store to within ${MEASURE_REFRESH_MS} ms.`;

const ScorecardRowSchema = z
  .object({
    bucket: z.string().openapi({ example: "2026-W45", description: "day, ISO week, month or all" }),
    period: z.enum(PERIODS),
    start: z.string().nullable().openapi({ description: "the bucket's first day; null for all" }),
    dimension: z.enum(DIMENSIONS),
    value: z.string().openapi({ description: "segment, channel or promise; empty for all" }),
    counts: z.record(z.string(), z.number().int()),
    money: z.record(z.string(), z.record(z.string(), z.string())).openapi({
      description: "moneyKept and revenueForgone, per currency, as decimal strings",
    }),
    figures: z.object({
      shares: z.record(z.string(), Share),
      timeToRemedyP50Ms: Share,
      timeToRemedyP90Ms: Share,
      trustIndex: Share,
    }),
  })
  .openapi("ScorecardRow");

const scorecardRoute = createRoute({
  method: "get",
  path: "/v1/scorecard",
  tags: ["measure"],
  summary: "The trust scorecard",
  description: `Scopes: agent, admin. One row per bucket of \`by\` and value of \`dimension\`, oldest first: counts, money, every share and the Trust Index (0–100). ${FRESHNESS}`,
  security: BEARER,
  request: {
    query: z.object({
      by: z.enum(PERIODS).default("all"),
      dimension: z.enum(DIMENSIONS).default("all"),
    }),
  },
  responses: {
    200: {
      description: "the scorecard",
      content: {
        "application/json": { schema: z.object({ rows: z.array(ScorecardRowSchema) }) },
      },
    },
    ...problemResponses(400),
  },
});

const explainRoute = createRoute({
  method: "get",
  path: "/v1/scorecard/explain",
  tags: ["measure"],
  summary: "The facts behind one figure",
  description: `Scopes: agent, admin. For each count the figure is made of (numerator, then denominator): its total (the count itself), up to \`limit\` of the items it adds up (an order and each of its viewing sessions are each a transaction), case by case in key order, and the event ids, remedy keys, notice ids and warning ids of their cases and warnings. ${FRESHNESS}`,
  security: BEARER,
  request: {
    query: z.object({
      figure: z.enum(EXPLAINABLE as [string, ...string[]]).openapi({ example: "toldFirst" }),
      period: z
        .string()
        .refine((p) => parseBucket(p) !== undefined, refinement("invalid_bucket"))
        .default("all")
        .openapi({ example: "2026-W45" }),
      dimension: z.enum(DIMENSIONS).default("all"),
      value: z.string().default("").openapi({ description: "the segment, channel or promise" }),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
    }),
  },
  responses: {
    200: {
      description: "the explanation",
      content: {
        "application/json": {
          schema: z
            .object({
              figure: z.string(),
              bucket: z.string(),
              dimension: z.enum(DIMENSIONS),
              value: z.string(),
              counts: z.array(
                z.object({
                  counter: z.string(),
                  total: z.number().int(),
                  items: z.array(
                    z.object({
                      at: z.string().openapi({ description: "when it counts, RFC 3339" }),
                      subject: z
                        .string()
                        .openapi({ example: "order:r1", description: "the case, or warning:<id>" }),
                      event: z.string().optional(),
                      session: z.string().optional(),
                      remedy: z.string().optional(),
                      notice: z.string().optional(),
                    }),
                  ),
                  events: z.array(z.string()),
                  remedies: z.array(z.string()),
                  notices: z.array(z.string()),
                  warnings: z.array(z.string()),
                }),
              ),
            })
            .openapi("ScorecardExplanation"),
        },
      },
    },
    ...problemResponses(400),
  },
});

const Summary = z.object({
  count: z.number().int(),
  p50: Share,
  p95: Share,
  p99: Share,
  min: Share,
  max: Share,
});

const journeyRoute = createRoute({
  method: "get",
  path: "/v1/metrics/journey",
  tags: ["measure"],
  summary: "The customer journey in real time",
  description: `Scopes: agent, admin. Purchases, delivery lateness (hours), rebuffer ratio, flight arrival delay (minutes) and support wait (seconds) over the last 5 minutes, hour and 24 hours of event time and all time; quantiles within \`relativeAccuracy\` of the exact value. ${FRESHNESS}`,
  security: BEARER,
  responses: {
    200: {
      description: "the journey metrics",
      content: {
        "application/json": {
          schema: z
            .object({
              at: z
                .string()
                .nullable()
                .openapi({ description: "when the windows end (the latest event time)" }),
              relativeAccuracy: z.number(),
              purchases: z.record(z.string(), z.object({ count: z.number().int() })),
              distributions: z.record(z.string(), z.record(z.string(), Summary)),
            })
            .openapi("JourneySnapshot"),
        },
      },
    },
    ...problemResponses(400),
  },
});

/** Adds the scorecard and journey routes. */
export function registerMeasureRoutes(app: ApiApp, deps: RouteDeps): void {
  const measures = liveMeasures(deps.options.store, deps.options.now);
  const agent = [deps.secured(["agent"])];

  app.openapi({ ...scorecardRoute, middleware: agent }, async (c) => {
    const { by, dimension } = c.req.valid("query");
    const { scorecard } = await measures.read();
    return c.json({ rows: scorecardRowsJson(scorecard.report({ by, dimension })) } as never, 200);
  });

  app.openapi({ ...explainRoute, middleware: agent }, async (c) => {
    const request = c.req.valid("query");
    const checked = explainQuery(request);
    // The query schema admits only figures and buckets explainQuery accepts.
    if (!checked.ok) throw new Error(`unchecked ${checked.field}`);
    const { scorecard } = await measures.read();
    const { figure, period, dimension, value } = request;
    const counts = scorecard.explain(checked.query);
    return c.json({ figure, bucket: period, dimension, value, counts } as never, 200);
  });

  app.openapi({ ...journeyRoute, middleware: agent }, async (c) => {
    const { journey } = await measures.read();
    return c.json(journeyJson(journey.snapshot()) as never, 200);
  });
}
