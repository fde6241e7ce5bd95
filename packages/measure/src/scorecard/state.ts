/**
 * What the scorecard remembers, folded from facts so that the result never depends on their
 * order: every merge keeps the earliest (or, for corrections, the latest) by (time, id), and
 * facts are keyed by id so feeding one twice changes nothing.
 */
import type { GoodfaithEvent } from "@goodfaith/core";
import type { NoticeFact, RemedyPlanned, Subject, WarningFact } from "./facts.js";

/** Something that happened at a time, and the event that says so. */
export interface Dated {
  readonly at: number;
  readonly event: string;
}

/** A support contact: when, on which channel, and its event. */
export type Contact = Dated & { readonly channel: string };

/** The kinds of transaction a case is about (viewing sessions are kept beside it). */
export type TransactionKind = "order" | "booking";

/** A transaction: an order placed, a booking made. */
export interface Transaction extends Dated {
  readonly kind: TransactionKind;
  readonly channel?: string;
  readonly skus?: readonly string[];
  readonly promisedBy?: number;
  readonly flight?: string;
}

/** A viewing session, also a transaction; for one sold with a promised quality, whether it streamed at it. */
export type Session = Dated & { readonly qualityKept?: boolean };

/**
 * Everything known about one subject of one customer: an order, a booking, a session, a topic.
 * A session that names its order (a rental's) belongs to the order's case, where the engine
 * files its remedies: one bad rental is one problem, however many of its sessions fell short.
 */
export interface CaseState {
  readonly key: string;
  readonly customer: string;
  readonly subject: Subject;
  transaction?: Transaction;
  /** The viewing sessions of this order (or the one session, when it names no order), by session id. */
  readonly sessions: Map<string, Session>;
  delivered?: Dated;
  cancelled?: Dated;
  /** Charges by event id, with the payment they charge (two for one payment: a double charge). */
  readonly charges: Map<string, Dated & { readonly payment: string }>;
  /** The customer's support contacts about this subject, by event id. */
  readonly contacts: Map<string, Contact>;
  readonly remedies: Set<string>;
  readonly notices: Map<string, NoticeFact>;
}

/** A remedy as its facts arrive: planned, executed, withdrawn, in any order. */
export interface RemedyState {
  planned?: RemedyPlanned;
  executedAt?: number;
  withdrawnAt?: number;
}

/** A flight, and the bookings on it that its arrival or cancellation decides. */
export interface FlightState {
  arrived?: Dated & { readonly scheduled: number; readonly actual: number };
  cancelled?: Dated & { readonly scheduled: number };
  readonly bookings: Set<string>;
}

/** A customer's segment (their latest `customer.updated` that names one), cases and warnings. */
export interface CustomerState {
  segment?: Dated & { readonly value: string };
  readonly cases: Set<string>;
  readonly warnings: Set<string>;
}

/** All the scorecard's state. */
export interface State {
  readonly cases: Map<string, CaseState>;
  readonly remedies: Map<string, RemedyState>;
  readonly flights: Map<string, FlightState>;
  readonly customers: Map<string, CustomerState>;
  readonly warnings: Map<string, WarningFact>;
  /**
   * The order cases whose events report each session (by the session's own case key): the
   * engine files a session's remedy under the session when it did not know the order yet.
   */
  readonly sessionOrders: Map<string, Set<string>>;
}

/** An empty state. */
export function emptyState(): State {
  return {
    cases: new Map(),
    remedies: new Map(),
    flights: new Map(),
    customers: new Map(),
    warnings: new Map(),
    sessionOrders: new Map(),
  };
}

const before = (a: Dated, b: Dated) => a.at < b.at || (a.at === b.at && a.event < b.event);

/** The earlier of two dated facts (ties broken by event id), so merging is order-free. */
export function earliest<T extends Dated>(current: T | undefined, next: T): T {
  return current === undefined || before(next, current) ? next : current;
}

/** The later of two dated facts: a correction (a second arrival report) replaces the first. */
export function latest<T extends Dated>(current: T | undefined, next: T): T {
  return current === undefined || before(current, next) ? next : current;
}

const SEPARATOR = "\u001f";

/** The key of a customer's case about a subject. */
export function caseKey(customer: string, subject: Subject): string {
  return `${customer}${SEPARATOR}${subject.type}:${subject.id}`;
}

/**
 * The key of the case a fact about `subject` belongs to: a session's is its order's. Should
 * events name two orders for one session, the smallest key wins, whatever came first.
 */
export function caseKeyFor(state: State, customer: string, subject: Subject): string {
  const key = caseKey(customer, subject);
  if (subject.type !== "session") return key;
  let owner: string | undefined;
  for (const order of state.sessionOrders.get(key) ?? [])
    if (owner === undefined || order < owner) owner = order;
  return owner ?? key;
}

/** The customer's record, created on first sight. */
export function customerOf(state: State, customer: string): CustomerState {
  let c = state.customers.get(customer);
  if (!c) {
    c = { cases: new Set(), warnings: new Set() };
    state.customers.set(customer, c);
  }
  return c;
}

/** The case for a customer's subject, created on first sight. */
export function caseOf(state: State, customer: string, subject: Subject): CaseState {
  const key = caseKey(customer, subject);
  let c = state.cases.get(key);
  if (!c) {
    c = {
      key,
      customer,
      subject,
      sessions: new Map(),
      charges: new Map(),
      contacts: new Map(),
      remedies: new Set(),
      notices: new Map(),
    };
    state.cases.set(key, c);
    customerOf(state, customer).cases.add(key);
  }
  return c;
}

/** The flight's record, created on first sight. */
export function flightOf(state: State, flight: string): FlightState {
  let f = state.flights.get(flight);
  if (!f) {
    f = { bookings: new Set() };
    state.flights.set(flight, f);
  }
  return f;
}

/** The time of an event, epoch ms. */
export const eventTime = (event: GoodfaithEvent): number => Date.parse(event.time);
