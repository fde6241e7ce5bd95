/** The report for a terminal: headings, paragraphs, aligned tables, and charts as text bars. */
import type { Chart, ReportView, Table } from "./view.js";

// Han characters and full-width forms take two terminal columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const width = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);
const pad = (text: string, n: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, n - width(text)));
  return right ? fill + text : text + fill;
};

function table(t: Table): string[] {
  const widths = t.columns.map((c, i) =>
    Math.max(width(c), ...t.rows.map((r) => width(r[i] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] as number, t.numeric[i] === true))
      .join("  ")
      .trimEnd();
  return [
    t.caption,
    line(t.columns),
    widths.map((w) => "─".repeat(w)).join("  "),
    ...t.rows.map(line),
  ];
}

const BAR = 24;

function chart(c: Chart): string[] {
  if (c.bars.length === 0) return [c.title, `  ${c.empty}`];
  const max = c.max ?? Math.max(0, ...c.bars.map((b) => b.value));
  const labelWidth = Math.max(...c.bars.map((b) => width(b.label)));
  return [
    c.title,
    ...c.bars.map((b) => {
      const n = max > 0 ? Math.round((b.value / max) * BAR) : 0;
      return `  ${pad(b.label, labelWidth, false)}  ${"█".repeat(n)}${"·".repeat(BAR - n)}  ${b.display}`;
    }),
  ];
}

/** The report as plain text, ending with a newline. */
export function renderReportText(view: ReportView): string {
  const out = [view.title, "═".repeat(width(view.title)), view.intro, ""];
  for (const s of view.sections) {
    out.push(s.heading, "─".repeat(width(s.heading)));
    for (const p of s.paragraphs) out.push(p);
    for (const c of s.charts) out.push("", ...chart(c));
    for (const t of s.tables) out.push("", ...table(t));
    out.push("");
  }
  out.push(view.footer, "");
  return out.join("\n");
}
