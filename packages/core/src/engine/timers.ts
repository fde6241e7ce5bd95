/**
 * Deadlines in event time. A promise with an `expect` clause arms a timer; the expected
 * event cancels it; when the stream's time passes the deadline first, the promise fires.
 * A binary heap ordered by (deadline, arming order) keeps firing order deterministic.
 */
import type { CompiledPromise } from "../promises/document.js";
import type { EngineEvent } from "./event-data.js";

/** An armed deadline. */
export interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly key: string;
  readonly subject: string;
  readonly promise: CompiledPromise;
  readonly event: EngineEvent;
  readonly incident: string;
  cancelled: boolean;
}

/** An armed timer as a snapshot keeps it: its promise by id. */
export interface ArmedTimer extends Omit<Timer, "promise" | "cancelled"> {
  readonly promiseId: string;
}

/** The timers' part of an engine snapshot. */
export interface TimerDump {
  readonly seq: number;
  readonly armed: readonly ArmedTimer[];
  readonly used: readonly string[];
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** The set of armed timers. */
export class TimerQueue {
  private readonly heap: Timer[] = [];
  /** Armed timers by key; `null` once fired or cancelled, so a key is never armed twice. */
  private readonly byKey = new Map<string, Timer | null>();
  private readonly bySubject = new Map<string, Set<Timer>>();
  private seq = 0;

  /** How many timers are waiting (cancelled ones may linger in the heap until popped). */
  get size(): number {
    let n = 0;
    for (const set of this.bySubject.values()) n += set.size;
    return n;
  }

  /** Arms a timer unless one with the same key is already armed or has fired. */
  arm(t: Omit<Timer, "seq" | "cancelled">): boolean {
    if (this.byKey.has(t.key)) return false;
    const timer: Timer = { ...t, seq: this.seq++, cancelled: false };
    this.byKey.set(t.key, timer);
    let set = this.bySubject.get(t.subject);
    if (!set) {
      set = new Set();
      this.bySubject.set(t.subject, set);
    }
    set.add(timer);
    this.push(timer);
    return true;
  }

  /** Cancels the timers on `subject` that wait for an event of `eventType`. */
  cancel(subject: string, eventType: string): void {
    const set = this.bySubject.get(subject);
    if (!set) return;
    for (const t of set) {
      if (t.promise.expect?.event === eventType) {
        t.cancelled = true;
        set.delete(t);
        this.byKey.set(t.key, null);
      }
    }
    if (set.size === 0) this.bySubject.delete(subject);
  }

  /** Removes and returns the next timer due strictly before `time`, skipping cancelled ones. */
  popDue(time: number): Timer | undefined {
    for (;;) {
      const top = this.heap[0];
      if (!top || top.at >= time) return undefined;
      this.pop();
      if (top.cancelled) continue;
      this.bySubject.get(top.subject)?.delete(top);
      this.byKey.set(top.key, null);
      return top;
    }
  }

  /** The armed timers (oldest arming first), the keys already used, and the arming counter. */
  dump(): TimerDump {
    const armed = this.heap
      .filter((t) => !t.cancelled)
      .sort((a, b) => a.seq - b.seq)
      .map(({ promise, cancelled: _cancelled, ...rest }) => ({ ...rest, promiseId: promise.id }));
    const used = [...this.byKey].filter(([, t]) => t === null).map(([k]) => k);
    return { seq: this.seq, armed, used };
  }

  /** Restores what `dump` saved; `promises` maps promise ids to the compiled promises. */
  load(dump: TimerDump, promises: ReadonlyMap<string, CompiledPromise>): void {
    for (const key of dump.used) this.byKey.set(key, null);
    for (const { promiseId, ...t } of dump.armed) {
      const promise = promises.get(promiseId);
      // A promise removed from the documents since the snapshot no longer waits for anything.
      if (!promise) continue;
      const timer: Timer = { ...t, promise, cancelled: false };
      this.byKey.set(t.key, timer);
      let set = this.bySubject.get(t.subject);
      if (!set) {
        set = new Set();
        this.bySubject.set(t.subject, set);
      }
      set.add(timer);
      this.push(timer);
    }
    this.seq = dump.seq;
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Timer;
      if (!before(t, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last;
      if (l < h.length && before(h[l] as Timer, best)) {
        m = l;
        best = h[l] as Timer;
      }
      if (r < h.length && before(h[r] as Timer, best)) m = r;
      if (m === i) break;
      h[i] = h[m] as Timer;
      i = m;
    }
    h[i] = last;
  }
}
