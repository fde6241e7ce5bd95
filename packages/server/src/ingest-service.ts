/**
 * The write side of the server: one `Ingestor` per store, fed one write at a time (it keeps
 * the engine in memory and is not re-entrant), and the guard's view of the same events. The
 * requests that arrive while a write runs wait for the next turn together and are written as
 * one (group commit: one append and one record of remedies, so two commits, for all of them),
 * each answered with its own result: under many small concurrent requests, such as a shop
 * posting each order as it happens, the fsyncs are shared instead of queued one by one.
 *
 * The Bill of Rights it decides with can change while it runs (`switchTo`): in the same queue
 * as ingestion, so every event is decided by exactly one set, the one in effect when its turn
 * came.
 *
 * The guard reads the ingestor's engine state (what each customer owns and paid), so a check
 * sees every event as soon as it is ingested here, and opening costs no second replay; events
 * other writers append to the store reach it at the next write or `catchUp`. After a failed
 * write the ingestor is rebuilt from its checkpoint and the log on the next write (or
 * readiness probe).
 */
import {
  type GoodfaithEvent,
  Guard,
  type GuardRequest,
  type PromiseDocument,
  type PromiseSetVersion,
  type Store,
  type Warning,
} from "@goodfaith/core";
import { Ingestor, type IngestResult, isStoreUnavailable } from "@goodfaith/store";

// How long records given to `ingestLater` wait to be committed together.
const LATER_MS = 50;
// At most this many events in one write of requests that waited for the same turn; a request
// larger than that is written alone.
const GROUP_EVENTS = 10_000;
// How many ids of records given to `ingestLater` are remembered (see `ingestLater`); ~80 bytes
// each. Forgetting them all at once only costs the log's own duplicate check for a while.
const LATER_IDS = 50_000;

/** A request waiting for its turn to be written. */
interface Waiting {
  readonly events: readonly GoodfaithEvent[];
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

interface Live {
  readonly ingestor: Ingestor;
  readonly guard: Guard;
}

async function openLive(store: Store, documents: readonly PromiseDocument[]): Promise<Live> {
  const ingestor = await Ingestor.open(store, documents);
  return { ingestor, guard: new Guard(ingestor.engine) };
}

/** Options of `IngestService.open`. */
export interface IngestServiceOptions {
  /** The store's version `documents` were compiled from, if they are one (`GET /v1/promises` names it). */
  readonly set?: PromiseSetVersion;
  /**
   * Called once events are decided by another set, whoever asked for it (a follower's look,
   * `POST /v1/promises`): `serve` says so on stdout and in its log.
   */
  readonly onSwitched?: (set: PromiseSetVersion | undefined) => void;
}

/** Ingestion and guard checks over one store, serialized. */
export class IngestService {
  #live: Live | undefined;
  #documents: readonly PromiseDocument[];
  #set: PromiseSetVersion | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  // The requests waiting for a write that has not begun; a request arriving now joins them.
  #group: Waiting[] | undefined;
  #groupEvents = 0;
  #later: GoodfaithEvent[] = [];
  readonly #laterIds = new Set<string>();
  #laterTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly store: Store,
    documents: readonly PromiseDocument[],
    private readonly options: IngestServiceOptions,
    live: Live,
  ) {
    this.#documents = documents;
    this.#set = options.set;
    this.#live = live;
  }

  /** Opens the ingestor: its checkpoint, the events after it, and what a crash interrupted. */
  static async open(
    store: Store,
    documents: readonly PromiseDocument[],
    options: IngestServiceOptions = {},
  ): Promise<IngestService> {
    return new IngestService(store, documents, options, await openLive(store, documents));
  }

  /** The Bill of Rights events are decided by now (the last `switchTo`'s, once it is done). */
  get documents(): readonly PromiseDocument[] {
    return this.#documents;
  }

  /** The store's version `documents` came from; undefined when they were given as they are. */
  get promiseSet(): PromiseSetVersion | undefined {
    return this.#set;
  }

  /**
   * Decides with `documents` from now on, after every earlier call: what waits for
   * `ingestLater` and every write queued before is decided by the old set, a checkpoint is
   * saved, and the ingestor is opened again from it with the new set, as a restart would. The
   * guard answers from the new engine once this resolves. On a failure (the store away) the old
   * set stays in effect and the call rejects: the caller tries again. A store version older
   * than the one in effect is ignored: it was overtaken (versions only grow), as when two
   * adoptions' switches are queued in the other order.
   */
  switchTo(documents: readonly PromiseDocument[], set?: PromiseSetVersion): Promise<void> {
    void this.#flushLater();
    return this.#enqueue(async () => {
      if (set !== undefined && this.#set !== undefined && set.version < this.#set.version) return;
      // A state lost to a failed write is rebuilt with the set its events were decided by.
      this.#live ??= await openLive(this.store, this.#documents);
      await this.#live.ingestor.checkpoint();
      this.#live = await openLive(this.store, documents);
      this.#documents = documents;
      this.#set = set;
      this.options.onSwitched?.(set);
    });
  }

  /** Whether the last write succeeded (false until a request has rebuilt the state). */
  get healthy(): boolean {
    return this.#live !== undefined;
  }

  /**
   * Rebuilds the state after a failed write, after every earlier call; resolves when it is
   * rebuilt (at once when healthy), rejects when the store still fails.
   */
  recover(): Promise<void> {
    return this.#enqueue(async () => {
      this.#live ??= await openLive(this.store, this.#documents);
    });
  }

  /**
   * Applies the events other writers appended to the store since (another `serve`, a
   * `goodfaith ingest`), after every earlier call, so the guard sees them; rebuilds the state
   * first after a failed write. Resolves to how many events were applied; rejects when the
   * store fails (the guard goes on answering unless the engine had moved on, as for a
   * failed write).
   */
  catchUp(): Promise<number> {
    return this.#enqueue(() => this.#write((ingestor) => ingestor.catchUp(), true));
  }

  /**
   * Stores and evaluates validated events, after every earlier call has finished: in one write
   * with the other requests that waited for the same turn, and with none that came after a
   * call of another kind (a switch of promises is never overtaken).
   */
  ingest(events: readonly GoodfaithEvent[]): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      const waiting = { events, resolve, reject };
      if (this.#group !== undefined && this.#groupEvents + events.length <= GROUP_EVENTS) {
        this.#group.push(waiting);
        this.#groupEvents += events.length;
        return;
      }
      const group = [waiting];
      void this.#enqueue(() => this.#writeGroup(group));
      this.#group = group;
      this.#groupEvents = events.length;
    });
  }

  async #writeGroup(group: readonly Waiting[]): Promise<void> {
    // A write on SQLite runs on this thread from start to end (better-sqlite3 is synchronous),
    // so no request is read while it runs: a turn of the event loop first lets the requests
    // that arrived meanwhile join this write rather than each wait for one of its own.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.#group === group) this.#group = undefined;
    try {
      const results = await this.#write((ingestor) =>
        ingestor.ingestGroups(group.map((w) => w.events)),
      );
      for (const [i, w] of group.entries()) w.resolve(results[i] as IngestResult);
    } catch (error) {
      // The store away fails every request alike, and at once: trying each again would only
      // wait for it once per request.
      if (group.length === 1 || isStoreUnavailable(error)) {
        for (const w of group) w.reject(error);
        return;
      }
      // What failed may have been one request's events: each is tried again alone, so that the
      // others are not refused with it. (Events the failed write made durable come back as
      // duplicates, as for a client's own retry.)
      for (const w of group) {
        await this.#write((ingestor) => ingestor.ingestValid(w.events)).then(w.resolve, w.reject);
      }
    }
  }

  // Runs `work` after every earlier call has finished, whether they failed or not. Requests
  // ingested from now on wait for a write after `work`.
  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.#group = undefined;
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  // Writes through the ingestor, rebuilt first if an earlier write failed; a failure drops
  // it (a batch may have committed unseen), unless `keepSound` and it says its engine is
  // still where the store is (a catch-up whose read failed).
  async #write<T>(write: (ingestor: Ingestor) => Promise<T>, keepSound = false): Promise<T> {
    this.#live ??= await openLive(this.store, this.#documents);
    const { ingestor } = this.#live;
    try {
      return await write(ingestor);
    } catch (error) {
      if (!keepSound || ingestor.broken) this.#live = undefined;
      throw error;
    }
  }

  /**
   * The stream's time (the latest event time the engine has seen), epoch ms; undefined before
   * the first event or while the state is being rebuilt.
   */
  get streamTime(): number | undefined {
    const now = this.#live?.ingestor.engine.now;
    return now !== undefined && Number.isFinite(now) ? now : undefined;
  }

  /** What the guard says about a purchase; undefined while the state is being rebuilt. */
  check(request: GuardRequest): Warning[] | undefined {
    return this.#live?.guard.check(request);
  }

  /**
   * Ingests `events` within `LATER_MS`, together with others given meanwhile: for records
   * nobody waits on (the guard's warnings), where a durable commit per request would stall
   * every other request behind SQLite's fsync. Failures are dropped: the events are
   * measurements, not anything a customer is owed.
   */
  ingestLater(events: readonly GoodfaithEvent[]): void {
    // A record given again (the same check repeated at the same stream time: a checkout page
    // reloaded) is the same event; the log would refuse it, after a write's worth of work.
    for (const e of events) {
      if (this.#laterIds.has(e.id)) continue;
      if (this.#laterIds.size >= LATER_IDS) this.#laterIds.clear();
      this.#laterIds.add(e.id);
      this.#later.push(e);
    }
    if (this.#later.length === 0) return;
    this.#laterTimer ??= setTimeout(() => void this.#flushLater(), LATER_MS);
    this.#laterTimer.unref?.();
  }

  async #flushLater(): Promise<void> {
    clearTimeout(this.#laterTimer);
    this.#laterTimer = undefined;
    const events = this.#later;
    this.#later = [];
    if (events.length > 0) await this.ingest(events).catch(() => undefined);
  }

  /** Saves a checkpoint of the engine (on shutdown), after every pending write. */
  async checkpoint(): Promise<void> {
    await this.#flushLater();
    // In the queue: a checkpoint lets other work run between its parts, and no write may.
    await this.#enqueue(async () => this.#live?.ingestor.checkpoint());
  }
}
