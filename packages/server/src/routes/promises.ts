/**
 * The Bill of Rights being served (the one the ingestion service decides with now, which
 * follows the store's): as JSON with the store's version, as the customer-facing page, every
 * version the store adopted, and validation of a draft.
 */
import {
  capIssues,
  isLang,
  type Lang,
  loadPromises,
  negotiateLang,
  type PromiseSetVersion,
  REPORTED_ISSUES,
  renderHtml,
  renderMarkdown,
} from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { apiIssue } from "../problem.js";
import { ApiIssueSchema, problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

const PromiseSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    text: z.string(),
    on: z.array(z.string()),
    remedy: z.string().openapi({ description: "the remedy kind" }),
  })
  .openapi("Promise");

const DocumentSchema = z
  .object({
    company: z.string(),
    version: z.string(),
    currency: z.string(),
    title: z.string().optional(),
    promises: z.array(PromiseSchema),
  })
  .openapi("PromiseDocument");

/** A version of the store's Bill of Rights, as the promise routes name it. */
export const SetSchema = z
  .object({
    version: z.number().int().openapi({ description: "1, 2, 3… in the order adopted" }),
    digest: z.string().openapi({
      description: "lowercase hex SHA-256 of the documents' texts, in order (RFC 8785 JSON array)",
    }),
    adoptedAt: z.string().openapi({ description: "RFC 3339", example: "2026-11-20T09:00:00.000Z" }),
    actor: z.string().openapi({ example: "cli:promises" }),
  })
  .openapi("PromiseSet");

const SetVersionSchema = SetSchema.extend({
  documents: z.array(
    z.object({
      file: z.string().openapi({ description: "where it was read from, as given" }),
      company: z.string().optional(),
      version: z.string().optional(),
    }),
  ),
}).openapi("PromiseSetVersion");

/** `set` as `SetSchema` has it. */
export const setJson = (set: PromiseSetVersion) => ({
  version: set.version,
  digest: set.digest,
  adoptedAt: new Date(set.adoptedAt).toISOString(),
  actor: set.actor,
});

const listRoute = createRoute({
  method: "get",
  path: "/v1/promises",
  tags: ["promises"],
  summary: "The promises being kept, in a language",
  description:
    "Scopes: any. `format=json` (default) gives the documents with texts in the language, and `set`, the store's version they are (null when the server was given documents the store does not keep); `markdown` and `html` give the customer-facing promise page. The language is `lang`, else Accept-Language. The server follows the store: a set adopted by another process is served within seconds.",
  security: BEARER,
  request: {
    query: z.object({
      lang: z.string().optional().openapi({ example: "sv" }),
      format: z.enum(["json", "markdown", "html"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "the documents, or the rendered page",
      content: {
        "application/json": {
          schema: z.object({
            lang: z.string(),
            set: SetSchema.nullable(),
            documents: z.array(DocumentSchema),
          }),
        },
        "text/markdown": { schema: z.string() },
        "text/html": { schema: z.string() },
      },
    },
    ...problemResponses(400),
  },
});

const historyRoute = createRoute({
  method: "get",
  path: "/v1/promises/history",
  tags: ["promises"],
  summary: "Every version of the promises the store adopted",
  description:
    "Scopes: any. Oldest first; the last is in effect (`GET /v1/promises` names the one this server serves, which follows it within seconds). Documents without their texts: `goodfaith promises show <version>` prints them.",
  security: BEARER,
  responses: {
    200: {
      description: "the versions",
      content: {
        "application/json": { schema: z.object({ versions: z.array(SetVersionSchema) }) },
      },
    },
    ...problemResponses(),
  },
});

const validateRoute = createRoute({
  method: "post",
  path: "/v1/promises/validate",
  tags: ["promises"],
  summary: "Validate a promise document (YAML)",
  description:
    "Scopes: agent, admin. The body is the YAML text. Answers 200 either way: `valid` with the promise ids, or the problems with their line, column and path (the first 100; `issueCount` counts them all).",
  security: BEARER,
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    body: {
      required: true,
      content: { "application/yaml": { schema: z.string() }, "text/plain": { schema: z.string() } },
    },
  },
  responses: {
    200: {
      description: "the verdict",
      content: {
        "application/json": {
          schema: z.object({
            valid: z.boolean(),
            company: z.string().optional(),
            version: z.string().optional(),
            promises: z.array(z.string()).optional(),
            issues: z
              .array(ApiIssueSchema)
              .optional()
              .openapi({
                description: `at most ${REPORTED_ISSUES}: the first ones in the document`,
              }),
            issueCount: z.number().int().optional().openapi({ description: "every issue found" }),
          }),
        },
      },
    },
    ...problemResponses(413),
  },
});

/** Adds the promise routes. */
export function registerPromiseRoutes(app: ApiApp, deps: RouteDeps): void {
  const { ingest, store } = deps.options;
  const anyScope = deps.secured(["ingest", "guard", "agent"]);
  app.openapi({ ...listRoute, middleware: [anyScope] }, (c) => {
    const { documents, promiseSet } = ingest;
    const q = c.req.valid("query");
    const lang: Lang =
      q.lang !== undefined && isLang(q.lang)
        ? q.lang
        : q.lang !== undefined
          ? negotiateLang(q.lang)
          : c.get("lang");
    c.header("content-language", lang);
    if (q.format === "markdown") {
      return c.body(documents.map((d) => renderMarkdown(d, lang)).join("\n---\n\n"), 200, {
        "content-type": "text/markdown; charset=utf-8",
      }) as never;
    }
    if (q.format === "html") {
      const page =
        documents.length === 1 && documents[0] !== undefined
          ? renderHtml(documents[0], lang, { standalone: true })
          : htmlPages(
              documents.map((d) => renderHtml(d, lang)),
              lang,
            );
      return c.html(page) as never;
    }
    return c.json(
      {
        lang,
        set: promiseSet === undefined ? null : setJson(promiseSet),
        documents: documents.map((d) => ({
          company: d.company,
          version: d.version,
          currency: d.currency,
          ...(d.title !== undefined && { title: d.title[lang] }),
          promises: d.promises.map((p) => ({
            id: p.id,
            version: p.version,
            title: p.title[lang],
            text: p.text[lang],
            on: [...p.on],
            remedy: p.remedy.kind,
          })),
        })),
      },
      200,
    );
  });

  app.openapi({ ...historyRoute, middleware: [anyScope] }, async (c) => {
    const history = await store.promiseSetHistory();
    const versions = history.map((v) => ({ ...setJson(v), documents: [...v.documents] }));
    return c.json({ versions }, 200);
  });

  app.openapi(
    { ...validateRoute, middleware: [deps.secured(["agent"]), deps.idempotent] },
    async (c) => {
      const lang = c.get("lang");
      const loaded = loadPromises(await c.req.text(), "request body");
      if (!loaded.ok) {
        const { shown, total } = capIssues(loaded.issues);
        const issues = shown.map((i) => apiIssue(i, lang));
        return c.json({ valid: false, issues, issueCount: total }, 200);
      }
      const doc = loaded.value;
      return c.json(
        {
          valid: true,
          company: doc.company,
          version: doc.version,
          promises: doc.promises.map((p) => p.id),
        },
        200,
      );
    },
  );
}

// Several documents on one page: their fragments in one standalone shell.
function htmlPages(fragments: readonly string[], lang: Lang): string {
  return `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>Promises</title></head>\n<body>\n${fragments.join("\n")}</body>\n</html>\n`;
}
