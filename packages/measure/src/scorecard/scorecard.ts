/**
 * The trust scorecard, maintained incrementally. Facts fold into a state; every entity (a case
 * or a warning) they touch is re-evaluated, its previous contributions taken back and the new
 * ones added; deadlines (an order not delivered by its date, a remedy not executed in time, a
 * warning's heed window) re-evaluate their entity when event time passes them. Each entity's
 * contributions depend only on its facts and the watermark, so any batching or order of the
 * same facts ends in the same figures as a fresh run.
 */
import { diffContributions, type Evaluation } from "./contribution.js";
import { DeadlineQueue } from "./deadline-queue.js";
import { evaluateCase } from "./evaluate-case.js";
import { evaluateWarning } from "./evaluate-warning.js";
import {
  type Counted,
  countersOf,
  type Explainable,
  type ExplainedCount,
  entityIds,
  entitySubject,
  explainCount,
  type Ids,
} from "./explain.js";
import { factTime, type ScorecardFact } from "./facts.js";
import { fold } from "./fold.js";
import {
  type ResolvedScorecardOptions,
  resolveScorecardOptions,
  type ScorecardOptions,
} from "./options.js";
import { type Period, periodStart } from "./periods.js";
import { type ReportQuery, reportRows, type ScorecardRow } from "./report.js";
import { forget } from "./retirement.js";
import { emptyState, type State } from "./state.js";
import { type Breakdown, type Dimension, type SlotKey, Tallies } from "./tally.js";

const NOTHING_RETIRED = { total: 0, sample: [] } as const;

const sameBreakdown = (a: Breakdown, b: Breakdown) =>
  a.segment === b.segment && a.channel === b.channel;

/** Nothing pending: no deadline to pass and no remedy still owed. */
const isSettled = (e: Evaluation) => e.deadline === undefined && e.open === undefined;

/**
 * Whether a fact's time is event time. An execution or a withdrawal is stamped by the clock of
 * whoever did it (the outbox, a person): in a replay, an import or a backlog that is long after
 * the events, so it must neither move the watermark (settling absences the log has not reached)
 * nor keep a case from retiring.
 */
const onEventClock = (fact: ScorecardFact) =>
  fact.type !== "remedy.executed" && fact.type !== "remedy.withdrawn";

/** Which bucket to explain, and how many cases or warnings to list at most. */
export interface ExplainQuery {
  readonly figure: Explainable;
  readonly period: Period;
  /** Any instant in the bucket, epoch ms (ignored for `all`). */
  readonly at: number;
  /** @default "all" */
  readonly dimension?: Dimension;
  /** The segment, channel or promise. @default "" (for `all`) */
  readonly value?: string;
  /** @default 50 */
  readonly limit?: number;
}

/** The trust scorecard: feed it facts as they arrive, read rows and explanations at any time. */
export class Scorecard {
  readonly #options: ResolvedScorecardOptions;
  readonly #state: State = emptyState();
  readonly #tallies = new Tallies();
  readonly #counted = new Map<string, Counted>();
  readonly #deadlines = new DeadlineQueue();
  /** The latest time of any fact about each entity: retirement counts from it. */
  readonly #lastSeen = new Map<string, number>();
  readonly #retirements = new DeadlineQueue();
  #watermark = Number.NEGATIVE_INFINITY;

  constructor(options?: ScorecardOptions) {
    this.#options = resolveScorecardOptions(options);
  }

  /** The latest event time seen, epoch ms (−∞ before the first fact). */
  get watermark(): number {
    return this.#watermark;
  }

  /** How much is held in detail (the rest is retired into tallies and samples). */
  held(): { readonly cases: number; readonly warnings: number; readonly remedies: number } {
    const { cases, warnings, remedies } = this.#state;
    return { cases: cases.size, warnings: warnings.size, remedies: remedies.size };
  }

  /** Feeds one fact. */
  add(fact: ScorecardFact): void {
    this.addAll([fact]);
  }

  /** Feeds a batch of facts, in any order; figures are updated once, at the end. */
  addAll(facts: Iterable<ScorecardFact>): void {
    const dirty = new Set<string>();
    for (const fact of facts) {
      const touched = fold(this.#state, fact, this.#options);
      for (const entity of touched) dirty.add(entity);
      if (!onEventClock(fact)) continue;
      const at = factTime(fact);
      for (const entity of touched)
        this.#lastSeen.set(entity, Math.max(this.#lastSeen.get(entity) ?? at, at));
      this.#watermark = Math.max(this.#watermark, at);
    }
    for (const entity of this.#deadlines.popBefore(this.#watermark)) dirty.add(entity);
    for (const entity of dirty) this.#reevaluate(entity);
    this.#retireDue();
  }

  /** The scorecard rows for a period and breakdown (default: all time, no breakdown). */
  report(query?: ReportQuery): ScorecardRow[] {
    return reportRows(this.#tallies, query);
  }

  /** The facts behind a figure in one bucket: for a share, its numerator then its denominator. */
  explain(query: ExplainQuery): ExplainedCount[] {
    const slot: SlotKey = {
      period: query.period,
      start: periodStart(query.period, query.at),
      dimension: query.dimension ?? "all",
      value: query.value ?? "",
    };
    const limit = query.limit ?? 50;
    return countersOf(query.figure).map((counter) => {
      const retired = this.#tallies.find(slot)?.retired.get(counter) ?? NOTHING_RETIRED;
      return explainCount(counter, slot, this.#counted, retired, this.#state, this.#options, limit);
    });
  }

  #reevaluate(entity: string): void {
    const previous = this.#counted.get(entity);
    const evaluated = this.#evaluate(entity);
    const breakdown = evaluated && {
      segment: this.#state.customers.get(evaluated.customer)?.segment?.value,
      channel: evaluated.evaluation.channel,
    };
    const after = evaluated?.evaluation.contributions ?? [];
    const before = previous?.evaluation.contributions ?? [];
    if (previous && breakdown && sameBreakdown(previous.breakdown, breakdown)) {
      const { removed, added } = diffContributions(before, after);
      for (const c of removed) this.#tallies.apply(c, breakdown, -1);
      for (const c of added) this.#tallies.apply(c, breakdown, 1);
    } else {
      for (const c of before) this.#tallies.apply(c, previous?.breakdown ?? {}, -1);
      for (const c of after) this.#tallies.apply(c, breakdown ?? {}, 1);
    }
    if (!evaluated || !breakdown) {
      // Gone, or merged into another case (a session's filings moved to its order's).
      this.#counted.delete(entity);
      this.#lastSeen.delete(entity);
      return;
    }
    const { evaluation } = evaluated;
    const retireAt = this.#retireAt(entity, evaluation);
    this.#counted.set(entity, { evaluation, breakdown, retireAt });
    const deadline = evaluation.deadline;
    if (deadline !== undefined && deadline !== previous?.evaluation.deadline)
      this.#deadlines.push(deadline, entity);
    // Scheduled once per change: a pending entity is scheduled again when it settles.
    const settled = isSettled(evaluation);
    const wasSettled = previous !== undefined && isSettled(previous.evaluation);
    if (settled && Number.isFinite(retireAt) && !(wasSettled && retireAt === previous.retireAt))
      this.#retirements.push(retireAt, entity);
  }

  /** When an entity with nothing pending may be retired: its latest time plus `retainMs`. */
  #retireAt(entity: string, evaluation: Evaluation): number {
    let latest = this.#lastSeen.get(entity) ?? Number.NEGATIVE_INFINITY;
    for (const c of evaluation.contributions) latest = Math.max(latest, c.at);
    return latest + this.#options.retainMs;
  }

  /**
   * Retires every entity whose time has come. Ids are read for all of them before any is
   * forgotten: a warning's ids name the order that ignored it, which may retire with it.
   */
  #retireDue(): void {
    const due = [...new Set(this.#retirements.popBefore(this.#watermark))].filter((entity) => {
      const counted = this.#counted.get(entity);
      // Stale entries: the entity was touched again since, or now waits for a deadline.
      return (
        counted !== undefined && isSettled(counted.evaluation) && counted.retireAt < this.#watermark
      );
    });
    const ids = due.map((entity) => entityIds(entity, this.#state, this.#options));
    const subjects = due.map((entity) => entitySubject(entity, this.#state));
    due.forEach((entity, i) => {
      const counted = this.#counted.get(entity) as Counted;
      const subject = subjects[i] as string;
      this.#tallies.retire(
        counted,
        entity,
        ids[i] as Ids,
        subject,
        this.#options.explanationSample,
      );
      forget(this.#state, entity);
      this.#counted.delete(entity);
      this.#lastSeen.delete(entity);
    });
  }

  #evaluate(entity: string) {
    const id = entity.slice(2);
    const w = this.#watermark;
    if (entity.startsWith("w:")) {
      const warning = this.#state.warnings.get(id);
      return (
        warning && {
          evaluation: evaluateWarning(warning, this.#state, w, this.#options),
          customer: warning.customer,
        }
      );
    }
    const c = this.#state.cases.get(id);
    return (
      c && { evaluation: evaluateCase(c, this.#state, w, this.#options), customer: c.customer }
    );
  }
}
