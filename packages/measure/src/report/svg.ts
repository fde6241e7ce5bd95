/**
 * Horizontal bar charts as inline SVG, written by hand: no script, no external asset, a
 * `<title>` and `<desc>` for screen readers, every bar labelled in text as well as drawn.
 * Colours come from CSS custom properties of the page, so dark mode follows.
 *
 * No viewBox: a scaled chart shrinks its text with it, unreadably small on a phone. Widths
 * are percentages of the page instead and text keeps the page's size; each bar sits under
 * its own line of label and value, so a long label never crowds the bar.
 */
import { escapeHtml } from "@goodfaith/core";
import type { Chart } from "./view.js";

const ROW = 44; // label line, then the bar
const BAR = 12;
const TOP = 4;

/** A chart as a standalone `<svg>` element (role img, labelled by its title). */
export function barChartSvg(chart: Chart): string {
  const id = escapeHtml(chart.id);
  const height = TOP * 2 + ROW * Math.max(1, chart.bars.length);
  const max = chart.max ?? Math.max(0, ...chart.bars.map((b) => b.value));
  // role="img" hides the drawn text from screen readers, so the description carries the data.
  const data =
    chart.bars.length === 0
      ? chart.empty
      : chart.bars.map((b) => `${b.label}: ${b.display}`).join("; ");
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(`${chart.description} ${data}`)}</desc>`,
  ];
  if (chart.bars.length === 0) {
    parts.push(`<text x="0" y="${TOP + 16}" class="muted">${escapeHtml(chart.empty)}</text>`);
  }
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const share = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * 100 : 0;
    parts.push(
      "<g>",
      `<text x="0" y="${y + 16}">${escapeHtml(bar.label)}</text>`,
      `<text x="100%" y="${y + 16}" text-anchor="end" class="value">${escapeHtml(bar.display)}</text>`,
      `<rect x="0" y="${y + 24}" width="100%" height="${BAR}" rx="3" class="track"/>`,
      `<rect x="0" y="${y + 24}" width="${share.toFixed(1)}%" height="${BAR}" rx="3" class="bar"/>`,
      "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
