/** Remedies: list (filters, cursor pages), one with its history, approve and reject. */
import {
  type Lang,
  REMEDY_ACTION_WORDS,
  REMEDY_STATUS_WORDS,
  REMEDY_STATUSES,
  type RemedyFilter,
  type RemedyStatus,
} from "@goodfaith/core";
import { type Decision, decideRemedy } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { ProblemError } from "../problem.js";
import { decodeCursor, encodeCursor, historyJson, remedyJson } from "../remedy-json.js";
import { problemResponses, RemedyHistorySchema, RemedySchema } from "../schemas.js";
import { badRequest } from "../zod-issues.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

const ListQuery = z.object({
  status: z
    .string()
    .optional()
    .openapi({
      description: `comma-separated: ${REMEDY_STATUSES.join(", ")}`,
      example: "awaiting_approval",
    }),
  customer: z.string().min(1).optional(),
  promise: z.string().min(1).optional(),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "incident time at or after" }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: "incident time before" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional().openapi({ description: "`next` of the previous page" }),
});

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .openapi({ param: { name: "key", in: "path" }, example: "late-delivery:order:o-1001" }),
});

const listRoute = createRoute({
  method: "get",
  path: "/v1/remedies",
  tags: ["remedies"],
  summary: "List remedies, in incident time order",
  description: "Scopes: agent, admin.",
  security: BEARER,
  request: { query: ListQuery },
  responses: {
    200: {
      description: "one page; pass `next` as `cursor` for the following one",
      content: {
        "application/json": {
          schema: z.object({ remedies: z.array(RemedySchema), next: z.string().optional() }),
        },
      },
    },
    ...problemResponses(400),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/remedies/{key}",
  tags: ["remedies"],
  summary: "A remedy with its explanation and every move it made",
  description: "Scopes: agent, admin.",
  security: BEARER,
  request: { params: KeyParam },
  responses: {
    200: {
      description: "the remedy",
      content: { "application/json": { schema: RemedyHistorySchema } },
    },
    ...problemResponses(404),
  },
});

function decisionRoute(decision: Decision) {
  return createRoute({
    method: "post",
    path: `/v1/remedies/{key}/${decision}`,
    tags: ["remedies"],
    summary:
      decision === "approve"
        ? "Approve a remedy awaiting approval"
        : "Reject a remedy awaiting approval",
    description:
      "Scopes: agent, admin. The move is recorded with the key as actor, and on the ledger.",
    security: BEARER,
    parameters: [IDEMPOTENCY_HEADER],
    request: {
      params: KeyParam,
      body: {
        required: false,
        content: {
          "application/json": {
            schema: z.strictObject({ reason: z.string().max(1000).optional() }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "moved",
        content: { "application/json": { schema: RemedyHistorySchema } },
      },
      ...problemResponses(400, 404, 409),
    },
  });
}

function statuses(text: string | undefined, lang: Lang): RemedyStatus[] | undefined {
  if (text === undefined) return undefined;
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = list.find((s) => !(REMEDY_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined) {
    throw badRequest("invalid_status", "query.status", lang, {
      value: unknown,
      allowed: REMEDY_STATUSES.join(", "),
    });
  }
  return list as RemedyStatus[];
}

/** Adds the remedy routes. */
export function registerRemedyRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  const agent = deps.secured(["agent"]);

  app.openapi({ ...listRoute, middleware: [agent] }, async (c) => {
    const q = c.req.valid("query");
    const lang = c.get("lang");
    const status = statuses(q.status, lang);
    const filter: RemedyFilter = {
      ...(status !== undefined && { status }),
      ...(q.customer !== undefined && { customer: q.customer }),
      ...(q.promise !== undefined && { promise: q.promise }),
      ...(q.from !== undefined && { from: Date.parse(q.from) }),
      ...(q.to !== undefined && { to: Date.parse(q.to) }),
    };
    const page = await store.listRemedies(filter, {
      limit: q.limit,
      ...(q.cursor !== undefined && { after: decodeCursor(q.cursor, lang) }),
    });
    return c.json(
      {
        remedies: page.remedies.map(remedyJson),
        ...(page.next !== undefined && { next: encodeCursor(page.next) }),
      } as never,
      200,
    );
  });

  app.openapi({ ...getRoute, middleware: [agent] }, async (c) => {
    const { key } = c.req.valid("param");
    const history = await store.getRemedy(key);
    if (history === undefined) throw new ProblemError("remedy_not_found", 404, { key });
    return c.json(historyJson(history) as never, 200);
  });

  for (const decision of ["approve", "reject"] as const) {
    app.openapi({ ...decisionRoute(decision), middleware: [agent, deps.idempotent] }, async (c) => {
      const { key } = c.req.valid("param");
      const lang = c.get("lang");
      const { reason } = c.req.valid("json");
      const actor = `api-key:${c.get("apiKey").id}`;
      const result = await decideRemedy(store, key, decision, actor, deps.options.now(), {
        ...(reason !== undefined && { reason }),
      });
      if (!result.ok) {
        if (result.code === "unknown_remedy")
          throw new ProblemError("remedy_not_found", 404, { key });
        const current =
          result.code === "status_mismatch"
            ? result.status
            : (await store.getRemedy(key))?.remedy.status;
        throw new ProblemError(
          "remedy_conflict",
          409,
          {
            status: current === undefined ? "—" : REMEDY_STATUS_WORDS[lang][current],
            action: REMEDY_ACTION_WORDS[lang][decision],
          },
          { remedyStatus: current },
        );
      }
      deps.metrics.inc("goodfaith_remedy_decisions_total", { decision });
      const history = await store.getRemedy(key);
      return c.json(history === undefined ? ({} as never) : (historyJson(history) as never), 200);
    });
  }
}
