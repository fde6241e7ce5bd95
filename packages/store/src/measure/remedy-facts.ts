/**
 * A stored remedy as scorecard facts: planned (what, for whom, by when, decided by the engine
 * or granted by a person), then executed or withdrawn, from its transitions.
 */
import type { RemedyHistory, StoredNotice, StoredRemedy } from "@goodfaith/core";
import type { NoticeFact, ScorecardFact, Subject } from "@goodfaith/measure";
import { ENGINE_ACTOR } from "../remedy-rows.js";

const isSubject = (value: unknown): value is Subject =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Subject).type === "string" &&
  typeof (value as Subject).id === "string";

/**
 * The engine's `Remedy.subject`, read from the remedy's detail. A remedy recorded without one
 * (granted by hand with a free-form detail) becomes a case of its own, like an outage: it still
 * counts as an incident, just not against a transaction.
 */
export function remedySubject(remedy: StoredRemedy): Subject {
  try {
    const subject = (JSON.parse(remedy.detail) as { subject?: unknown }).subject;
    if (isSubject(subject)) return { type: subject.type, id: subject.id };
  } catch {
    // A detail that is not JSON names no subject either.
  }
  return { type: "remedy", id: remedy.key };
}

/**
 * The scorecard's fact for a recorded notice: sent when it was ready to go (a suppressed or
 * held one was not), about the subject of the remedy it announces, stating that remedy's
 * cause if it has one. Its time is the remedy's: when we told the customer, in event time.
 */
export function noticeFact(notice: StoredNotice, remedy: StoredRemedy | undefined): NoticeFact {
  let cause: unknown;
  try {
    cause = remedy && (JSON.parse(remedy.detail) as { cause?: unknown }).cause;
  } catch {
    cause = undefined;
  }
  return {
    type: "notice",
    id: notice.key,
    customer: notice.customer,
    subject: remedy ? remedySubject(remedy) : { type: "remedy", id: notice.key },
    at: Date.parse(notice.at),
    sent: notice.status === "ready",
    ...(typeof cause === "string" && cause !== "" && { cause }),
    promise: notice.promise,
  };
}

/** Statuses that take a remedy back: it is no longer owed. */
const WITHDRAWN = new Set(["rejected", "cancelled"]);

/**
 * The facts of one remedy. Proactive means the engine decided it (its first move was made by
 * `engine`); any other first actor is a person granting it after the customer asked.
 */
export function remedyFacts({ remedy, transitions }: RemedyHistory): ScorecardFact[] {
  const facts: ScorecardFact[] = [
    {
      type: "remedy.planned",
      key: remedy.key,
      promise: remedy.promise,
      customer: remedy.customer,
      subject: remedySubject(remedy),
      kind: remedy.kind,
      ...(remedy.amount && { amount: remedy.amount }),
      at: remedy.at,
      ...(remedy.dueBy !== undefined && { dueBy: remedy.dueBy }),
      proactive: transitions[0]?.actor === ENGINE_ACTOR,
    },
  ];
  for (const t of transitions) {
    if (t.to === "executed") facts.push({ type: "remedy.executed", key: remedy.key, at: t.at });
    else if (WITHDRAWN.has(t.to))
      facts.push({ type: "remedy.withdrawn", key: remedy.key, at: t.at });
  }
  return facts;
}

/** Whether a remedy's status will add no further fact: executed, rejected or cancelled. */
export const isSettledStatus = (status: string): boolean =>
  status === "executed" || WITHDRAWN.has(status);
