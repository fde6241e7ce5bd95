/**
 * The report as a language-neutral outline already in one language: sections of paragraphs,
 * tables and charts, in the order a reader meets them. The text and HTML renderers only lay
 * it out, so both say exactly the same thing.
 */
import { formatMoney, interpolate, type Lang } from "@goodfaith/core";
import type { CapitalIssue, RelationshipCapital } from "../capital/capital.js";
import { atRisk, type Incident } from "../capital/incidents.js";
import { expectedMoney } from "../capital/money.js";
import type { ReportPeriod } from "../capital/period.js";
import type { JourneySnapshot } from "../journey/journey-metrics.js";
import { journeyLabels } from "../journey/messages.js";
import { COUNTERS, type Counter } from "../scorecard/contribution.js";
import {
  RATIO_FIGURES,
  RATIOS,
  type RatioDefinition,
  ratio,
  trustIndex,
} from "../scorecard/figures.js";
import { scorecardLabels } from "../scorecard/messages.js";
import type { ScorecardRow } from "../scorecard/report.js";
import { type ReportLabelKey, reportLabels } from "./messages.js";

/** Everything the report is made from. */
export interface ReportInput {
  readonly period: ReportPeriod;
  /** Scorecard rows of the `all` breakdown, by day and by week. */
  readonly days: readonly ScorecardRow[];
  readonly weeks: readonly ScorecardRow[];
  /** Journey metrics of the period's events (read from the `all` window). */
  readonly journey?: JourneySnapshot;
  /** The period's incidents, known from remedies. */
  readonly incidents: readonly Incident[];
  readonly currency?: string;
  readonly capital:
    | { readonly ok: true; readonly value: RelationshipCapital }
    | { readonly ok: false; readonly issues: readonly CapitalIssue[] };
}

/** A bar of a chart: its label, its length (≥ 0) and the number printed at its end. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly display: string;
}

/** A bar chart; `max` fixes the scale (1 for shares). */
export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly bars: readonly Bar[];
  readonly max?: number;
  readonly empty: string;
}

/** A table; `numeric[i]` right-aligns column i. */
export interface Table {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

/** A section: paragraphs, then tables, then charts. */
export interface Section {
  readonly id: "lived" | "failures" | "operations";
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly Table[];
  readonly charts: readonly Chart[];
}

/** The whole report in one language. */
export interface ReportView {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly Section[];
  readonly footer: string;
}

const HOUR = 3_600_000;
const BINS: readonly [ReportLabelKey, number][] = [
  ["bin.under1h", HOUR],
  ["bin.1to24h", 24 * HOUR],
  ["bin.1to3d", 72 * HOUR],
  ["bin.3to7d", 168 * HOUR],
  ["bin.over7d", Number.POSITIVE_INFINITY],
];
const WORST = 5;
const DASH = "—";

/** Builds the report in `lang`. */
export function buildReportView(input: ReportInput, lang: Lang): ReportView {
  const words = reportLabels[lang];
  const say = (key: ReportLabelKey, params: Record<string, string | number> = {}) =>
    interpolate(words[key], params);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const share = (x: number | null) => (x === null ? DASH : percent.format(x));
  const capital = input.capital.ok ? input.capital.value : undefined;
  const money = (v: number) =>
    input.currency === undefined ? DASH : formatMoney(expectedMoney(v, input.currency), lang);
  const counts = periodCounts(input.days, input.period);
  const shares = Object.fromEntries(RATIO_FIGURES.map((f) => [f, ratio(RATIOS[f], counts)]));
  const fmt = (n: number) => number.format(n);

  const lived: string[] = [];
  if (counts.businessPromisesMade === 0) lived.push(say("lived.noPromises"));
  else {
    lived.push(
      say("lived.promisesKept", {
        kept: fmt(counts.businessPromisesKept),
        made: fmt(counts.businessPromisesMade),
        share: share(shares.businessPromisesKept ?? null),
      }),
    );
  }
  if (counts.incidents === 0) lived.push(say("lived.noIncidents"));
  else {
    lived.push(
      say("lived.fixedFirst", {
        share: share(shares.remediedProactively ?? null),
        incidents: fmt(counts.incidents),
      }),
      say("lived.toldFirst", { share: share(shares.toldFirst ?? null) }),
    );
  }
  if (counts.remedyPromisesDue > 0) {
    lived.push(
      say("lived.remediesOnTime", {
        kept: fmt(counts.remedyPromisesKept),
        due: fmt(counts.remedyPromisesDue),
      }),
    );
  }

  const weekBars = input.weeks
    .filter((w) => w.start !== null && overlaps(w.start, input.period))
    .map((w) => {
      const kept = ratio(RATIOS.businessPromisesKept, w.counts);
      return {
        label: say("weekOf", { date: w.start as string }),
        value: kept ?? 0,
        display: share(kept),
      };
    });

  const risky = input.incidents.filter(atRisk);
  const clvOf = (c: string) => capital?.customers.find((x) => x.customer === c)?.clv;
  const worst = [...risky]
    .sort((a, b) => (clvOf(b.customer) ?? 0) - (clvOf(a.customer) ?? 0) || a.at - b.at)
    .slice(0, WORST);
  const failures: string[] = [];
  if (capital) {
    failures.push(
      say("failures.atRisk", {
        value: money(capital.valueAtRisk.value),
        count: fmt(capital.valueAtRisk.customers),
      }),
      say("failures.writeDown", {
        value: money(capital.writeDown.value),
        count: fmt(capital.writeDown.customers),
        threshold: percent.format(capital.options.aliveThreshold),
      }),
    );
  } else failures.push(capitalUnavailableText(input.capital, lang));
  if (risky.length === 0) failures.push(say("failures.none"));
  const worstTable: Table[] =
    worst.length === 0
      ? []
      : [
          {
            caption: say("failures.worst"),
            columns: [
              say("col.customer"),
              say("col.promises"),
              say("col.status"),
              say("col.value"),
            ],
            numeric: [false, false, false, true],
            rows: worst.map((i) => {
              const value = clvOf(i.customer);
              return [
                i.customer,
                i.promises.join(", "),
                say(i.status === "late" ? "status.late" : "status.unremedied"),
                value === undefined ? DASH : money(value),
              ];
            }),
          },
        ];
  const riskBars = Object.entries(capital?.valueAtRisk.byPromise ?? {})
    .sort(([, a], [, b]) => b.value - a.value)
    .map(([promise, s]) => ({ label: promise, value: s.value, display: money(s.value) }));
  const times = input.incidents.flatMap((i) =>
    i.timeToRemedyMs === undefined ? [] : [i.timeToRemedyMs],
  );
  const binCounts = BINS.map(([, upper], k) => {
    const lower = k === 0 ? Number.NEGATIVE_INFINITY : (BINS[k - 1] as [string, number])[1];
    return times.filter((t) => t >= lower && t < upper).length;
  });

  const card = scorecardLabels[lang];
  const trust = trustIndex(shares as Parameters<typeof trustIndex>[0]);
  const scorecardTable: Table = {
    caption: say("operations.scorecard"),
    columns: [say("col.figure"), say("col.result"), say("col.basis")],
    numeric: [false, true, true],
    rows: [
      ...RATIO_FIGURES.map((f) => {
        const def: RatioDefinition = RATIOS[f];
        // A complement share (transactions succeeded) rests on what did not fail.
        const n = counts[def.numerator];
        const d = counts[def.denominator];
        return [
          card[`figure.${f}`],
          share(shares[f] ?? null),
          say("basis", {
            numerator: fmt(def.complement ? Math.max(0, d - n) : n),
            denominator: fmt(d),
          }),
        ];
      }),
      [card["figure.trustIndex"], trust === null ? DASH : fmt(trust), ""],
    ],
  };
  const operations: Table[] = [scorecardTable];
  if (input.journey) operations.push(journeyTable(input.journey, lang, say, fmt));
  const capitalParagraphs: string[] = [];
  if (capital) {
    operations.push({
      caption: say("operations.capital"),
      columns: [say("col.figure"), say("col.value"), say("col.count")],
      numeric: [false, true, true],
      rows: [
        [say("capital.equity"), money(capital.equity), fmt(capital.customers.length)],
        [
          say("capital.equityAtStart"),
          money(capital.equityAtStart),
          fmt(capital.customers.filter((c) => c.start).length),
        ],
        ...Object.entries(capital.protectedByPromise).map(([promise, s]) => [
          say("capital.protected", { promise }),
          money(s.value),
          fmt(s.customers),
        ]),
      ],
    });
    if (Object.keys(capital.protectedByPromise).length === 0) {
      capitalParagraphs.push(say("capital.protectedNone"));
    }
  }

  return {
    lang,
    title: say("title", { from: input.period.from, to: input.period.to }),
    intro: say("intro"),
    sections: [
      {
        id: "lived",
        heading: say("lived.heading"),
        paragraphs: lived,
        tables: [],
        charts: [
          {
            id: "promises-by-week",
            title: say("chart.promisesByWeek"),
            description: say("chart.promisesByWeekDesc"),
            bars: weekBars,
            max: 1,
            empty: say("chart.empty"),
          },
          {
            id: "time-to-remedy",
            title: say("chart.timeToRemedy"),
            description: say("chart.timeToRemedyDesc"),
            bars:
              times.length === 0
                ? []
                : BINS.map(([key], k) => ({
                    label: say(key),
                    value: binCounts[k] as number,
                    display: fmt(binCounts[k] as number),
                  })),
            empty: say("chart.empty"),
          },
        ],
      },
      {
        id: "failures",
        heading: say("failures.heading"),
        paragraphs: failures,
        tables: worstTable,
        charts: [
          {
            id: "value-at-risk",
            title: say("chart.valueAtRisk"),
            description: say("chart.valueAtRiskDesc"),
            bars: riskBars,
            empty: say("chart.empty"),
          },
        ],
      },
      {
        id: "operations",
        heading: say("operations.heading"),
        paragraphs: capitalParagraphs,
        tables: operations,
        charts: [],
      },
    ],
    footer: say("footer", {
      weeks: fmt(capital?.options.horizonWeeks ?? 52),
      rate: percent.format(capital?.options.annualDiscountRate ?? 0.1),
      currency: input.currency ?? DASH,
    }),
  };
}

/** The counts of the day rows inside the period, summed: every share is a ratio of these. */
function periodCounts(
  days: readonly ScorecardRow[],
  period: ReportPeriod,
): Record<Counter, number> {
  const counts = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  for (const row of days) {
    if (row.start === null || row.start < period.from || row.start > period.to) continue;
    for (const c of COUNTERS) counts[c] += row.counts[c];
  }
  return counts;
}

// A week (its Monday) overlaps the period when it starts by the period's end and ends after its start.
function overlaps(monday: string, period: ReportPeriod): boolean {
  const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString().slice(0, 10);
  return monday <= period.to && sunday >= period.from;
}

/**
 * Why relationships could not be valued, in `lang`: what the report says, and the API's
 * `capital_unavailable` problem too.
 */
export function capitalUnavailableText(capital: ReportInput["capital"], lang: Lang): string {
  const words = reportLabels[lang];
  const issue = capital.ok ? undefined : capital.issues[0];
  if (issue?.code !== "models-not-identified") return words["unavailable.other"];
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return interpolate(words["unavailable.models-not-identified"], {
    customers: fmt.format(issue.customers),
    repeaters: fmt.format(issue.repeaters),
  });
}

function journeyTable(
  journey: JourneySnapshot,
  lang: Lang,
  say: (key: ReportLabelKey) => string,
  fmt: (n: number) => string,
): Table {
  const labels = journeyLabels[lang];
  const rows = Object.entries(journey.distributions).map(([name, windows]) => {
    const all = windows.all;
    const q = (v: number | null | undefined) => (v === null || v === undefined ? DASH : fmt(v));
    return [
      labels[`metric.${name as keyof typeof journey.distributions}`],
      fmt(all?.count ?? 0),
      q(all?.p50),
      q(all?.p95),
      q(all?.p99),
    ];
  });
  return {
    caption: say("operations.journey"),
    columns: [
      say("col.metric"),
      say("col.count"),
      labels["quantile.p50"],
      labels["quantile.p95"],
      labels["quantile.p99"],
    ],
    numeric: [false, true, true, true, true],
    rows,
  };
}
