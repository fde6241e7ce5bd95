/**
 * The "customer delight first" report of a period, from the store: relationship capital, the
 * period's journey percentiles and the scorecard, as the view the renderers print.
 */
import type { Lang, Store } from "@goodfaith/core";
import { buildReportView, JourneyMetrics, periodBounds, type ReportView } from "@goodfaith/measure";
import { scorecardFromStore } from "../measure/from-store.js";
import { type CapitalFromStoreOptions, capitalFromStore } from "./capital-from-store.js";

/** The report's view of the store for `options.period` (default: the latest month), in `lang`. */
export async function reportViewFromStore(
  store: Store,
  options: Omit<CapitalFromStoreOptions, "onEvent">,
  lang: Lang,
): Promise<ReportView> {
  // Journey percentiles of the period's own events; the period is known only once the
  // latest event is, so events are kept by time and observed after the pass.
  const events: Parameters<JourneyMetrics["observe"]>[0][] = [];
  const capital = await capitalFromStore(store, { ...options, onEvent: (e) => events.push(e) });
  const { start, end } = periodBounds(capital.period);
  const journey = new JourneyMetrics();
  for (const e of events) {
    const time = Date.parse(e.time);
    if (time >= start && time < end) journey.observe(e);
  }
  const scorecard = await scorecardFromStore(store);
  return buildReportView(
    {
      period: capital.period,
      days: scorecard.report({ by: "day" }),
      weeks: scorecard.report({ by: "week" }),
      journey: journey.snapshot(end),
      incidents: capital.incidents,
      ...(capital.currency !== undefined && { currency: capital.currency }),
      capital: capital.capital,
    },
    lang,
  );
}
