/**
 * `POST /v1/backtests`: replays the stored events through a proposed Bill of Rights in
 * shadow (nothing is written) and reports what it would have paid; with `against`, how it
 * differs from another set: documents sent, or `"current"`, the set the server decides with
 * now. Runs in the request: meant for a person deciding, not a loop.
 */
import {
  type BacktestReport,
  backtest,
  compareBacktests,
  jsonSafe,
  type PromiseDocument,
  type PromiseSetVersion,
  REPORTED_ISSUES,
} from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { ProblemError } from "../problem.js";
import { problemResponses } from "../schemas.js";
import { refinement } from "../zod-issues.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";
import { loadTexts, unloadable } from "./promise-texts.js";
import { SetSchema, setJson } from "./promises.js";

const Documents = z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(20)]);

/** `against`'s name for the set the server decides with now. */
const CURRENT = "current";

const Against = z
  .union([z.literal(CURRENT), Documents])
  .superRefine((value, ctx) => {
    // Every promise document has a key and its value, so a colon: a lone word ("currnt") is a
    // misspelt "current", not a document whose YAML problems are worth reporting.
    if (typeof value === "string" && value !== CURRENT && !value.includes(":"))
      ctx.addIssue({ code: "custom", ...refinement("invalid_against") });
  })
  .openapi({
    description:
      '`"current"`: the set this server decides with now (the one `GET /v1/promises` serves; the answer names its version as `againstSet`); else the set to compare with, as YAML texts',
  });

const BacktestRequest = z
  .strictObject({
    promises: Documents.openapi({ description: "the proposed promise documents, as YAML text" }),
    against: Against.optional(),
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
  description: `Scopes: agent, admin. Remedies by promise and day, cost per currency, customers reached; with \`against\`, the difference. \`against: "current"\` compares with the set the server decides with now, named as \`againstSet\` when the store keeps it (the body \`goodfaith backtest --against --json\` prints); a 409 \`no_promises\` when the server serves none. A document that does not load is a 400 with its located issues (path \`promises[i]\` or \`against[i]\`): the first ${REPORTED_ISSUES} of each document, as \`POST /v1/promises/validate\` and \`goodfaith backtest\` give them, and \`issueCount\` counting them all.`,
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
            againstSet: SetSchema.extend({ from: z.literal("kept") })
              .optional()
              .openapi({
                description:
                  'with `against: "current"`: the store\'s version compared with, as `GET /v1/promises` names it in `set`; absent when the server was given documents the store does not keep',
              }),
          }),
        },
      },
    },
    ...problemResponses(400, 409, 413),
  },
});

/**
 * `againstSet`: the kept version compared with, as `goodfaith backtest --against --json` names
 * it, member for member: `GET /v1/promises`'s `set` with `from` after the digest.
 */
function againstSetJson(set: PromiseSetVersion) {
  const { version, digest, ...rest } = setJson(set);
  return { version, digest, from: "kept", ...rest };
}

/** Adds `POST /v1/backtests`. */
export function registerBacktestRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store, ingest } = deps.options;
  app.openapi({ ...route, middleware: [deps.secured(["agent"]), deps.idempotent] }, async (c) => {
    const body = c.req.valid("json");
    const lang = c.get("lang");
    const proposed = loadTexts(body.promises, "promises", lang);
    const sent = body.against === undefined || body.against === CURRENT ? undefined : body.against;
    const against = sent === undefined ? undefined : loadTexts(sent, "against", lang);
    const loaded = against === undefined ? [proposed] : [proposed, against];
    if (loaded.some((l) => l.issues.length > 0)) throw unloadable(loaded);
    // Read together, before any wait: a switch replaces the documents and their version at once.
    const { documents: served, promiseSet } = ingest;
    const current = body.against === CURRENT;
    if (current && served.length === 0) throw new ProblemError("no_promises", 409);
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
    const compared = current ? served : against?.documents;
    if (compared === undefined) return c.json({ proposed: jsonSafe(report) } as never, 200);
    const other = await run(compared);
    return c.json(
      {
        proposed: jsonSafe(report),
        against: jsonSafe(other),
        comparison: jsonSafe(compareBacktests(report, other)),
        ...(current && promiseSet !== undefined && { againstSet: againstSetJson(promiseSet) }),
      } as never,
      200,
    );
  });
}
