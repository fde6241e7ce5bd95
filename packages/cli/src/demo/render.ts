/** The demo's human output: the summary, and the examples printed once the API listens. */
import { formatMoney, type Lang, money, POINTS, parseMoney } from "@goodfaith/core";
import { t } from "../messages.js";
import type { DemoSummary, RemedyTotals } from "./summary.js";

/** What the demo did before the summary, for its opening lines. */
export interface DemoRun {
  readonly seed: number;
  readonly db: string;
  readonly flights: { readonly count: number; readonly yearShift: number };
  readonly customers: number;
  readonly generateSeconds: number;
  readonly ingestSeconds: number;
}

function amounts(totals: RemedyTotals, lang: Lang): string {
  const parts = totals.money.map((m) => {
    const parsed = parseMoney(m.amount, m.currency);
    return parsed.ok ? formatMoney(parsed.value, lang) : `${m.amount} ${m.currency}`;
  });
  if (totals.points !== "0") parts.push(formatMoney(money(BigInt(totals.points), POINTS), lang));
  return parts.length > 0 ? parts.join("; ") : t(lang, "demoNothing");
}

function row(label: string, totals: RemedyTotals, width: number, lang: Lang): string {
  const awaiting =
    totals.awaitingApproval > 0
      ? `  (${t(lang, "demoAwaitingRow", { count: totals.awaitingApproval })})`
      : "";
  return `  ${label.padEnd(width)}  ${t(lang, "demoRow", { count: String(totals.remedies).padStart(4), amounts: amounts(totals, lang) })}${awaiting}`;
}

/** The summary as lines of text. */
export function renderSummary(summary: DemoSummary, run: DemoRun, lang: Lang): string[] {
  const n = new Intl.NumberFormat(lang);
  const seconds = new Intl.NumberFormat(lang, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  const told = summary.toldFirst;
  const share = new Intl.NumberFormat(lang, { style: "percent" }).format(
    told.contacted === 0 ? 0 : told.toldFirst / told.contacted,
  );
  const total = t(lang, "demoTotal");
  const width = Math.max(total.length, ...Object.keys(summary.byPromise).map((id) => id.length));
  return [
    t(lang, "demoTitle", { seed: run.seed }),
    t(lang, "demoFlights", { count: n.format(run.flights.count), years: run.flights.yearShift }),
    t(lang, "demoIngested", {
      events: n.format(summary.events),
      generate: seconds.format(run.generateSeconds),
      db: run.db,
      ingest: seconds.format(run.ingestSeconds),
    }),
    "",
    t(lang, "demoByPromise"),
    ...Object.entries(summary.byPromise).map(([id, totals]) => row(id, totals, width, lang)),
    row(total, summary.remedies, width, lang),
    "",
    t(lang, "demoReached", {
      reached: n.format(summary.customersReached),
      customers: n.format(run.customers),
    }),
    t(lang, "demoToldFirst", {
      told: n.format(told.toldFirst),
      contacted: n.format(told.contacted),
      share,
    }),
    t(lang, "demoToldFirstWhat", { silent: n.format(told.uncontacted) }),
  ];
}

/** Who the examples are about: a customer whose flight was late, and an e-book someone owns. */
export interface Examples {
  readonly customer: string;
  readonly owned: { readonly customer: string; readonly sku: string; readonly kind: string };
}

/** Three calls a newcomer can paste: late-flight refunds, one customer's timeline, a guard check. */
export function curlExamples(url: string, ex: Examples): string[] {
  const auth = `-H "Authorization: Bearer $GOODFAITH_KEY"`;
  const body = JSON.stringify({
    customer: ex.owned.customer,
    items: [{ sku: ex.owned.sku, kind: ex.owned.kind }],
  });
  return [
    `curl -s ${auth} '${url}/v1/remedies?promise=delay-refund&limit=2'`,
    `curl -s ${auth} ${url}/v1/customers/${ex.customer}`,
    `curl -s ${auth} -H 'content-type: application/json' -d '${body}' ${url}/v1/guard/check`,
  ];
}
