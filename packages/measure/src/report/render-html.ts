/**
 * The report as one standalone HTML page: inline stylesheet, inline SVG charts, no script
 * and no request to anyone, so it opens from a file or an e-mail attachment.
 */
import { escapeHtml } from "@goodfaith/core";
import { barChartSvg } from "./svg.js";
import type { ReportView, Section, Table } from "./view.js";

const STYLE = `
:root { color-scheme: light dark; --text: #1d1f21; --muted: #5b6168; --page: #fbfaf7; --card: #fff;
  --rule: #e3dfd6; --accent: #0a6b4b; --track: #ece8df; }
@media (prefers-color-scheme: dark) { :root { --text: #e8e6e1; --muted: #a9a59d; --page: #161615;
  --card: #1f1f1d; --rule: #35332f; --accent: #72d1a6; --track: #2b2a27; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--text); line-height: 1.6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 3rem 1.25rem 4rem; }
main:lang(zh) { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
  "Noto Sans SC", system-ui, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 0 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
.intro { color: var(--muted); font-size: 1.1rem; }
section { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 1.5rem; }
#lived p, #failures p { font-size: 1.1rem; }
figure { margin: 1.25rem 0; padding: 0.75rem 1rem; background: var(--card); border: 1px solid var(--rule); border-radius: 0.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart { display: block; }
.chart text { fill: var(--text); font-size: 0.875rem; font-variant-numeric: tabular-nums; }
.chart .muted { fill: var(--muted); }
.chart .bar { fill: var(--accent); }
.chart .track { fill: var(--track); }
/* A wide table scrolls inside its own box rather than widening the page on a phone. */
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
@media (max-width: 30rem) { main { padding-inline: 0.75rem; } table { font-size: 0.85rem; }
  th, td { padding-inline: 0.25rem; }
  /* A table of many columns gives each row's first cell (what the row is about) a line of its
     own, and its figures share the line below: long words ("95:e percentil") cannot break,
     so the columns would not fit a phone side by side in every language. */
  table.wide tr { display: grid; grid-template-columns: repeat(var(--figures), minmax(0, 1fr)); }
  table.wide :is(th, td):first-child { grid-column: 1 / -1; border-bottom: 0; padding-bottom: 0; }
  table.wide thead :is(th, td):first-child { display: none; } }
.date { white-space: nowrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.9rem; }
`;

// Dates (YYYY-MM-DD) never break at their hyphens, e.g. at the end of a long title.
const text = (s: string): string =>
  escapeHtml(s).replace(/\d{4}-\d{2}-\d{2}/g, (d) => `<span class="date">${d}</span>`);

// From this many columns a table is laid out in two lines a row on a phone (see `table.wide`).
const WIDE = 4;

function table(t: Table): string {
  // A wide table's rows are grids on a phone, which drops a table's implied roles: say them.
  const wide = t.columns.length >= WIDE;
  const role = (r: string) => (wide ? ` role="${r}"` : "");
  const cell = (tag: "th" | "td", text: string, i: number) =>
    `<${tag}${t.numeric[i] ? ' class="num"' : ""}${tag === "th" ? ` scope="col"${role("columnheader")}` : role("cell")}>${escapeHtml(text)}</${tag}>`;
  return [
    '<div class="table">',
    wide
      ? `<table class="wide" role="table" style="--figures: ${t.columns.length - 1}">`
      : "<table>",
    `<caption>${escapeHtml(t.caption)}</caption>`,
    `<thead${role("rowgroup")}><tr${role("row")}>${t.columns.map((c, i) => cell("th", c, i)).join("")}</tr></thead>`,
    `<tbody${role("rowgroup")}>`,
    ...t.rows.map((r) => `<tr${role("row")}>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`),
    "</tbody>",
    "</table>",
    "</div>",
  ].join("\n");
}

function section(s: Section): string {
  return [
    `<section id="${s.id}" aria-labelledby="${s.id}-heading">`,
    `<h2 id="${s.id}-heading">${escapeHtml(s.heading)}</h2>`,
    ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...s.charts.map(
      (c) =>
        `<figure>\n<figcaption>${escapeHtml(c.title)}</figcaption>\n${barChartSvg(c)}\n</figure>`,
    ),
    ...s.tables.map(table),
    "</section>",
  ].join("\n");
}

/** The report as a standalone HTML document. */
export function renderReportHtml(view: ReportView): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(view.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<main lang="${escapeHtml(view.lang)}">`,
    "<header>",
    `<h1>${text(view.title)}</h1>`,
    `<p class="intro">${escapeHtml(view.intro)}</p>`,
    "</header>",
    ...view.sections.map(section),
    `<footer>${escapeHtml(view.footer)}</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
