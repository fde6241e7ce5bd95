/**
 * Test support for the exactly-once property (`exactly-once.property.test.ts`): the world its
 * steps (`exactly-once-steps.ts`) run in — workers that claim, start and report attempts one step at a
 * time (as `runOutbox` does) or run whole passes, a payment system that answers and calls back,
 * and a person who retries and cancels, all on one clock that only the steps move.
 */
import type { RemedyExecutor, Store, StoredRemedy } from "@goodfaith/core";
import { approvedOnLedger, remedy, T0 } from "../conformance/fixtures.js";
import { ledgerSecret } from "../ingest/secret.js";
import { failing, OUTAGE, pick, REFERENCE, result, type Step } from "./exactly-once-steps.js";
import {
  check,
  checkHistory,
  LEASE_MS,
  MAX_ATTEMPTS,
  PAYMENTS,
  PERSON,
  Tracker,
} from "./exactly-once-tracker.js";
import { retryRemedy } from "./retry-remedy.js";
import { executorActor, movesOnLedger, retryAt, runOutbox } from "./run-outbox.js";
import { settleRemedy } from "./settle-remedy.js";

interface Worker {
  readonly name: string;
  readonly store: Store;
  /** Claims not started yet, as `claimDue` returned them. */
  readonly held: Map<string, StoredRemedy>;
  /** Calls under way: the attempt number, by remedy. */
  readonly calls: Map<string, number>;
  /** In a `runOutbox` pass. */
  busy: boolean;
  /** Claims its last pass never started when an outage failed it, for the next to hand back. */
  stranded: readonly StoredRemedy[];
}

/** Remedies, workers, a payment system and a person on one store, with one clock. */
export class World {
  now = T0;
  readonly #retry = { backoff: { baseMs: 100, maxMs: 1000 }, random: () => 0.5 };

  private constructor(
    readonly tracker: Tracker,
    /** The payment system's and the person's handle. */
    readonly store: Store,
    readonly workers: readonly Worker[],
    readonly keys: readonly string[],
    readonly secret: string,
  ) {}

  /**
   * `remedies` approved remedies, due now (on the ledger as ingest writes them), and a worker
   * on each of `stores`; the first is also the payment system's and the person's.
   */
  static async create(stores: readonly Store[], remedies: number): Promise<World> {
    const [first] = stores;
    if (first === undefined) throw new RangeError("World: no store");
    const secret = await ledgerSecret(first);
    const keys = Array.from({ length: remedies }, (_, i) => `late:o-${i}`);
    await first.recordRemedies(
      keys.map((k) => remedy(k, { at: T0, nextAttemptAt: T0 })),
      1,
      approvedOnLedger(secret, T0),
    );
    const tracker = new Tracker();
    const workers = stores.map((s, i) => ({
      name: `w${i}`,
      store: tracker.watch(s),
      held: new Map(),
      calls: new Map(),
      busy: false,
      stranded: [],
    }));
    return new World(tracker, tracker.watch(first), workers, keys, secret);
  }

  #worker(i: number): Worker {
    const w = this.workers[i % this.workers.length];
    if (w === undefined) throw new RangeError("World: no workers");
    return w;
  }

  #key(i: number): string {
    return this.keys[i % this.keys.length] ?? "";
  }

  #outbox(worker: string) {
    return {
      ...this.#retry,
      worker,
      leaseMs: LEASE_MS,
      maxAttempts: MAX_ATTEMPTS,
      secret: this.secret,
      now: () => this.now,
    };
  }

  async #claim(w: Worker, limit: number): Promise<readonly StoredRemedy[]> {
    const claimed = await w.store.claimDue(
      { now: this.now, limit, worker: w.name, leaseMs: LEASE_MS, maxAttempts: MAX_ATTEMPTS },
      movesOnLedger(this.secret, executorActor(w.name), this.now),
    );
    // A new run: claims of an earlier one left unstarted are abandoned (as if it died).
    w.held.clear();
    for (const r of claimed) w.held.set(r.key, r);
    return claimed;
  }

  /** Runs one step, then checks the store against what the tracker saw. */
  async run(step: Step): Promise<void> {
    await this.#step(step);
    await this.tracker.checkState(this.store, this.keys);
  }

  async #step(step: Step): Promise<void> {
    switch (step.kind) {
      case "claim": {
        const w = this.#worker(step.worker);
        // A worker's runs follow one another: none claims while its own call is under way.
        if (w.calls.size > 0 || w.busy) return;
        this.now += step.advance;
        await this.#claim(w, step.limit);
        return;
      }
      case "claimTogether": {
        this.now += step.advance;
        const idle = this.workers.filter((w) => w.calls.size === 0 && !w.busy);
        const claims = await Promise.all(idle.map((w) => this.#claim(w, 2)));
        const keys = claims.flat().map((r) => r.key);
        check(new Set(keys).size === keys.length, `claimed together twice: ${keys}`);
        return;
      }
      case "start": {
        const w = this.#worker(step.worker);
        const claim = pick(w.held, step.pick);
        if (claim === undefined) return;
        const [key, r] = claim;
        w.held.delete(key);
        this.now += step.advance;
        // As runOutbox: a claim whose lease ran out before its turn is not started.
        if (this.now >= (r.claimedAt ?? 0) + LEASE_MS) return;
        if (!(await w.store.startAttempt(key, w.name, this.now))) return;
        await this.tracker.asked(this.store, key, r.attempts + 1, w.name);
        w.calls.set(key, r.attempts + 1);
        return;
      }
      case "answer": {
        const w = this.#worker(step.worker);
        const call = pick(w.calls, step.pick);
        if (call === undefined) return;
        const [key, number] = call;
        w.calls.delete(key);
        this.now += step.advance;
        const answer = result(step.answer, key);
        if (!answer.ok && "pending" in answer) return; // handed over: a callback settles it
        const at = this.now;
        const nextAttemptAt = answer.ok
          ? undefined
          : retryAt(number, answer.retryable, at, this.#outbox(w.name));
        await w.store.recordAttempt(
          key,
          answer.ok
            ? { ok: true, worker: w.name, at, reference: REFERENCE(key) }
            : {
                ok: false,
                worker: w.name,
                at,
                error: answer.error,
                ...(nextAttemptAt !== undefined && { nextAttemptAt }),
              },
          movesOnLedger(this.secret, executorActor(w.name), at),
        );
        return;
      }
      case "stop": {
        const w = this.#worker(step.worker);
        await w.store.releaseClaims(
          w.name,
          [...w.held.keys()],
          this.now,
          movesOnLedger(this.secret, executorActor(w.name), this.now),
        );
        w.held.clear();
        return;
      }
      case "pass":
        return this.#pass(step);
      case "callback":
        return this.#callback(step);
      case "retry":
        await retryRemedy(this.store, this.#key(step.remedy), PERSON, this.now, {
          secret: this.secret,
        });
        return;
      case "cancel": {
        const at = this.now;
        await this.store.transition(
          this.#key(step.remedy),
          {
            from: step.to === "dead" ? ["failed"] : ["approved", "failed", "dead"],
            to: step.to,
            actor: PERSON,
            at,
            reason: "by hand",
          },
          movesOnLedger(this.secret, PERSON, at),
        );
        return;
      }
      default:
        throw new Error(`unknown step ${step satisfies never}`);
    }
  }

  async #pass(step: Extract<Step, { kind: "pass" }>): Promise<void> {
    const w = this.#worker(step.worker);
    if (w.calls.size > 0 || w.busy) return;
    this.now += step.advance;
    const answers = [...step.answers];
    const stop = new AbortController();
    let first = true;
    const executor: RemedyExecutor = {
      execute: async (r, attempt) => {
        await this.tracker.asked(this.store, r.key, attempt.number, w.name);
        if (first) {
          first = false;
          if (step.during !== undefined) await this.#step(step.during);
          if (step.stop) stop.abort();
        }
        return result(answers.shift() ?? "executed", r.key);
      },
    };
    w.held.clear();
    w.busy = true;
    // Still this worker's and unstarted: the pass must hand them back before anything else.
    const due: string[] = [];
    for (const r of w.stranded) {
      const row = (await this.store.getRemedy(r.key))?.remedy;
      const unstarted = row?.status === "executing" && row.attemptStartedAt === undefined;
      if (unstarted && row.claimedBy === w.name) due.push(r.key);
    }
    let left: readonly StoredRemedy[] = [];
    try {
      const summary = await runOutbox(failing(w.store, step.outage), executor, {
        ...this.#outbox(w.name),
        limit: step.limit,
        signal: stop.signal,
        handBack: w.stranded,
        onStranded: (claims) => {
          left = claims;
        },
      });
      const released = summary.outcomes.filter((o) => o.status === "released").map((o) => o.key);
      check(
        due.every((k) => released.includes(k)),
        `${w.name} left [${due}] stranded, released [${released}]`,
      );
      w.stranded = [];
    } catch (error) {
      if (error !== OUTAGE) throw error;
      w.stranded = left;
    } finally {
      w.busy = false;
    }
  }

  async #callback(step: Extract<Step, { kind: "callback" }>): Promise<void> {
    const key = this.#key(step.remedy);
    this.now += step.advance;
    const at = this.now;
    const asked = (this.tracker.calls.get(key) ?? []).length > 0;
    // Nobody calls back about a remedy never sent, though started: an outage lost the start's
    // answer. The store cannot tell that from a call under way, and need not.
    if (!asked && (this.tracker.starts.get(key) ?? 0) > 0) return;
    const before = (await this.store.getRemedy(key))?.remedy;
    // Executing under a takeover not started, an attempt before it left without an outcome.
    const movedPast =
      before?.status === "executing" &&
      before.attemptStartedAt === undefined &&
      this.tracker.unsettled.has(key);
    let raced = step.race === undefined;
    const race = async () => {
      if (raced) return;
      raced = true;
      if (step.race !== undefined) await this.#step(step.race);
    };
    // The race runs between the callback's read of the remedy and its write.
    const store = new Proxy(this.store, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        const writes = ["recordAttempt", "confirmLate", "failLate"];
        if (!writes.includes(String(property))) return value.bind(target);
        return async (...args: unknown[]) => {
          await race();
          return value.apply(target, args);
        };
      },
    });
    const settled = await settleRemedy(
      store,
      key,
      step.ok
        ? { ok: true, reference: REFERENCE(key) }
        : { ok: false, error: "declined", retryable: step.retryable },
      PAYMENTS,
      at,
      { ...this.#retry, maxAttempts: MAX_ATTEMPTS, secret: this.secret },
    );
    await race();
    // A payment system calls back only about what it was asked; anything else changes nothing.
    // Asked by the race (a start between the callback's read and its write) counts as asked.
    if (!asked && (this.tracker.calls.get(key) ?? []).length === 0) {
      check(!settled.ok, `${key} settled by a callback, never asked: ${JSON.stringify(settled)}`);
      return;
    }
    // The payment system's failure of the attempt a takeover moved past, before it sent again,
    // is the truth about that attempt: recorded, never refused (the takeover then cannot start).
    const lost = !step.ok && movedPast && step.race === undefined && !settled.ok;
    check(!lost, `${key} failure refused under an unstarted takeover: ${JSON.stringify(settled)}`);
    if (!step.ok || settled.ok) return;
    // A confirmation of a remedy asked to pay is the truth, unless a person closed it first.
    const history = await this.store.getRemedy(key);
    const status = history?.remedy.status;
    const byPerson = history?.transitions.at(-1)?.actor === PERSON;
    check(
      status === "cancelled" || (status === "dead" && byPerson),
      `${key} confirmed but refused (${status}): ${JSON.stringify(settled)}`,
    );
  }

  /** Drains the outbox (the payment system now pays at once) and checks the whole history. */
  async finish(): Promise<void> {
    // Calls under way are abandoned (their workers died): their leases run out and are taken over.
    for (const w of this.workers) w.calls.clear();
    for (let i = 0; i < 3; i++) {
      this.now += 2 * LEASE_MS;
      await this.#pass({
        kind: "pass",
        worker: 0,
        advance: 0,
        limit: 10,
        answers: [],
        stop: false,
      });
      await this.tracker.checkState(this.store, this.keys);
    }
    for (const key of this.keys) {
      const status = (await this.store.getRemedy(key))?.remedy.status;
      check(
        status === "executed" || status === "cancelled" || status === "dead",
        `${key} left ${status} after draining`,
      );
    }
    await checkHistory(this.store, this.keys, this.secret);
  }
}
