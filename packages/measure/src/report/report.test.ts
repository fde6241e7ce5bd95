import { LANGS } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import type { RelationshipCapital } from "../capital/capital.js";
import type { Incident } from "../capital/incidents.js";
import { COUNTERS, type Counter } from "../scorecard/contribution.js";
import type { ScorecardRow } from "../scorecard/report.js";
import { reportLabels } from "./messages.js";
import { renderReportHtml } from "./render-html.js";
import { renderReportText } from "./render-text.js";
import { barChartSvg } from "./svg.js";
import { buildReportView, type ReportInput } from "./view.js";

const zero = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
const row = (period: "day" | "week", start: string, counts: Partial<Record<Counter, number>>) =>
  ({ period, start, dimension: "all", value: "", counts: { ...zero, ...counts } }) as ScorecardRow;
const H = 3_600_000;
const incident = (customer: string, status: Incident["status"], ttr?: number): Incident => ({
  customer,
  subject: `order:${customer}`,
  at: Date.UTC(2026, 10, 3),
  promises: ["late-delivery"],
  keptBy: status === "on-time" ? ["late-delivery"] : [],
  status,
  ...(ttr !== undefined && { timeToRemedyMs: ttr }),
});
const valuation = { pAlive: 0.8, expectedPurchases: 2, expectedSpend: 50 };
const capital = {
  period: { from: "2026-11-01", to: "2026-11-30" },
  options: { horizonWeeks: 52, annualDiscountRate: 0.1, periodWeeks: 1, aliveThreshold: 0.5 },
  customers: [
    { customer: "c-a", ...valuation, clv: 100, start: { ...valuation, clv: 120 } },
    { customer: "c-b", ...valuation, clv: 40 },
  ],
  equity: 140,
  equityAtStart: 120,
  valueAtRisk: {
    value: 40,
    customers: 1,
    byPromise: { "late-delivery": { value: 40, customers: 1 } },
  },
  writeDown: { value: 0, customers: 0, written: [] },
  protectedByPromise: { "late-delivery": { value: 100, customers: 1 } },
  incidents: [],
} as unknown as RelationshipCapital;

const INPUT: ReportInput = {
  period: { from: "2026-11-01", to: "2026-11-30" },
  days: [
    // 31 October is outside the period: its counts must not enter the shares.
    row("day", "2026-10-31", { businessPromisesMade: 50 }),
    row("day", "2026-11-02", {
      transactions: 4,
      businessPromisesMade: 3,
      businessPromisesKept: 2,
      incidents: 2,
      incidentsRemediedProactively: 1,
    }),
    row("day", "2026-11-09", { transactions: 1, businessPromisesMade: 1, businessPromisesKept: 1 }),
  ],
  weeks: [
    row("week", "2026-11-02", { businessPromisesMade: 3, businessPromisesKept: 2 }),
    row("week", "2026-11-09", { businessPromisesMade: 1, businessPromisesKept: 1 }),
  ],
  incidents: [incident("c-a", "on-time", 2 * H), incident("c-b", "late", 80 * H)],
  currency: "EUR",
  capital: { ok: true, value: capital },
};

/** Checks that tags nest and close: enough to catch a malformed SVG or page from a string. */
function balanced(markup: string): boolean {
  const stack: string[] = [];
  const VOID = new Set(["meta", "br", "img", "input", "link"]);
  for (const [, close, name, self] of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (self || VOID.has(name as string)) continue;
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe("the report", () => {
  it("computes the period's shares from its own days", () => {
    const text = renderReportText(buildReportView(INPUT, "en"));
    expect(text).toContain("We kept 3 of 4 promises (75%).");
    expect(text).toContain("50% of 2 problems were put right before the customer asked.");
    expect(text).toMatch(/Promises kept +75% +3 of 4/);
  });

  it("bins time to remedy and ranks the worst failures by lifetime value", () => {
    const view = buildReportView(INPUT, "en");
    const [lived, failures] = view.sections;
    const bins = lived?.charts[1]?.bars.map((b) => b.value);
    expect(bins).toEqual([0, 1, 0, 1, 0]); // 2 h, then 80 h (between 3 and 7 days)
    expect(failures?.tables[0]?.rows).toEqual([
      ["c-b", "late-delivery", "put right late", "€40.00"],
    ]);
    expect(failures?.paragraphs[0]).toContain("Value at risk: €40.00");
  });

  it("says why when relationships cannot be valued", () => {
    const view = buildReportView(
      {
        ...INPUT,
        capital: {
          ok: false,
          issues: [{ code: "models-not-identified", message: "", customers: 5, repeaters: 3 }],
        },
      },
      "sv",
    );
    expect(view.sections[1]?.paragraphs[0]).toContain("5 kunder (3 köpte igen)");
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      const view = buildReportView(INPUT, lang);
      const html = renderReportHtml(view);
      const text = renderReportText(view);

      it("puts what customers lived through before failures, and both before the figures", () => {
        expect(view.sections.map((s) => s.id)).toEqual(["lived", "failures", "operations"]);
        const at = (id: string) => html.indexOf(`<section id="${id}"`);
        expect(at("lived")).toBeGreaterThan(0);
        expect(at("lived")).toBeLessThan(at("failures"));
        expect(at("failures")).toBeLessThan(at("operations"));
        // A heading is a line of its own (the intro may mention the same words).
        const headings = view.sections.map((s) => text.indexOf(`\n${s.heading}\n`));
        expect(headings).toEqual([...headings].sort((a, b) => a - b));
        expect(headings[0]).toBeGreaterThan(0);
      });

      it("leaves no placeholder or message key untranslated", () => {
        for (const out of [html, text]) {
          expect(out).not.toMatch(/\{\w+\}/);
          expect(out).not.toMatch(
            /\b(lived|failures|operations|chart|capital|col|bin|unavailable)\.[a-z]/,
          );
        }
        if (lang !== "en") {
          const own = reportLabels[lang];
          // Every sentence differs from English (dates and symbols aside): nothing was left untranslated.
          const same = Object.entries(reportLabels.en).filter(
            ([k, v]) => own[k as keyof typeof own] === v && /[a-z]{3}/.test(v),
          );
          expect(same).toEqual([]);
        }
      });

      it("is a standalone page: no script, no external asset, well-formed SVG charts", () => {
        expect(html).toMatch(/^<!doctype html>\n<html lang="/);
        expect(html).not.toMatch(/<script|<link|\bsrc=|url\(/);
        const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
        expect(svgs).toHaveLength(3);
        for (const svg of svgs) {
          expect(balanced(svg)).toBe(true);
          expect(svg).toMatch(/<title id="[\w-]+-title">[^<]+<\/title>/);
          expect(svg).toMatch(/role="img" aria-labelledby="/);
        }
        expect(balanced(html.replace(/<!doctype html>/, ""))).toBe(true);
      });
    });
  }

  it("escapes labels in SVG and scales bars to the largest", () => {
    const svg = barChartSvg({
      id: "c",
      title: "a<b",
      description: "d",
      empty: "none",
      bars: [
        { label: "x & y", value: 2, display: "2" },
        { label: "z", value: 1, display: "1" },
      ],
    });
    expect(svg).toContain('<title id="c-title">a&lt;b</title>');
    expect(svg).toContain(">x &amp; y<");
    const widths = [...svg.matchAll(/class="bar"/g)].length;
    expect(widths).toBe(2);
    expect(svg).toMatch(/width="100.0%" height="12" rx="3" class="bar"/);
    expect(svg).toMatch(/width="50.0%" height="12" rx="3" class="bar"/);
    // The drawn text is hidden behind role="img": the description must carry the data.
    expect(svg).toContain('<desc id="c-desc">d x &amp; y: 2; z: 1</desc>');
  });
});
