/**
 * `POST /v1/backtests`: replays the stored events through a proposed Bill of Rights in
 * shadow (nothing is written) and reports what it would have paid; with `against`, how it
 * differs from another set. Runs in the request: meant for a person deciding, not a loop.
 */
import {
  type BacktestReport,
  backtest,
  capIssues,
  compareBacktests,
  jsonSafe,
  loadPromises,
  type PromiseDocument,
  REPORTED_ISSUES,
} from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { type ApiIssue, apiIssue, ProblemError } from "../problem.js";
import { problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

const Documents = z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(20)]);

const BacktestRequest = z
  .strictObject({
    promises: Documents.openapi({ description: "the proposed promise documents, as YAML text" }),
    against: Documents.optional().openapi({ description: "the set to compare with (YAML)" }),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "count remedies from" }),
    to: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "count remedies before" }),
  })
  .openapi("BacktestRequest");

const route = createRoute({
  method: "post",
  path: "/v1/backtests",
  tags: ["promises"],
  summary: "Backtest a proposed Bill of Rights on the stored events",
  description: `Scopes: agent, admin. Remedies by promise and day, cost per currency, customers reached; with \`against\`, the difference. A document that does not load is a 400 with its located issues (path \`promises[i]\` or \`against[i]\`): the first ${REPORTED_ISSUES} of each document, as \`POST /v1/promises/validate\` and \`goodfaith backtest\` give them, and \`issueCount\` counting them all.`,
  security: BEARER,
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    body: { required: true, content: { "application/json": { schema: BacktestRequest } } },
  },
  responses: {
    200: {
      description: "the report(s)",
      content: {
        "application/json": {
          schema: z.object({
            proposed: z.record(z.string(), z.unknown()),
            against: z.record(z.string(), z.unknown()).optional(),
            comparison: z.record(z.string(), z.unknown()).optional(),
          }),
        },
      },
    },
    ...problemResponses(400, 413),
  },
});

function load(
  texts: string | readonly string[],
  field: string,
  lang: Parameters<typeof apiIssue>[1],
) {
  const list = typeof texts === "string" ? [texts] : texts;
  const documents: PromiseDocument[] = [];
  const issues: ApiIssue[] = [];
  let count = 0;
  list.forEach((text, i) => {
    const loaded = loadPromises(text, `${field}[${i}]`);
    if (loaded.ok) documents.push(loaded.value);
    else {
      // Bounded as validation is: a document wrong everywhere must not make a huge problem.
      const { shown, total } = capIssues(loaded.issues);
      count += total;
      for (const issue of shown) {
        const located = apiIssue(issue, lang);
        issues.push({
          ...located,
          path: located.path ? `${field}[${i}].${located.path}` : `${field}[${i}]`,
        });
      }
    }
  });
  return { documents, issues, count };
}

/** Adds `POST /v1/backtests`. */
export function registerBacktestRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  app.openapi({ ...route, middleware: [deps.secured(["agent"]), deps.idempotent] }, async (c) => {
    const body = c.req.valid("json");
    const lang = c.get("lang");
    const proposed = load(body.promises, "promises", lang);
    const against = body.against === undefined ? undefined : load(body.against, "against", lang);
    const issues = [...proposed.issues, ...(against?.issues ?? [])];
    const issueCount = proposed.count + (against?.count ?? 0);
    if (issues.length > 0)
      throw new ProblemError("invalid_request", 400, {}, { issues, issueCount });
    const window = {
      ...(body.from !== undefined && { from: Date.parse(body.from) }),
      ...(body.to !== undefined && { to: Date.parse(body.to) }),
    };
    const run = async (documents: readonly PromiseDocument[]): Promise<BacktestReport> => {
      async function* events() {
        // Earlier events still build state; only remedies are counted in the window.
        for await (const { event } of store.readEvents(
          window.to === undefined ? {} : { to: window.to },
        )) {
          yield event;
        }
      }
      return backtest(documents, events(), window);
    };
    const report = await run(proposed.documents);
    if (against === undefined) return c.json({ proposed: jsonSafe(report) } as never, 200);
    const current = await run(against.documents);
    return c.json(
      {
        proposed: jsonSafe(report),
        against: jsonSafe(current),
        comparison: jsonSafe(compareBacktests(report, current)),
      } as never,
      200,
    );
  });
}
