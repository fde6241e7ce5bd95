/**
 * The promise engine: events in, remedies out, deterministically. Events are folded into
 * state one at a time in stream order; each promise listening to the event type is
 * evaluated for every customer the event reaches; deadlines fire when event time passes
 * them. Batch boundaries never matter: `processAll([a, b])` equals `process(a); process(b)`.
 */

import type { CompiledExpression } from "../cel/compile.js";
import { money } from "../money/index.js";
import type { CompiledPromise, PromiseDocument } from "../promises/document.js";
import { type Applied, applyEvent } from "./apply.js";
import { EvaluationContext } from "./evaluation-context.js";
import type { EngineEvent } from "./event-data.js";
import { eventTime } from "./event-time.js";
import { GovernanceLedger } from "./governance.js";
import type { EvaluationFailure, Explanation, Outcome, Remedy } from "./outcome.js";
import { type ParkedDump, ParkedEvents } from "./parked.js";
import { amountOf, explainAmount, incidentOf } from "./remedy-values.js";
import { SeenIds, UniqueIds } from "./seen-ids.js";
import { SharedMemo } from "./shared-memo.js";
import { decodeState, encodeState } from "./snapshot-codec.js";
import { encodeInParts, joinSnapshot, type PartsOptions } from "./snapshot-parts.js";
import { EngineState, MoneyFieldError } from "./state.js";
import { sharedViewsOf, type Target, targetsOf } from "./targets.js";
import { splitTender } from "./tender.js";
import { type TimerDump, TimerQueue } from "./timers.js";

/** Options for an engine. */
export interface EngineOptions {
  /**
   * How long purchases are kept for price protection.
   * @default the longest `guard.window` of the promises, and at least 30 days
   */
  readonly purchaseWindowMs?: number;
  /**
   * How long event ids are remembered to ignore re-deliveries. Older re-deliveries cannot pay
   * twice either (remedy keys are kept for good); this only bounds memory.
   * @default 30 days
   */
  readonly dedupeWindowMs?: number;
  /**
   * How long an event about an order we do not know yet (a charge reported before the
   * order) waits for the order, in event time; then it is let go.
   * @default 7 days
   */
  readonly orderWaitMs?: number;
  /**
   * The caller guarantees every event id is new (a replay of the stored log, unique by id):
   * ids are not remembered. Never for live input, where a re-sent event must change nothing.
   * @default false
   */
  readonly uniqueIds?: boolean;
  /**
   * Whether a remedy's explanation carries the value of every sub-expression of its
   * condition and amount. A backtest in shadow reports no explanation and skips that work.
   * @default true
   */
  readonly explanations?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An expression that failed at run time, as an outcome: the run goes on without it. */
function failure(
  promise: CompiledPromise,
  e: EngineEvent,
  target: Target,
  err: unknown,
): EvaluationFailure {
  return {
    type: "evaluation_error",
    promise: promise.id,
    event: e.id,
    customer: target.customer,
    message: err instanceof Error ? (err.message.split("\n")[0] ?? err.name) : String(err),
  };
}

/** Subject an `expect` clause correlates on: the expected event must be about the same thing. */
function subjectOf(e: EngineEvent): string {
  const d = e.data as Record<string, unknown>;
  if (typeof d.order === "string") return `order:${d.order}`;
  if (typeof d.booking === "string") return `booking:${d.booking}`;
  if (e.type === "support.contact") return `topic:${e.customer ?? ""}:${String(d.topic)}`;
  if (typeof d.session === "string") return `session:${d.session}`;
  return `event:${e.id}`;
}

/** Evaluates a Bill of Rights (one or more documents) over a stream of validated events. */
export class Engine {
  readonly state: EngineState;
  private readonly byEvent = new Map<string, CompiledPromise[]>();
  private readonly expecting = new Set<string>();
  private readonly timers = new TimerQueue();
  private readonly granted = new Set<string>();
  /** Event ids seen, with their event time, oldest first (see `dedupeWindowMs`). */
  private readonly seen: SeenIds;
  private readonly governance = new GovernanceLedger();
  /** Events that came before their order (see `ParkedEvents`). */
  private readonly parked: ParkedEvents;
  private clock = Number.NEGATIVE_INFINITY;
  private readonly explains: boolean;

  constructor(
    readonly documents: readonly PromiseDocument[],
    options: EngineOptions = {},
  ) {
    const ids = new Set<string>();
    let window = 30 * 86_400_000;
    for (const doc of documents) {
      for (const p of doc.promises) {
        if (ids.has(p.id)) throw new Error(`promise id "${p.id}" appears in two documents`);
        ids.add(p.id);
        if (p.guard && p.guard.windowMs > window) window = p.guard.windowMs;
        for (const t of p.on) {
          let list = this.byEvent.get(t);
          if (!list) {
            list = [];
            this.byEvent.set(t, list);
          }
          list.push(p);
        }
        if (p.expect) this.expecting.add(p.expect.event);
      }
    }
    this.state = new EngineState(options.purchaseWindowMs ?? window);
    this.seen = options.uniqueIds
      ? new UniqueIds()
      : new SeenIds(options.dedupeWindowMs ?? 30 * 86_400_000);
    this.parked = new ParkedEvents(options.orderWaitMs ?? 7 * 86_400_000);
    this.explains = options.explanations ?? true;
  }

  /**
   * Everything the engine knows, as a string, so a restart resumes from here instead of
   * replaying every event: `Engine.restore(documents, snapshot)` then continues exactly as
   * this engine would (tested against a full replay).
   */
  snapshot(): string {
    return JSON.stringify(encodeState(this.#dump()));
  }

  /**
   * The snapshot in parts (see `encodeInParts`): what a checkpoint saves, as a state too large
   * for one string must still be saved. One part when the state is small, the same string as
   * `snapshot()`. With `pause`, other work may run between parts: the engine must not be fed
   * events until the returned promise settles.
   */
  snapshotParts(options?: PartsOptions): Promise<string[]> {
    return encodeInParts(this.#dump(), options);
  }

  #dump(): Record<string, unknown> {
    return {
      format: 1,
      clock: Number.isFinite(this.clock) ? this.clock : null,
      seen: this.seen.toMap(),
      granted: this.granted,
      state: this.state.dump(),
      timers: this.timers.dump(),
      governance: this.governance.dump(),
      parked: this.parked.dump(),
    };
  }

  /**
   * An engine over `documents` that resumes from a snapshot taken by `snapshot()`, or from
   * the parts `snapshotParts()` gave.
   */
  static restore(
    documents: readonly PromiseDocument[],
    snapshot: string | readonly string[],
    options: EngineOptions = {},
  ): Engine {
    const encoded = typeof snapshot === "string" ? JSON.parse(snapshot) : joinSnapshot(snapshot);
    const data = decodeState(encoded) as {
      format: number;
      clock: number | null;
      seen: Map<string, number>;
      granted: Set<string>;
      state: Record<string, unknown>;
      timers: TimerDump;
      governance: Parameters<GovernanceLedger["load"]>[0];
      /** Absent from snapshots taken before events could wait for their order. */
      parked?: ParkedDump;
    };
    if (data.format !== 1) throw new Error(`unknown engine snapshot format ${String(data.format)}`);
    const engine = new Engine(documents, options);
    engine.clock = data.clock ?? Number.NEGATIVE_INFINITY;
    for (const [id, at] of data.seen) engine.seen.load(id, at);
    for (const key of data.granted) engine.granted.add(key);
    engine.state.load(data.state);
    engine.timers.load(data.timers, new Map(engine.promises.map((p) => [p.id, p])));
    engine.governance.load(data.governance);
    engine.parked.load(data.parked ?? []);
    return engine;
  }

  /** The stream's time: the latest event time seen or moved to, epoch ms. */
  get now(): number {
    return this.clock;
  }

  /** Every promise of every document. */
  get promises(): readonly CompiledPromise[] {
    return this.documents.flatMap((d) => d.promises);
  }

  /** Processes one validated event; a re-delivered event id changes nothing. */
  process(e: EngineEvent): Outcome[] {
    if (this.seen.has(e.id)) return [];
    const at = eventTime(e.time);
    const out = this.advanceTo(at);
    const awaited = this.parked.awaitedOrder(this.state, e);
    if (awaited !== undefined) {
      // Seen now, so a re-sent copy changes nothing; decided once its order is placed.
      this.seen.add(e.id, at, this.clock);
      this.parked.park(awaited, e, at);
      return out;
    }
    this.decide(e, at, out, false);
    return out;
  }

  /** Applies `e` and evaluates the promises listening to it, into `out`. */
  private decide(e: EngineEvent, at: number, out: Outcome[], seen: boolean): void {
    let applied: Applied;
    try {
      applied = applyEvent(this.state, e, at);
    } catch (err) {
      if (!(err instanceof MoneyFieldError)) throw err;
      const issue = { code: err.code, messageKey: err.code, params: err.params, path: err.path };
      out.push({ type: "rejected", event: e.id, issue });
      return;
    }
    if (!seen) this.seen.add(e.id, at, this.clock);
    if (this.expecting.has(e.type)) this.timers.cancel(subjectOf(e), e.type);
    const listeners = this.byEvent.get(e.type);
    if (listeners) this.evaluateAll(listeners, e, applied, at, out);
    if (e.type === "order.placed" && applied.order) this.decideParked(applied.order.id, out);
  }

  /** Evaluates the promises `listeners` for every target `e` reaches, into `out`. */
  private evaluateAll(
    listeners: readonly CompiledPromise[],
    e: EngineEvent,
    applied: Applied,
    at: number,
    out: Outcome[],
  ): void {
    const shared = sharedViewsOf(this.state, e);
    let sharedContext: object | undefined;
    let memo: SharedMemo | undefined;
    // Promises with the same reach reach the same targets: found once per event, so each
    // target's context is built once too (see `SharedMemo.context`).
    let reached: Map<CompiledPromise["reach"], Target[]> | undefined;
    for (const promise of listeners) {
      if (promise.shared) {
        sharedContext ??= { ...shared, now: new Date(at) };
        if (!this.holdsForAll(promise.shared, e.type, sharedContext)) continue;
      }
      reached ??= new Map();
      let targets = reached.get(promise.reach);
      if (targets === undefined) {
        targets = targetsOf(this.state, e, applied, promise.reach, at, shared);
        reached.set(promise.reach, targets);
      }
      for (const target of targets) {
        memo ??= new SharedMemo(e.type);
        this.evaluate(promise, e, target, at, out, memo);
      }
    }
  }

  /** Decides the events that arrived before order `id`, now that it is placed. */
  private decideParked(id: string, out: Outcome[]): void {
    for (const parked of this.parked.take(id)) {
      const at = eventTime(parked.time);
      for (const o of this.advanceTo(at)) out.push(o);
      this.decide(parked, at, out, true);
    }
  }

  /** Processes events in order and returns all outcomes. */
  processAll(events: Iterable<EngineEvent>): Outcome[] {
    const out: Outcome[] = [];
    for (const e of events) for (const o of this.process(e)) out.push(o);
    return out;
  }

  /** Moves event time forward to `time` (epoch ms), firing every deadline before it. */
  advanceTo(time: number): Outcome[] {
    const out: Outcome[] = [];
    for (let t = this.timers.popDue(time); t; t = this.timers.popDue(time)) {
      for (const target of targetsOf(
        this.state,
        t.event,
        { deadline: true },
        t.promise.reach,
        t.at,
      )) {
        if (target.incident === t.incident) {
          const memo = new SharedMemo(t.event.type);
          this.fire(t.promise, t.event, target, t.at, out, memo, t.at);
        }
      }
    }
    if (time > this.clock) {
      this.clock = time;
      this.parked.expire(time);
    }
    return out;
  }

  /**
   * Whether the shared part of a condition holds; when it fails nobody is reached. An error
   * here is not reported: the full condition reports it for each target.
   */
  private holdsForAll(shared: CompiledExpression, type: string, context: object): boolean {
    try {
      return shared.byEvent.get(type)?.(context) === true;
    } catch {
      return true;
    }
  }

  private context(e: EngineEvent, target: Target, now: number): EvaluationContext {
    return new EvaluationContext(e, target, now, this.state);
  }

  private evaluate(
    promise: CompiledPromise,
    e: EngineEvent,
    target: Target,
    at: number,
    out: Outcome[],
    memo: SharedMemo,
  ): void {
    let ctx: EvaluationContext;
    try {
      ctx = memo.context(target, () => this.context(e, target, at));
      if (promise.when && memo.value(promise.when, ctx) !== true) return;
      if (promise.expect) {
        const by = memo.value(promise.expect.by, ctx);
        if (!(by instanceof Date)) return;
        const incident = incidentOf(promise, target, ctx, memo);
        this.timers.arm({
          at: by.getTime() + promise.expect.graceMs,
          key: `${promise.id}:${incident}`,
          subject: subjectOf(e),
          promise,
          event: e,
          incident: target.incident,
        });
        return;
      }
    } catch (err) {
      out.push(failure(promise, e, target, err));
      return;
    }
    this.fire(promise, e, target, at, out, memo, undefined, ctx);
  }

  /**
   * Decides the remedy for one target whose condition holds (or whose deadline passed);
   * `ctx` is the context its condition was evaluated in, if it was.
   */
  private fire(
    promise: CompiledPromise,
    e: EngineEvent,
    target: Target,
    at: number,
    out: Outcome[],
    memo: SharedMemo,
    deadline?: number,
    evaluated?: EvaluationContext,
  ): void {
    try {
      const ctx = evaluated ?? this.context(e, target, at);
      if (deadline !== undefined && promise.when && memo.value(promise.when, ctx) !== true) return;
      const incident = incidentOf(promise, target, ctx, memo);
      const key = `${promise.id}:${incident}`;
      if (this.granted.has(key)) return;
      const { remedy } = promise;
      let amount = amountOf(promise, target, ctx, memo);
      if (amount && amount.minor <= 0n) return;
      let capped: Explanation["capped"];
      const payable = target.payable;
      if (
        amount &&
        remedy.kind === "refund" &&
        !remedy.compensation &&
        payable &&
        amount.currency === payable.currency
      ) {
        const left = payable.total - payable.refunded;
        if (left <= 0n) return;
        if (amount.minor > left) {
          capped = { from: amount, to: money(left, amount.currency) };
          amount = capped.to;
        }
      }
      // Everything that can fail is computed above; from here on the grant is recorded.
      const causeValue = promise.cause && memo.value(promise.cause, ctx);
      // A promise may word the cause itself; the event's texts per language and category
      // describe the event's own words, so they go with those only.
      const ownCause =
        typeof causeValue === "string" && causeValue !== "" && causeValue !== target.cause
          ? causeValue
          : undefined;
      const cause = ownCause ?? target.cause;
      this.granted.add(key);
      if (
        amount &&
        remedy.kind === "refund" &&
        !remedy.compensation &&
        payable &&
        amount.currency === payable.currency
      ) {
        payable.refunded += amount.minor;
      }
      if (amount) target.granted?.(amount);
      const reasons = this.governance.decide(
        promise.id,
        promise.governance,
        target.customer,
        amount,
        at,
      );
      const explanation: Explanation = {
        promise: {
          id: promise.id,
          version: promise.version,
          company: promise.company,
          title: promise.title,
        },
        // A new array: the records behind a target keep collecting event ids after this remedy.
        events: target.events(),
        ...(this.explains && promise.when && { condition: memo.explain(promise.when, ctx, true) }),
        ...(deadline !== undefined &&
          promise.expect && {
            deadline: {
              expected: promise.expect.event,
              by: iso(deadline - promise.expect.graceMs),
              passedAt: iso(deadline),
            },
          }),
        ...(this.explains &&
          amount &&
          remedy.amount && { amount: explainAmount(promise, ctx, amount, memo) }),
        ...(capped && { capped }),
      };
      const result: Remedy = {
        type: "remedy",
        key,
        promise: promise.id,
        version: promise.version,
        customer: target.customer,
        language: this.state.customers.get(target.customer)?.language ?? "en",
        kind: remedy.kind,
        ...(amount && { amount: money(amount.minor, amount.currency) }),
        tender: remedy.tender,
        compensation: remedy.compensation,
        split:
          amount && payable
            ? splitTender(amount, remedy.tender, payable.payments, payable.total, payable.currency)
            : amount
              ? [{ method: remedy.tender, amount }]
              : [],
        subject: target.subject,
        incident,
        at: memo.iso(at),
        ...(remedy.withinMs !== undefined && { dueBy: memo.iso(at + remedy.withinMs) }),
        approval: { required: reasons.length > 0, reasons },
        ...(cause !== undefined && { cause }),
        ...(ownCause === undefined && target.causeText && { causeText: target.causeText }),
        ...(ownCause === undefined &&
          target.causeCategory && { causeCategory: target.causeCategory }),
        ...(target.passenger && { passenger: target.passenger }),
        ...(promise.notice !== undefined && { notice: promise.notice }),
        ...(remedy.gesture && { gesture: remedy.gesture }),
        explanation,
      };
      out.push(result);
    } catch (err) {
      out.push(failure(promise, e, target, err));
    }
  }

  /** What the engine knows of a customer now (language, name, consents), read-only; for notices. */
  customer(id: string): Readonly<import("./records.js").CustomerRecord> | undefined {
    return this.state.customers.get(id);
  }
}
