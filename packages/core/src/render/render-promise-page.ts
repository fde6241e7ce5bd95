/**
 * A Bill of Rights as the customer-facing promise page, in Markdown or HTML, in any of the
 * three languages. Pure: the same document and language always give the same text.
 */
import type { Lang } from "../i18n/lang.js";
import type { PromiseDocument } from "../promises/document.js";
import { escapeHtml } from "./escape-html.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { buildPageView, type PromiseView } from "./page-model.js";
import { PAGE_STYLE } from "./page-style.js";

/** How to render the HTML promise page. */
export interface RenderHtmlOptions {
  /**
   * A whole document (doctype, head, inline stylesheet) to serve or save as a file, rather
   * than a `<main>` fragment to place inside another page.
   * @default false
   */
  readonly standalone?: boolean;
}

function markdownPromise(p: PromiseView, level: "##" | "###"): string[] {
  return [
    `${level} ${escapeMarkdown(p.title)}`,
    "",
    ...p.paragraphs.flatMap((text) => [escapeMarkdown(text), ""]),
    ...p.facts.map((fact) => `- ${escapeMarkdown(fact)}`),
    "",
  ];
}

/** Renders the promise page as Markdown (CommonMark), ending with a newline. */
export function renderMarkdown(doc: PromiseDocument, lang: Lang): string {
  const page = buildPageView(doc, lang);
  const lines = [`# ${escapeMarkdown(page.title)}`, ""];
  for (const text of page.intro) lines.push(escapeMarkdown(text), "");
  for (const p of page.promises) lines.push(...markdownPromise(p, "##"));
  const warnings = page.beforeYouBuy;
  if (warnings.promises.length > 0) {
    lines.push(`## ${escapeMarkdown(warnings.heading)}`, "", escapeMarkdown(warnings.lead), "");
    for (const p of warnings.promises) lines.push(...markdownPromise(p, "###"));
  }
  lines.push("---", "", escapeMarkdown(page.footer), "");
  return lines.join("\n");
}

function htmlPromise(p: PromiseView, heading: "h2" | "h3", factsLabel: string): string {
  const text = p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join("\n");
  const facts = p.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join("\n");
  return [
    `<article class="promise" id="${escapeHtml(p.id)}">`,
    `<${heading}>${escapeHtml(p.title)}</${heading}>`,
    text,
    `<ul class="facts" aria-label="${escapeHtml(factsLabel)}">`,
    facts,
    "</ul>",
    "</article>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function htmlMain(doc: PromiseDocument, lang: Lang): { title: string; main: string } {
  const page = buildPageView(doc, lang);
  const parts = [
    `<main class="promise-page" lang="${escapeHtml(lang)}">`,
    "<header>",
    `<h1>${escapeHtml(page.title)}</h1>`,
    ...page.intro.map((t) => `<p class="intro">${escapeHtml(t)}</p>`),
    "</header>",
    ...page.promises.map((p) => htmlPromise(p, "h2", page.factsLabel)),
  ];
  const warnings = page.beforeYouBuy;
  if (warnings.promises.length > 0) {
    parts.push(
      '<section class="before-you-buy">',
      `<h2>${escapeHtml(warnings.heading)}</h2>`,
      `<p>${escapeHtml(warnings.lead)}</p>`,
      ...warnings.promises.map((p) => htmlPromise(p, "h3", page.factsLabel)),
      "</section>",
    );
  }
  parts.push(`<footer><p>${escapeHtml(page.footer)}</p></footer>`, "</main>");
  return { title: page.title, main: parts.join("\n") };
}

/** Renders the promise page as HTML: a `<main>` fragment, or with `standalone` a whole document. */
export function renderHtml(
  doc: PromiseDocument,
  lang: Lang,
  options: RenderHtmlOptions = {},
): string {
  const { title, main } = htmlMain(doc, lang);
  if (options.standalone !== true) return `${main}\n`;
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    "</head>",
    "<body>",
    main,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
