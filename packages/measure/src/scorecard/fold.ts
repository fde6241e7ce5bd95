/**
 * Folds one fact into the state and names the entities whose figures it may change: a case
 * (`c:` + case key) or a warning (`w:` + warning id). Events the scorecard has no use for
 * change nothing.
 */
import type { KnownEvent } from "@goodfaith/core";
import { ignores } from "./evaluate-warning.js";
import type { ScorecardFact, Subject } from "./facts.js";
import type { ResolvedScorecardOptions } from "./options.js";
import {
  type CaseState,
  caseKey,
  caseKeyFor,
  caseOf,
  customerOf,
  earliest,
  eventTime,
  flightOf,
  latest,
  type State,
  type Transaction,
} from "./state.js";

/** The dirty-set key of a case. */
export const caseEntity = (key: string) => `c:${key}`;
/** The dirty-set key of a warning. */
export const warningEntity = (id: string) => `w:${id}`;

/** Applies `fact` to `state`; returns the entities to re-evaluate. */
export function fold(
  state: State,
  fact: ScorecardFact,
  options: ResolvedScorecardOptions,
): readonly string[] {
  switch (fact.type) {
    case "event":
      return fact.event.known === false ? [] : foldEvent(state, fact.event, options);
    case "remedy.planned": {
      const remedy = remedyOf(state, fact.key);
      if (remedy.planned) return [];
      remedy.planned = fact;
      const c = filedCase(state, fact.customer, fact.subject);
      c.remedies.add(fact.key);
      return [caseEntity(c.key)];
    }
    case "remedy.executed":
    case "remedy.withdrawn": {
      const remedy = remedyOf(state, fact.key);
      if (fact.type === "remedy.executed") remedy.executedAt = min(remedy.executedAt, fact.at);
      else remedy.withdrawnAt = min(remedy.withdrawnAt, fact.at);
      const planned = remedy.planned;
      return planned ? [caseEntity(caseKeyFor(state, planned.customer, planned.subject))] : [];
    }
    case "notice": {
      const c = filedCase(state, fact.customer, fact.subject);
      if (!c.notices.has(fact.id)) c.notices.set(fact.id, fact);
      return [caseEntity(c.key)];
    }
    case "warning": {
      if (!state.warnings.has(fact.id)) {
        state.warnings.set(fact.id, fact);
        customerOf(state, fact.customer).warnings.add(fact.id);
      }
      return [warningEntity(fact.id)];
    }
    default: {
      const never: never = fact;
      throw new Error(`unknown fact ${JSON.stringify(never)}`);
    }
  }
}

const min = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

function remedyOf(state: State, key: string) {
  let r = state.remedies.get(key);
  if (!r) {
    r = {};
    state.remedies.set(key, r);
  }
  return r;
}

function foldEvent(
  state: State,
  e: KnownEvent,
  options: ResolvedScorecardOptions,
): readonly string[] {
  const at = eventTime(e);
  const dated = { at, event: e.id };
  switch (e.type) {
    case "order.placed": {
      const d = e.data;
      const c = caseOf(state, e.customer, { type: "order", id: d.order });
      const before = c.transaction;
      setTransaction(c, {
        ...dated,
        kind: "order",
        skus: d.items.map((item) => item.sku),
        ...(d.channel !== undefined && { channel: d.channel }),
        ...(d.promisedDeliveryBy !== undefined && { promisedBy: Date.parse(d.promisedDeliveryBy) }),
      });
      // Only the warnings this order ignores, or ignored before an earlier event replaced it,
      // are looked at again: a settled warning is never re-read after its order was retired.
      const warned = [...customerOf(state, e.customer).warnings].filter((id) => {
        const w = state.warnings.get(id);
        return (
          w !== undefined && (ignores(w, before, options) || ignores(w, c.transaction, options))
        );
      });
      return [caseEntity(c.key), ...warned.map(warningEntity)];
    }
    case "order.delivered": {
      const c = caseOf(state, e.customer, { type: "order", id: e.data.order });
      const deliveredAt = e.data.deliveredAt === undefined ? at : Date.parse(e.data.deliveredAt);
      c.delivered = earliest(c.delivered, { at: deliveredAt, event: e.id });
      return [caseEntity(c.key)];
    }
    case "order.cancelled": {
      const c = caseOf(state, e.customer, { type: "order", id: e.data.order });
      c.cancelled = earliest(c.cancelled, dated);
      return [caseEntity(c.key)];
    }
    case "payment.charged": {
      const c = caseOf(state, e.customer, { type: "order", id: e.data.order });
      c.charges.set(e.id, { ...dated, payment: e.data.payment });
      return [caseEntity(c.key)];
    }
    case "booking.created": {
      const c = caseOf(state, e.customer, { type: "booking", id: e.data.booking });
      setTransaction(c, { ...dated, kind: "booking", flight: e.data.flight });
      // Should two events name different flights, the case hears from both and reads the earliest's.
      flightOf(state, e.data.flight).bookings.add(c.key);
      return [caseEntity(c.key)];
    }
    case "flight.arrived":
    case "flight.cancelled": {
      const f = flightOf(state, e.data.flight);
      const scheduled = Date.parse(e.data.scheduledArrival);
      if (e.type === "flight.arrived") {
        const actual = Date.parse(e.data.actualArrival);
        f.arrived = latest(f.arrived, { ...dated, scheduled, actual });
      } else f.cancelled = latest(f.cancelled, { ...dated, scheduled });
      return [...f.bookings].map(caseEntity);
    }
    case "stream.session": {
      const d = e.data;
      // A rental's session is about its order: the engine files the rental's remedy there.
      const subject: Subject =
        d.order !== undefined ? { type: "order", id: d.order } : { type: "session", id: d.session };
      const c = caseOf(state, e.customer, subject);
      const quality = d.promisedQuality;
      const session = {
        ...dated,
        ...(quality !== undefined && {
          qualityKept:
            d.rebufferRatio <= options.maxRebufferRatio &&
            d.bitrateKbps >= options.minBitrateKbps[quality],
        }),
      };
      // Should two events report one session, the earliest is read.
      c.sessions.set(d.session, earliest(c.sessions.get(d.session), session));
      if (d.order === undefined) return [caseEntity(c.key)];
      const moved = fileUnderOrder(state, { type: "session", id: d.session }, c);
      return [...new Set([c.key, ...moved])].map(caseEntity);
    }
    case "support.contact": {
      const d = e.data;
      const subject: Subject =
        d.order !== undefined
          ? { type: "order", id: d.order }
          : d.booking !== undefined
            ? { type: "booking", id: d.booking }
            : { type: "topic", id: d.topic };
      const c = caseOf(state, e.customer, subject);
      c.contacts.set(e.id, { ...dated, channel: d.channel });
      return [caseEntity(c.key)];
    }
    case "customer.updated": {
      const segment = e.data.segment;
      if (segment === undefined) return [];
      const customer = customerOf(state, e.customer);
      customer.segment = latest(customer.segment, { ...dated, value: segment });
      // Figures are broken down by the customer's current segment: all of theirs move.
      return [...[...customer.cases].map(caseEntity), ...[...customer.warnings].map(warningEntity)];
    }
    default:
      return [];
  }
}

/** The case a remedy or notice about `subject` is filed in: a session's may be its order's. */
function filedCase(state: State, customer: string, subject: Subject): CaseState {
  return state.cases.get(caseKeyFor(state, customer, subject)) ?? caseOf(state, customer, subject);
}

/**
 * Files a session under its order's case from now on. The engine files a session's remedy (and
 * its notice) under the session when it did not know the order yet, and facts come in any
 * order: what was filed about the session before moves to the order, so the remedy answers the
 * same problem as the session it is about. Returns the cases whose contents moved.
 */
function fileUnderOrder(state: State, session: Subject, order: CaseState): string[] {
  const own = caseKey(order.customer, session);
  const before = caseKeyFor(state, order.customer, session);
  const orders = state.sessionOrders.get(own) ?? new Set<string>();
  orders.add(order.key);
  state.sessionOrders.set(own, orders);
  const after = caseKeyFor(state, order.customer, session);
  const from = state.cases.get(before);
  const to = state.cases.get(after);
  if (before === after || !from || !to) return [];
  const about = (s: Subject) => s.type === session.type && s.id === session.id;
  for (const key of from.remedies) {
    const planned = state.remedies.get(key)?.planned;
    if (planned === undefined || !about(planned.subject)) continue;
    from.remedies.delete(key);
    to.remedies.add(key);
  }
  for (const [id, notice] of from.notices) {
    if (!about(notice.subject)) continue;
    from.notices.delete(id);
    if (!to.notices.has(id)) to.notices.set(id, notice);
  }
  if (isEmpty(from)) {
    state.cases.delete(from.key);
    state.customers.get(from.customer)?.cases.delete(from.key);
  }
  return [from.key, to.key];
}

/** A case nothing is known about any more (its filings moved away). */
const isEmpty = (c: CaseState) =>
  c.transaction === undefined &&
  c.delivered === undefined &&
  c.cancelled === undefined &&
  c.sessions.size + c.charges.size + c.contacts.size + c.remedies.size + c.notices.size === 0;

function setTransaction(c: CaseState, t: Transaction): void {
  c.transaction = earliest(c.transaction, t);
}
