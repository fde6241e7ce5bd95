/**
 * Explanations: from a figure in a bucket back to the facts behind it. Nothing is stored per
 * figure: each entity keeps the contributions it made (needed anyway to take them back), and
 * an explanation scans them and reads the ids from the state, returning at most `limit`
 * entities — so explaining costs no memory beyond the state and a bounded answer.
 */
import type { Contribution, Counter, Evaluation, MoneyCounter, Ref } from "./contribution.js";
import { ignoringPurchase } from "./evaluate-warning.js";
import { RATIOS, type RatioFigure } from "./figures.js";
import type { ResolvedScorecardOptions } from "./options.js";
import { periodStart } from "./periods.js";
import type { State } from "./state.js";
import { type Breakdown, breakdownValues, type SlotKey } from "./tally.js";

/** What can be explained: a count, a money sum, a share, or the time to remedy. */
export type Explainable = Counter | MoneyCounter | RatioFigure | "timeToRemedy";

/**
 * One count behind a figure: when it counts, in which case, and, when a case counts several
 * alike (an order and each of its sessions), which of its facts this one is.
 */
export interface ExplainedItem extends Ref {
  /** RFC 3339, UTC. */
  readonly at: string;
  /** What the case is about (`order:r1`, `session:s9`), or `warning:` and the warning's id. */
  readonly subject: string;
}

/** The facts behind one count in one bucket. */
export interface ExplainedCount {
  readonly counter: Counter;
  /** The count itself: how many items it adds up (they may be more than listed). */
  readonly total: number;
  /** Each count, up to the limit, in case order. */
  readonly items: readonly ExplainedItem[];
  /** The ids of the cases or warnings the listed items belong to. */
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

/** Retired entities behind one count in one bucket: how many counts, and the smallest keys' facts. */
export interface RetiredSample {
  readonly total: number;
  readonly sample: readonly {
    readonly entity: string;
    readonly ids: Ids;
    readonly items: readonly ExplainedItem[];
  }[];
}

/** The item a count contribution stands for. */
export function itemOf(c: Contribution, subject: string): ExplainedItem {
  return { at: new Date(c.at).toISOString(), subject, ...(c.kind === "count" && c.ref) };
}

const itemKey = (i: ExplainedItem) =>
  [i.at, i.event, i.session, i.remedy, i.notice].map((v) => v ?? "").join("\u001f");

/** Items in a stable order (by time, then what they are), whatever order they were made in. */
export function sortItems(items: ExplainedItem[]): ExplainedItem[] {
  return items.sort((a, b) => compare(itemKey(a), itemKey(b)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The facts behind `counter` in `slot`: every count (so the total is the tally's), listing at
 * most `limit` of them, entity by entity in key order — the live ones found by scanning,
 * merged with the retired ones kept in the sample.
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
  let total = retired.total;
  const live = [...counted].flatMap(([entity, e]) => {
    const found = e.evaluation.contributions.filter((c) => matches(c, counter, slot, e.breakdown));
    total += found.length;
    if (found.length === 0) return [];
    const items = () => {
      const subject = entitySubject(entity, state);
      return sortItems(found.map((c) => itemOf(c, subject)));
    };
    return [{ entity, items, ids: () => entityIds(entity, state, options) }];
  });
  const kept = retired.sample.map(({ entity, ids, items }) => ({
    entity,
    items: () => items,
    ids: () => ids,
  }));
  const items: ExplainedItem[] = [];
  const ids = noIds();
  for (const entry of [...live, ...kept].sort((a, b) => compare(a.entity, b.entity))) {
    if (items.length >= limit) break;
    items.push(...entry.items().slice(0, limit - items.length));
    const found = entry.ids();
    for (const kind of ID_KINDS) ids[kind].push(...found[kind]);
  }
  return { counter, total, items, ...ids };
}

const ID_KINDS = ["events", "remedies", "notices", "warnings"] as const;

/** The ids of the facts behind one case or warning. */
export type Ids = Readonly<Record<(typeof ID_KINDS)[number], string[]>>;

const noIds = (): Ids => ({ events: [], remedies: [], notices: [], warnings: [] });

/** What an entity is about, as an explanation names it: `order:r1`, `warning:w1`. */
export function entitySubject(entity: string, state: State): string {
  const id = entity.slice(2);
  if (entity.startsWith("w:")) return `warning:${id}`;
  const subject = state.cases.get(id)?.subject;
  return subject === undefined ? "" : `${subject.type}:${subject.id}`;
}

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
