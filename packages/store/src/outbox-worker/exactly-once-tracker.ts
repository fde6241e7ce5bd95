/**
 * Test support for the exactly-once property (`exactly-once.property.test.ts`): a tracker
 * wrapped around every store handle the property uses, checking each outbox call as it returns
 * (who holds a claim, when its lease ends, how many attempts started), and the checks of what
 * the store holds between steps and at the end. A broken invariant throws an `Error`.
 */
import {
  MANUAL_TRANSITIONS,
  OUTBOX_TRANSITIONS,
  type RemedyStatus,
  type Store,
} from "@goodfaith/core";
import { REMEDIES_CHAIN } from "../ingest/ingestor.js";
import { verifyLedger } from "../ingest/verify-ledger.js";
import { pseudonym } from "../ledger/pseudonym.js";

/** The outbox settings every worker and callback of the property uses. */
export const LEASE_MS = 1000;
export const MAX_ATTEMPTS = 3;

/** Actors: a person (manual moves) and the payment system (its callbacks). */
export const PERSON = "agent:a-1";
export const PAYMENTS = "api-key:payments";

/** Throws unless `ok`: the property's failures are thrown, so fast-check shrinks them. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(`invariant broken: ${message}`);
}

/** What the tracker has seen of the remedies, from every store handle. */
export class Tracker {
  /** Who holds each claim, and since when its lease runs (the claim, or its attempt's start). */
  readonly holders = new Map<string, { readonly worker: string; since: number }>();
  /** Attempts started (`startAttempt` true), by remedy. */
  readonly starts = new Map<string, number>();
  /** The payment system's calls, by remedy: the attempt numbers it was asked, in order. */
  readonly calls = new Map<string, number[]>();
  /** A remedy's attempts when a person last retried it. */
  readonly retriedAt = new Map<string, number>();
  /** Remedies seen moving to executed. */
  readonly executed = new Set<string>();
  /**
   * Remedies whose current run of claims (since one from approved or failed) started an
   * attempt with no outcome yet: a failure then is that attempt's, even under a takeover.
   */
  readonly unsettled = new Set<string>();

  /** `store` with its outbox calls checked and tracked. */
  watch(store: Store): Store {
    const calls: Partial<Store> = {
      claimDue: async (request, ledger) => {
        const claimed = await store.claimDue(request, ledger);
        for (const r of claimed) {
          const prior = this.holders.get(r.key);
          // No two workers at once: a claim is handed out again only once its lease ran out.
          check(
            prior === undefined || request.now >= prior.since + (request.leaseMs ?? Infinity),
            `${r.key} claimed by ${request.worker} at ${request.now} while ${prior?.worker} holds it since ${prior?.since}`,
          );
          check(
            r.status === "executing" && r.claimedBy === request.worker,
            `${r.key} handed out as ${r.status}`,
          );
          check(!this.executed.has(r.key), `${r.key} claimed after it was executed`);
          // Not a takeover: any attempt before it has its outcome.
          if (prior === undefined) this.unsettled.delete(r.key);
          this.holders.set(r.key, { worker: request.worker, since: request.now });
        }
        return claimed;
      },
      startAttempt: async (key, worker, at) => {
        const started = await store.startAttempt(key, worker, at);
        if (started) {
          const holder = this.holders.get(key);
          check(holder?.worker === worker, `${worker} started ${key}, held by ${holder?.worker}`);
          check(!this.executed.has(key), `${key} started again after it was executed`);
          holder.since = at;
          this.starts.set(key, (this.starts.get(key) ?? 0) + 1);
          this.unsettled.add(key);
        }
        return started;
      },
      recordAttempt: async (key, report, ledger) => {
        const recorded = await store.recordAttempt(key, report, ledger);
        if (recorded.ok) {
          const holder = this.holders.get(key)?.worker;
          check(holder === report.worker, `${report.worker} reported ${key}, held by ${holder}`);
          this.settled(key);
          if (recorded.status === "executed") this.sawExecuted(key);
        }
        return recorded;
      },
      confirmLate: async (key, confirmation, ledger) => {
        const confirmed = await store.confirmLate(key, confirmation, ledger);
        if (confirmed.ok) {
          this.settled(key);
          this.sawExecuted(key);
        }
        return confirmed;
      },
      failLate: async (key, failure, ledger) => {
        const before = (await store.getRemedy(key))?.remedy;
        const unsettled = this.unsettled.has(key);
        const failed = await store.failLate(key, failure, ledger);
        if (failed.ok) {
          // Only the failure of an attempt left unsettled by a takeover that never started.
          check(
            unsettled && before?.status === "executing" && before.attemptStartedAt === undefined,
            `${key} failed late, ${JSON.stringify(before)}, unsettled: ${unsettled}`,
          );
          check(failed.attempts === before.attempts, `${key} counted an attempt failing late`);
          this.settled(key);
        }
        return failed;
      },
      releaseClaims: async (worker, keys, at, ledger) => {
        const released = await store.releaseClaims(worker, keys, at, ledger);
        for (const key of released) {
          check(this.holders.get(key)?.worker === worker, `${worker} released ${key}`);
          this.holders.delete(key);
        }
        return released;
      },
      transition: async (key, request, ledger) => {
        const moved = await store.transition(key, request, ledger);
        if (moved.ok && request.to === "approved") {
          this.retriedAt.set(key, (await store.getRemedy(key))?.remedy.attempts ?? 0);
        }
        return moved;
      },
    };
    return new Proxy(store, {
      get(target, property, receiver) {
        const own = (calls as Record<PropertyKey, unknown>)[property];
        if (own !== undefined) return own;
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  /** Records that the payment system was asked to pay `key` by `worker`, checking the ask. */
  async asked(store: Store, key: string, number: number, worker: string): Promise<void> {
    const row = (await store.getRemedy(key))?.remedy;
    const before = this.calls.get(key) ?? [];
    // At most once per attempt number, and only for the attempt that just started. Not every
    // attempt started is asked: a start whose answer an outage lost is never sent, yet counts.
    check(
      number > (before.at(-1) ?? 0),
      `${key} asked for attempt ${number} after [${before}] by ${worker}`,
    );
    check(number === this.starts.get(key), `${key} asked for attempt ${number}, not started`);
    check(
      row?.status === "executing" &&
        row.claimedBy === worker &&
        row.attemptStartedAt !== undefined &&
        row.attempts + 1 === number,
      `${key} asked for attempt ${number} by ${worker}, stored ${JSON.stringify(row)}`,
    );
    this.calls.set(key, [...before, number]);
  }

  // The claim is gone (a takeover not started never starts) and the attempt has its outcome.
  private settled(key: string): void {
    this.holders.delete(key);
    this.unsettled.delete(key);
  }

  private sawExecuted(key: string): void {
    check(!this.executed.has(key), `${key} moved to executed twice`);
    this.executed.add(key);
  }

  /** Between steps: attempts count exactly the attempts started, within the cap. */
  async checkState(store: Store, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const r = (await store.getRemedy(key))?.remedy;
      check(r !== undefined, `${key} is gone`);
      const inFlight = r.status === "executing" && r.attemptStartedAt !== undefined ? 1 : 0;
      const starts = this.starts.get(key) ?? 0;
      check(
        r.attempts === starts - inFlight,
        `${key} counts ${r.attempts} attempts; ${starts} started, ${inFlight} in flight (${r.status})`,
      );
      const cap = Math.max(MAX_ATTEMPTS, (this.retriedAt.get(key) ?? -1) + 1);
      check(r.attempts <= cap, `${key} made ${r.attempts} attempts, more than ${cap}`);
      check(
        (r.status === "executed") === this.executed.has(key),
        `${key} is ${r.status} in the store`,
      );
      if (r.status === "executed") {
        check((this.calls.get(key) ?? []).length > 0, `${key} executed, never asked to pay`);
      }
      // Claims dead-lettered by a takeover are not returned: forget them here.
      if (r.status !== "executing") this.settled(key);
    }
  }
}

// Person's moves are manual; every other actor's (workers, the payment system) the outbox's.
function allowed(from: RemedyStatus, to: RemedyStatus, actor: string): boolean {
  const table = actor === PERSON ? MANUAL_TRANSITIONS : OUTBOX_TRANSITIONS;
  return table[from].includes(to);
}

/**
 * At the end: every move allowed by the lifecycle and on the ledger, executed at most once and
 * last, and the ledger verifying against the remedies table.
 */
export async function checkHistory(
  store: Store,
  keys: readonly string[],
  secret: string,
): Promise<void> {
  const onLedger = new Map<string, string[]>();
  for await (const e of store.readLedger(REMEDIES_CHAIN)) {
    if (e.kind !== "remedy.transition" || e.remedyKey === undefined) continue;
    onLedger.set(e.remedyKey, [...(onLedger.get(e.remedyKey) ?? []), `${e.from}>${e.to}`]);
  }
  for (const key of keys) {
    const history = await store.getRemedy(key);
    check(history !== undefined, `${key} is gone`);
    const [recorded, ...moves] = history.transitions;
    check(recorded?.from === undefined && recorded?.to === "approved", `${key} recorded oddly`);
    let status: RemedyStatus = "approved";
    let by = recorded.actor;
    for (const m of moves) {
      check(m.from === status, `${key}: ${m.from}>${m.to} after reaching ${status}`);
      check(allowed(m.from, m.to, m.actor), `${key}: ${m.from}>${m.to} by ${m.actor}`);
      // A person's dead letter is final for the outbox: no confirmation reopens it.
      check(
        !(m.from === "dead" && m.to === "executed" && by === PERSON),
        `${key} confirmed after a person gave up`,
      );
      status = m.to;
      by = m.actor;
    }
    check(
      history.remedy.status === status,
      `${key} is ${history.remedy.status}, moved to ${status}`,
    );
    const executed = moves.filter((m) => m.to === "executed").length;
    check(executed <= 1, `${key} moved to executed ${executed} times`);
    const ledgered = onLedger.get(pseudonym(secret, key)) ?? [];
    const made = moves.map((m) => `${m.from}>${m.to}`);
    check(ledgered.join() === made.join(), `${key} moved [${made}], ledgered [${ledgered}]`);
  }
  const verdict = await verifyLedger(store, { remedies: { table: store, secret } });
  check(verdict.ok && verdict.remedies?.ok === true, `ledger: ${JSON.stringify(verdict)}`);
}
