/**
 * Following the store: the event log by sequence number (only new events are read) and the
 * remedies (only new ones and those that reached a final status are looked up), fed to a
 * scorecard and journey metrics kept in memory. The CLI's `--watch` and the API use it; a
 * one-shot read is a single `poll`.
 */
import type { Store } from "@goodfaith/core";
import type {
  JourneyMetrics,
  NoticeFact,
  Scorecard,
  ScorecardFact,
  WarningFact,
} from "@goodfaith/measure";
import { isSettledStatus, remedyFacts } from "./remedy-facts.js";

/** The ports a follower reads. */
export type MeasuredStore = Pick<Store, "readEvents" | "listRemedies" | "getRemedy">;

/**
 * Facts the store does not hold: notices (sent or suppressed) and guard warnings. Facts are
 * idempotent by id, so a source may repeat what an earlier poll already fed.
 */
export type ExtraFacts = AsyncIterable<NoticeFact | WarningFact>;

/** Where a follower's facts go: a scorecard, journey metrics, or both. */
export interface MeasureSinks {
  readonly scorecard?: Scorecard;
  readonly journey?: JourneyMetrics;
}

/** What one poll fed. */
export interface PollResult {
  readonly events: number;
  /** Remedy facts: planned, executed, withdrawn. */
  readonly remedyFacts: number;
  readonly extraFacts: number;
}

// Facts per `addAll`: the scorecard re-evaluates touched cases once per batch.
const BATCH = 1000;
const PAGE = 1000;

/** Feeds what the store holds, and then what it gains, to in-memory measures. */
export class StoreFollower {
  readonly #store: MeasuredStore;
  readonly #sinks: MeasureSinks;
  #seq = 0;
  /** Remedies already fed as planned; and those whose final fact was fed too. */
  readonly #planned = new Set<string>();
  readonly #settled = new Set<string>();

  constructor(store: MeasuredStore, sinks: MeasureSinks) {
    this.#store = store;
    this.#sinks = sinks;
  }

  /** The log position of the last event fed. */
  get seq(): number {
    return this.#seq;
  }

  /** Reads everything new since the last poll (all of it the first time) and feeds it. */
  async poll(...sources: readonly ExtraFacts[]): Promise<PollResult> {
    const events = await this.#pollEvents();
    const facts = this.#sinks.scorecard ? await this.#pollRemedies() : 0;
    let extraFacts = 0;
    for (const source of sources) {
      const batch: ScorecardFact[] = [];
      for await (const fact of source) batch.push(fact);
      this.#sinks.scorecard?.addAll(batch);
      extraFacts += batch.length;
    }
    return { events, remedyFacts: facts, extraFacts };
  }

  async #pollEvents(): Promise<number> {
    const { scorecard, journey } = this.#sinks;
    let batch: ScorecardFact[] = [];
    let read = 0;
    for await (const { seq, event } of this.#store.readEvents({ afterSeq: this.#seq })) {
      journey?.observe(event);
      if (scorecard) {
        batch.push({ type: "event", event });
        if (batch.length >= BATCH) {
          scorecard.addAll(batch);
          batch = [];
        }
      }
      this.#seq = seq;
      read++;
    }
    scorecard?.addAll(batch);
    return read;
  }

  // Every poll lists the remedies (a page query each thousand), but looks up the moves only of
  // those it has not planned yet or that just reached a final status: once each per remedy.
  async #pollRemedies(): Promise<number> {
    const scorecard = this.#sinks.scorecard as Scorecard;
    let fed = 0;
    let after: Parameters<MeasuredStore["listRemedies"]>[1] = { limit: PAGE };
    for (;;) {
      const page = await this.#store.listRemedies({}, after);
      const facts: ScorecardFact[] = [];
      const planned: string[] = [];
      const settled: string[] = [];
      for (const r of page.remedies) {
        const settles = isSettledStatus(r.status) && !this.#settled.has(r.key);
        if (this.#planned.has(r.key) && !settles) continue;
        const history = await this.#store.getRemedy(r.key);
        if (!history) continue;
        facts.push(...remedyFacts(history));
        planned.push(r.key);
        if (isSettledStatus(history.remedy.status)) settled.push(r.key);
      }
      // Marked only once fed: a failed read leaves them to the next poll.
      scorecard.addAll(facts);
      for (const key of planned) this.#planned.add(key);
      for (const key of settled) this.#settled.add(key);
      fed += facts.length;
      if (!page.next) return fed;
      after = { after: page.next, limit: PAGE };
    }
  }
}
