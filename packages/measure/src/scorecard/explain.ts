/**
 * Explanations: from a figure in a bucket back to the facts behind it. Nothing is stored per
 * figure: each entity keeps the contributions it made (needed anyway to take them back), and
 * an explanation scans them and reads the ids from the state, returning at most `limit`
 * entities — so explaining costs no memory beyond the state and a bounded answer.
 */
import type { Contribution, Counter, Evaluation, MoneyCounter } from "./contribution.js";
import { ignoringPurchase } from "./evaluate-warning.js";
import { RATIOS, type RatioFigure } from "./figures.js";
import type { ResolvedScorecardOptions } from "./options.js";
import { periodStart } from "./periods.js";
import type { State } from "./state.js";
import { type Breakdown, breakdownValues, type SlotKey } from "./tally.js";

/** What can be explained: a count, a money sum, a share, or the time to remedy. */
export type Explainable = Counter | MoneyCounter | RatioFigure | "timeToRemedy";

/** The facts behind one count in one bucket. */
export interface ExplainedCount {
  readonly counter: Counter;
  /** How many cases or warnings the count rests on (they may be more than listed). */
  readonly total: number;
  readonly events: readonly string[];
  readonly remedies: readonly string[];
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
}

/** The counts a figure is made of, numerator first. */
export function countersOf(what: Explainable): readonly Counter[] {
  if (what === "timeToRemedy") return ["incidentsRemedied"];
  if (what === "moneyKept" || what === "revenueForgone") return ["warningsHeeded"];
  if (what in RATIOS) {
    const def = RATIOS[what as RatioFigure];
    return [def.numerator, def.denominator];
  }
  return [what as Counter];
}

/** An entity as the scorecard counted it. */
export interface Counted {
  readonly evaluation: Evaluation;
  readonly breakdown: Breakdown;
  /** When it may be retired, once nothing about it is pending. */
  readonly retireAt: number;
}

const matches = (c: Contribution, counter: Counter, slot: SlotKey, b: Breakdown) =>
  c.kind === "count" &&
  c.counter === counter &&
  periodStart(slot.period, c.at) === slot.start &&
  breakdownValues(c, b).some(([d, v]) => d === slot.dimension && v === slot.value);

/** Retired entities behind one count in one bucket: how many, and the smallest keys' ids. */
export interface RetiredSample {
  readonly total: number;
  readonly sample: readonly { readonly entity: string; readonly ids: Ids }[];
}

/**
 * The facts behind `counter` in `slot`, listing at most `limit` entities in key order: the live
 * ones found by scanning, merged with the retired ones kept in the sample.
 */
export function explainCount(
  counter: Counter,
  slot: SlotKey,
  counted: ReadonlyMap<string, Counted>,
  retired: RetiredSample,
  state: State,
  options: ResolvedScorecardOptions,
  limit: number,
): ExplainedCount {
  const live = [...counted]
    .filter(([, e]) =>
      e.evaluation.contributions.some((c) => matches(c, counter, slot, e.breakdown)),
    )
    .map(([entity]) => ({ entity, ids: () => entityIds(entity, state, options) }));
  const kept = retired.sample.map(({ entity, ids }) => ({ entity, ids: () => ids }));
  const listed = [...live, ...kept]
    .sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0))
    .slice(0, limit);
  const ids = noIds();
  for (const entry of listed) {
    const found = entry.ids();
    for (const kind of ID_KINDS) ids[kind].push(...found[kind]);
  }
  return { counter, total: live.length + retired.total, ...ids };
}

const ID_KINDS = ["events", "remedies", "notices", "warnings"] as const;

/** The ids of the facts behind one case or warning. */
export type Ids = Readonly<Record<(typeof ID_KINDS)[number], string[]>>;

const noIds = (): Ids => ({ events: [], remedies: [], notices: [], warnings: [] });

/** The ids behind an entity (`c:` case key or `w:` warning id), sorted. */
export function entityIds(entity: string, state: State, options: ResolvedScorecardOptions): Ids {
  const none = noIds();
  if (entity.startsWith("w:")) {
    const w = state.warnings.get(entity.slice(2));
    if (!w) return none;
    const purchase = ignoringPurchase(w, state, options);
    return { ...none, warnings: [w.id], events: purchase === undefined ? [] : [purchase] };
  }
  const c = state.cases.get(entity.slice(2));
  if (!c) return none;
  const flight =
    c.transaction?.flight === undefined ? undefined : state.flights.get(c.transaction.flight);
  const events = [
    c.transaction?.event,
    ...[...c.sessions.values()].map((s) => s.event),
    c.delivered?.event,
    c.cancelled?.event,
    ...c.charges.keys(),
    ...c.contacts.keys(),
    flight?.arrived?.event,
    flight?.cancelled?.event,
  ]
    .filter((id): id is string => id !== undefined)
    .sort();
  return {
    ...none,
    events,
    remedies: [...c.remedies].sort(),
    notices: [...c.notices.keys()].sort(),
  };
}
