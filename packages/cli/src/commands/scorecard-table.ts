/**
 * The scorecard as people read it: one block per bucket and breakdown value, the Trust Index
 * first, then each share with what it is out of, the time to put things right, and money.
 */
import type { Lang } from "@goodfaith/core";
import {
  type Counter,
  type Explainable,
  type ExplainedCount,
  type ExplainedItem,
  RATIO_FIGURES,
  RATIOS,
  type RatioFigure,
  type ScorecardLabelKey,
  type ScorecardRow,
  scorecardLabels,
  UNKNOWN_VALUE,
} from "@goodfaith/measure";
import { rowBucket } from "@goodfaith/store";
import { cells, padCells } from "../io/pad.js";
import { t } from "../messages.js";

const HOUR = 3_600_000;
const DASH = "—";

const label = (lang: Lang, key: ScorecardLabelKey) => scorecardLabels[lang][key];

/** The label of a figure that can be explained (a share, a count, a money sum). */
export function explainableLabel(lang: Lang, figure: Explainable): string {
  if (figure === "timeToRemedy") return label(lang, "figure.timeToRemedyP50");
  if (figure === "moneyKept" || figure === "revenueForgone") return label(lang, `money.${figure}`);
  if (figure in RATIOS) return label(lang, `figure.${figure as RatioFigure}`);
  return label(lang, `count.${figure as Counter}`);
}

// A breakdown value in words: "unknown" and the business promises have labels; others are ids.
function valueLabel(lang: Lang, value: string): string {
  if (value === UNKNOWN_VALUE) return label(lang, "value.unknown");
  const key = `promise.${value}` as ScorecardLabelKey;
  return scorecardLabels[lang][key] ?? value;
}

function heading(lang: Lang, row: ScorecardRow): string {
  const bucket =
    row.period === "all"
      ? label(lang, "period.all")
      : `${label(lang, `period.${row.period}`)} ${rowBucket(row.period, row.start)}`;
  if (row.dimension === "all") return bucket;
  return `${bucket} · ${label(lang, `dimension.${row.dimension}`)}: ${valueLabel(lang, row.value)}`;
}

/** The lines of one row. */
export function rowLines(lang: Lang, row: ScorecardRow): string[] {
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const hours = (ms: number | null) =>
    ms === null ? DASH : t(lang, "scorecardHours", { hours: decimal.format(ms / HOUR) });
  const { figures, counts, money } = row;
  const lines: [string, string][] = [
    [
      label(lang, "figure.trustIndex"),
      figures.trustIndex === null ? DASH : decimal.format(figures.trustIndex),
    ],
    ...RATIO_FIGURES.map((f): [string, string] => {
      const share = figures.shares[f];
      const of = t(lang, "scorecardOf", { count: counts[RATIOS[f].denominator] });
      return [
        label(lang, `figure.${f}`),
        share === null ? DASH : `${percent.format(share)}  ${of}`,
      ];
    }),
    [label(lang, "figure.timeToRemedyP50"), hours(figures.timeToRemedyP50Ms)],
    [label(lang, "figure.timeToRemedyP90"), hours(figures.timeToRemedyP90Ms)],
  ];
  for (const counter of ["moneyKept", "revenueForgone"] as const) {
    const sums = Object.entries(money[counter]).map(([currency, sum]) => `${sum} ${currency}`);
    if (sums.length > 0) lines.push([label(lang, `money.${counter}`), sums.join(", ")]);
  }
  const width = Math.max(...lines.map(([name]) => cells(name)));
  return [
    heading(lang, row),
    ...lines.map(([name, value]) => `  ${padCells(name, width)}  ${value}`),
  ];
}

const ID_KINDS = ["events", "remedies", "notices", "warnings"] as const;

const REFS = [
  ["event", "scorecardRefEvent"],
  ["session", "scorecardRefSession"],
  ["remedy", "scorecardRefRemedy"],
  ["notice", "scorecardRefNotice"],
] as const;

// One counted item: when, in which case, and which of the case's facts it is (an order's
// sessions are each a transaction of their own).
function itemLine(lang: Lang, item: ExplainedItem): string {
  const refs = REFS.flatMap(([field, key]) => {
    const id = item[field];
    return id === undefined ? [] : [t(lang, key, { id })];
  });
  const subject = item.subject === "" ? DASH : item.subject;
  return t(lang, "scorecardItem", {
    at: item.at,
    subject,
    refs: refs.length === 0 ? "" : `  ${refs.join(", ")}`,
  });
}

/** The lines of an explanation: per count, its total, each item listed, and their ids. */
export function explanationLines(
  lang: Lang,
  figure: Explainable,
  bucket: string,
  counts: readonly ExplainedCount[],
): string[] {
  const lines = [t(lang, "scorecardExplained", { figure: explainableLabel(lang, figure), bucket })];
  for (const count of counts) {
    lines.push(
      t(lang, "scorecardBehind", {
        counter: label(lang, `count.${count.counter}`),
        total: count.total,
      }),
    );
    for (const item of count.items) lines.push(itemLine(lang, item));
    for (const kind of ID_KINDS) {
      if (count[kind].length > 0)
        lines.push(t(lang, "scorecardIds", { kind, ids: count[kind].join(" ") }));
    }
    // The total counts items, the way the figure does, so what is not listed is its difference.
    const more = count.total - count.items.length;
    if (more > 0) lines.push(t(lang, "scorecardMore", { count: more }));
  }
  return lines;
}
