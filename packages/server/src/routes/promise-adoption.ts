/**
 * `POST /v1/promises`: adopts promise documents as the store's Bill of Rights — what
 * `goodfaith promises adopt` does — and has this server decide with them at once; other
 * servers over the store follow within their poll. Admin only: it changes what every
 * customer is promised.
 */
import { type PromiseSource, REPORTED_ISSUES } from "@goodfaith/core";
import { adoptPromises } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";
import { loadTexts, unloadable } from "./promise-texts.js";
import { SetSchema, setJson } from "./promises.js";

const AdoptRequest = z
  .strictObject({
    documents: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(255).optional().openapi({
            description:
              "kept as the document's `file` (listed by `GET /v1/promises/history`); default `api:<index>`",
            example: "retail/promises.yaml",
          }),
          yaml: z.string().min(1).openapi({ description: "the promise document, as YAML text" }),
        }),
      )
      .min(1)
      .max(20)
      .openapi({ description: "the whole set, in the order the engine reads them" }),
  })
  .openapi("AdoptPromisesRequest");

const route = createRoute({
  method: "post",
  path: "/v1/promises",
  tags: ["promises"],
  summary: "Adopt a Bill of Rights: the store's set in effect",
  description: `Scopes: admin. What \`goodfaith promises adopt\` does: the documents become the store's set in effect (a new version, with its \`promises.adopted\` ledger entry, actor \`api-key:<key id>\`), and this server decides with them at once; other servers over the store follow within their poll. A set is adopted whole: promises of the set it replaces that it lacks are named in \`dropped\`. Texts equal to the set in effect (file names do not count) adopt nothing: \`adopted: false\`. Texts of an earlier version are a rollback, named in \`repeats\`. A document that does not load is a 400 with its located issues (path \`documents[i]\`: the first ${REPORTED_ISSUES} of each document, \`issueCount\` counting them all), and nothing is adopted.`,
  security: BEARER,
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    body: { required: true, content: { "application/json": { schema: AdoptRequest } } },
  },
  responses: {
    200: {
      description: "the set in effect, and how it came to be",
      content: {
        "application/json": {
          schema: z.object({
            adopted: z
              .boolean()
              .openapi({ description: "false when the texts were the set in effect already" }),
            set: SetSchema,
            repeats: z.number().int().optional().openapi({
              description: "adopted: the earlier version whose texts these are again (a rollback)",
            }),
            dropped: z.array(z.string()).optional().openapi({
              description: "adopted: ids of the replaced set's promises this set does not have",
            }),
          }),
        },
      },
    },
    ...problemResponses(400, 413),
  },
});

/** Adds `POST /v1/promises`. */
export function registerPromiseAdoptionRoute(app: ApiApp, deps: RouteDeps): void {
  const { store, ingest, log, now } = deps.options;
  app.openapi({ ...route, middleware: [deps.secured(["admin"]), deps.idempotent] }, async (c) => {
    const { documents: sent } = c.req.valid("json");
    const loaded = loadTexts(
      sent.map((d) => d.yaml),
      "documents",
      c.get("lang"),
    );
    if (loaded.issues.length > 0) throw unloadable([loaded]);
    const { documents } = loaded;
    const sources = sent.map(({ name, yaml }, i): PromiseSource => {
      const d = documents[i];
      return {
        file: name ?? `api:${i}`,
        text: yaml,
        ...(d !== undefined && { company: d.company, version: d.version }),
      };
    });
    const actor = `api-key:${c.get("apiKey").id}`;
    const adoption = await adoptPromises(store, sources, { actor, now, documents });
    const { adopted, set, repeats, dropped } = adoption;
    // Texts the store had already may still be new here (the follower had not looked yet).
    if (set.version !== ingest.promiseSet?.version) await ingest.switchTo(documents, set);
    if (adopted) {
      log?.info(
        { event: "promises_adopted", promiseSet: set.version, digest: set.digest },
        `promise set version ${set.version} adopted and in effect`,
      );
    }
    return c.json(
      {
        adopted,
        set: setJson(set),
        ...(repeats !== undefined && { repeats }),
        ...(dropped !== undefined && { dropped: [...dropped.ids] }),
      },
      200,
    );
  });
}
