/**
 * The promise page: a Bill of Rights as customers read it, in Markdown or HTML, in English,
 * Chinese (zh-CN) and Swedish.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { loadPromises } from "../promises/load.js";
 * import { renderHtml, renderMarkdown } from "./index.js";
 *
 * const loaded = loadPromises(readFileSync("packs/airline/promises.yaml", "utf8"));
 * if (!loaded.ok) throw new Error(loaded.issues[0]?.code);
 * console.log(renderMarkdown(loaded.value, "sv")); // "# Northwind Airs kundrättigheter\n…"
 * const page = renderHtml(loaded.value, "zh-CN", { standalone: true }); // "<!doctype html>…"
 * ```
 */

export { escapeHtml } from "./escape-html.js";
export { escapeMarkdown } from "./escape-markdown.js";
export { type PageMessages, pageMessages } from "./messages.js";
export { buildPageView, type PageView, type PromiseView } from "./page-model.js";
export { possessive } from "./possessive.js";
export { describeAmount, describeWithin, promiseFacts } from "./promise-facts.js";
export { type RenderHtmlOptions, renderHtml, renderMarkdown } from "./render-promise-page.js";
