/**
 * Horizontal bar charts as inline SVG, written by hand: no script, no external asset, a
 * `<title>` and `<desc>` for screen readers, every bar labelled in text as well as drawn.
 * Colours come from CSS custom properties of the page, so dark mode follows.
 */
import { escapeHtml } from "@goodfaith/core";
import type { Chart } from "./view.js";

const WIDTH = 640;
const ROW = 28;
const LABEL = 200; // label column width
const VALUE = 110; // room after the bar for its number
const TOP = 8;

/** A chart as a standalone `<svg>` element (role img, labelled by its title). */
export function barChartSvg(chart: Chart): string {
  const id = escapeHtml(chart.id);
  const height = TOP * 2 + ROW * Math.max(1, chart.bars.length);
  const max = chart.max ?? Math.max(0, ...chart.bars.map((b) => b.value));
  const track = WIDTH - LABEL - VALUE;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(chart.description)}</desc>`,
  ];
  if (chart.bars.length === 0) {
    parts.push(
      `<text x="0" y="${TOP + ROW / 2}" dominant-baseline="middle" class="muted">${escapeHtml(chart.empty)}</text>`,
    );
  }
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const w = max > 0 ? Math.max(0, (bar.value / max) * track) : 0;
    const mid = y + ROW / 2;
    parts.push(
      "<g>",
      `<text x="${LABEL - 8}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(bar.label)}</text>`,
      `<rect x="${LABEL}" y="${y + 5}" width="${track}" height="${ROW - 10}" rx="3" class="track"/>`,
      `<rect x="${LABEL}" y="${y + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" rx="3" class="bar"/>`,
      `<text x="${(LABEL + w + 6).toFixed(1)}" y="${mid}" dominant-baseline="middle">${escapeHtml(bar.display)}</text>`,
      "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
