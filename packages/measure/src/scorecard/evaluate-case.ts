/**
 * A case's contributions: its transaction, its business promise, the remedies and notices
 * about it, and — when anything went wrong — the incident, with how and how fast we answered.
 */
import type { RemedyKind } from "@goodfaith/core";
import { type BusinessPromise, businessPromise, sessionPromise } from "./business-promise.js";
import { type Contribution, count, type Evaluation, type Ref } from "./contribution.js";
import type { RemedyPlanned } from "./facts.js";
import type { ResolvedScorecardOptions } from "./options.js";
import { type CaseState, type Contact, earliest, type RemedyState, type State } from "./state.js";

/** Remedies that put a failure right; a notice tells, it does not fix. */
const REMEDIAL: ReadonlySet<RemedyKind> = new Set(["refund", "credit", "points", "gesture"]);

interface Failure {
  readonly at: number;
  readonly promise?: string;
}

type Planned = RemedyState & { readonly planned: RemedyPlanned };

/** Evaluates one case at the given watermark (the latest event time seen). */
export function evaluateCase(
  c: CaseState,
  state: State,
  watermark: number,
  options: ResolvedScorecardOptions,
): Evaluation {
  const out: Contribution[] = [];
  const failures: Failure[] = [];
  const deadlines: number[] = [];

  const settle = (promise: BusinessPromise | undefined, ref?: Ref): boolean => {
    if (!promise) return false;
    if ("pendingUntil" in promise) {
      deadlines.push(promise.pendingUntil);
      return false;
    }
    out.push(count("businessPromisesMade", promise.at, [promise.name], ref));
    if (promise.kept) out.push(count("businessPromisesKept", promise.at, [promise.name], ref));
    else failures.push({ at: promise.at, promise: promise.name });
    return !promise.kept;
  };
  const tx = c.transaction && { at: c.transaction.at, ref: { event: c.transaction.event } };
  settle(businessPromise(c, state, watermark, options), tx?.ref);
  // By session id, so the contributions do not depend on the order the sessions arrived in.
  const sessions = [...c.sessions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, s]) => ({
      at: s.at,
      ref: { event: s.event, session: id },
      broken: settle(sessionPromise(s), { event: s.event, session: id }),
    }));

  const doubleCharge = secondCharge(c);
  if (doubleCharge !== undefined) failures.push({ at: doubleCharge });

  // Guard warnings are advice, not remedies: they are counted from warning facts.
  const remedies = [...c.remedies]
    .map((key) => state.remedies.get(key))
    .filter((r): r is Planned => r?.planned !== undefined && r.planned.kind !== "warning");
  const open = remedies.some((r) => r.executedAt === undefined && r.withdrawnAt === undefined);
  for (const r of remedies) {
    const { at, dueBy, promise: id, key } = r.planned;
    failures.push({ at, promise: id });
    if (dueBy === undefined || (r.withdrawnAt !== undefined && r.executedAt === undefined))
      continue;
    if (r.executedAt === undefined && watermark <= dueBy) {
      deadlines.push(dueBy);
      continue;
    }
    out.push(count("remedyPromisesDue", dueBy, [id], { remedy: key }));
    if (r.executedAt !== undefined && r.executedAt <= dueBy)
      out.push(count("remedyPromisesKept", dueBy, [id], { remedy: key }));
  }

  // The order or booking failed with any failure of its case; a session of an order only when
  // it streamed below its promise (the rental's other viewings went smoothly).
  const failed = failures.length > 0;
  if (tx) {
    out.push(count("transactions", tx.at, [], tx.ref));
    if (failed) out.push(count("transactionsFailed", tx.at, [], tx.ref));
  }
  const ofOrder = c.subject.type === "order";
  for (const s of sessions) {
    out.push(count("transactions", s.at, [], s.ref));
    if (s.broken || (failed && !ofOrder)) out.push(count("transactionsFailed", s.at, [], s.ref));
  }
  if (failures.length > 0) out.push(...incident(c, failures, remedies));
  out.push(...notices(c));

  const channel = c.transaction?.channel ?? firstContact(c)?.channel;
  return {
    contributions: out,
    ...(channel !== undefined && { channel }),
    ...(deadlines.length > 0 && { deadline: Math.min(...deadlines) }),
    ...(open && { open: true }),
  };
}

/** When the second charge of one payment happened: the double charge's time. */
function secondCharge(c: CaseState): number | undefined {
  const byPayment = new Map<string, number[]>();
  for (const charge of c.charges.values()) {
    const times = byPayment.get(charge.payment) ?? [];
    times.push(charge.at);
    byPayment.set(charge.payment, times);
  }
  let at: number | undefined;
  for (const times of byPayment.values()) {
    if (times.length < 2) continue;
    const second = times.sort((a, b) => a - b)[1] as number;
    at = at === undefined ? second : Math.min(at, second);
  }
  return at;
}

function firstContact(c: CaseState): Contact | undefined {
  let first: Contact | undefined;
  for (const contact of c.contacts.values()) first = earliest(first, contact);
  return first;
}

/** The incident's figures: told first, remedied, proactively, and how fast. */
function incident(
  c: CaseState,
  failures: readonly Failure[],
  remedies: readonly Planned[],
): Contribution[] {
  const at = Math.min(...failures.map((f) => f.at));
  const promises = [
    ...new Set(failures.flatMap((f) => (f.promise === undefined ? [] : [f.promise]))),
  ].sort();
  const out: Contribution[] = [count("incidents", at, promises)];

  // Who spoke first is decided in event time. An incident about a support contact (a long
  // wait) is, by definition, one the customer raised: they asked before anything we did.
  const asked = c.subject.type === "contact" ? Number.NEGATIVE_INFINITY : firstContact(c)?.at;
  const beforeAsked = (t: number) => asked === undefined || t < asked;

  const sent = [...c.notices.values()].filter((n) => n.sent).map((n) => n.at);
  if (sent.length > 0 && beforeAsked(Math.min(...sent)))
    out.push(count("incidentsToldFirst", at, promises));

  const executed = remedies.filter(
    (r) => r.executedAt !== undefined && REMEDIAL.has(r.planned.kind),
  );
  if (executed.length > 0) {
    out.push(count("incidentsRemedied", at, promises));
    // Fixed before the customer asked: we decided it on our own before their first contact.
    // The decision time, not the execution's: execution is stamped by the outbox's clock,
    // which in a replay, an import or a backlog is long after the events; how fast the money
    // arrived is what time to remedy and remedies on time measure.
    if (executed.some((r) => r.planned.proactive && beforeAsked(r.planned.at)))
      out.push(count("incidentsRemediedProactively", at, promises));
    const first = Math.min(...executed.map((r) => r.executedAt as number));
    out.push({ kind: "duration", at, ms: first - at, promises });
  }
  return out;
}

function notices(c: CaseState): Contribution[] {
  return [...c.notices.values()].flatMap((n) => {
    const promises = n.promise === undefined ? [] : [n.promise];
    const ref = { notice: n.id };
    if (!n.sent) return [count("noticesSuppressed", n.at, promises, ref)];
    const stated = n.cause !== undefined && n.cause.trim() !== "";
    return [
      count("noticesSent", n.at, promises, ref),
      ...(stated ? [count("noticesWithCause", n.at, promises, ref)] : []),
    ];
  });
}
