/**
 * What the scorecard is fed: validated events, and the facts about remedies, notices and guard
 * warnings that the engine, the outbox and the guard produce. Times are epoch ms in event time.
 * Every fact is idempotent (fed twice, counted once) and may arrive in any order.
 */
import type { DecimalMoney, GoodfaithEvent, RemedyKind } from "@goodfaith/core";

/** What a remedy or notice is about, as the engine names it: `{ type: "order", id: "o-7" }`. */
export interface Subject {
  /** `order`, `booking`, `session`, `contact`, `topic`… — the engine's `Remedy.subject.type`. */
  readonly type: string;
  readonly id: string;
}

/** A validated event (the output of `validateEvent`), as the event log holds it. */
export interface EventFact {
  readonly type: "event";
  readonly event: GoodfaithEvent;
}

/** A remedy the engine (or an agent) decided on: the store's `recordRemedies`. */
export interface RemedyPlanned {
  readonly type: "remedy.planned";
  /** The idempotency key (promise id + incident). */
  readonly key: string;
  readonly promise: string;
  readonly customer: string;
  readonly subject: Subject;
  readonly kind: RemedyKind;
  readonly amount?: DecimalMoney;
  /** Event time of the incident. */
  readonly at: number;
  /** `at` plus the promise's `within`; absent when the promise sets no time limit. */
  readonly dueBy?: number;
  /** True when we acted before the customer asked; false when an agent granted it on a call. */
  readonly proactive: boolean;
}

/** The outbox executed a remedy (`recordAttempt` ok): the money or gesture reached the customer. */
export interface RemedyExecuted {
  readonly type: "remedy.executed";
  readonly key: string;
  readonly at: number;
}

/** A remedy that will never be executed: a person rejected or cancelled it; it is no longer owed. */
export interface RemedyWithdrawn {
  readonly type: "remedy.withdrawn";
  readonly key: string;
  readonly at: number;
}

/** A notice to a customer: sent, or suppressed (no consent, no contact preference). */
export interface NoticeFact {
  readonly type: "notice";
  /** Unique per notice (e.g. the remedy key). */
  readonly id: string;
  readonly customer: string;
  readonly subject: Subject;
  readonly at: number;
  readonly sent: boolean;
  /** The honest cause the notice states, if it states one. */
  readonly cause?: string;
  /** The promise whose remedy produced it. */
  readonly promise?: string;
}

/** A guard warning shown at checkout (already owned, cheaper plan, price about to drop). */
export interface WarningFact {
  readonly type: "warning";
  readonly id: string;
  readonly customer: string;
  /** The SKU the customer was about to buy; buying it again within the heed window ignores the warning. */
  readonly sku: string;
  readonly at: number;
  /** What the warned purchase would have cost: the revenue forgone when the warning is heeded. */
  readonly price: DecimalMoney;
  /** What the customer keeps by heeding it, when it differs from `price` (a cheaper plan keeps the difference). */
  readonly kept?: DecimalMoney;
}

/** Anything the scorecard learns from. */
export type ScorecardFact =
  | EventFact
  | RemedyPlanned
  | RemedyExecuted
  | RemedyWithdrawn
  | NoticeFact
  | WarningFact;

/** The event time of a fact, epoch ms (an event's RFC 3339 `time`, parsed). */
export function factTime(fact: ScorecardFact): number {
  return fact.type === "event" ? Date.parse(fact.event.time) : fact.at;
}
