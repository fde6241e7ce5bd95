/** `/openapi.json` and `/docs`, generated once from the registered routes. */
import { docsPage } from "../docs-page.js";
import { openApiDocument } from "../openapi.js";
import type { ApiApp } from "./deps.js";

/** Adds the document and its page; call after every other route is registered. */
export function registerDocRoutes(app: ApiApp, version: string): void {
  let doc: Record<string, unknown> | undefined;
  let page: string | undefined;
  const document = () => {
    doc ??= openApiDocument(app, version);
    return doc;
  };
  app.get("/openapi.json", (c) => c.json(document()));
  app.get("/docs", (c) => {
    page ??= docsPage(document());
    return c.html(page);
  });
}
