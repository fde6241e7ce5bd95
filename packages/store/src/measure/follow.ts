/**
 * Following the store: the event log by sequence number (only new events are read) and the
 * remedies (only new ones and those that reached a final status are looked up), fed to a
 * scorecard and journey metrics kept in memory. The CLI's `--watch` and the API use it; a
 * one-shot read is a single `poll`.
 */
import { hasNotices, type Store } from "@goodfaith/core";
import type {
  JourneyMetrics,
  NoticeFact,
  Scorecard,
  ScorecardFact,
  WarningFact,
} from "@goodfaith/measure";
import { isSettledStatus, noticeFact, remedyFacts } from "./remedy-facts.js";
import { warningFact } from "./warning-events.js";

/** The ports a follower reads. */
export type MeasuredStore = Pick<Store, "readEvents" | "listRemedies" | "getRemedy">;

/**
 * Facts the store does not hold, such as guard warnings (its notices are read from it). Facts are
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
  #noticeSeq = 0;

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
    let extraFacts = this.#sinks.scorecard ? await this.#pollNotices() : 0;
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
        batch.push(warningFact(event) ?? { type: "event", event });
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

  // The notices the store recorded since the last poll (by their recording order), each with
  // the order, booking or topic and the cause of the remedy it announces.
  async #pollNotices(): Promise<number> {
    const store: MeasuredStore & object = this.#store;
    if (!hasNotices(store)) return 0;
    const scorecard = this.#sinks.scorecard as Scorecard;
    let fed = 0;
    for (;;) {
      const page = await store.listNotices({}, { after: this.#noticeSeq, limit: PAGE });
      const facts: NoticeFact[] = [];
      for (const notice of page.notices) {
        facts.push(noticeFact(notice, (await store.getRemedy(notice.key))?.remedy));
      }
      scorecard.addAll(facts);
      fed += facts.length;
      const last = page.notices.at(-1);
      if (last) this.#noticeSeq = last.seq;
      if (page.next === undefined || !last) return fed;
    }
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
