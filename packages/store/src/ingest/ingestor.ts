/**
 * Durable ingestion: events into the log, through the engine, remedies into the store and
 * onto the ledger. The log is the source of truth; everything else is re-derived from it
 * after a crash, and the store's idempotency keys make re-deriving harmless.
 *
 * Order per batch: append events (the acknowledgement) → engine → personal data of
 * `customer.updated`, `consent.changed` and `data.collected` into the customer data store
 * (so `customer erase` removes it; replays skip customers erased since) → record remedies,
 * in one transaction with the ledger entries and webhook events of those just created and the
 * remedies' notices with theirs → maybe a checkpoint. A crash anywhere loses no acknowledged
 * event: on `open`, the events after the last checkpoint are replayed, their remedies recorded
 * again (existing ones are reported as such), and ledger entries that a crash kept from being
 * appended are appended then.
 *
 * Several writers may share a store (a `serve` while an operator runs `goodfaith ingest`, two
 * `serve`s over one PostgreSQL): before applying a batch whose first seq is not the one after
 * its own last, an ingestor applies the events the others appended in between, the way `open`
 * replays (`catchUp` does so without a batch, for a guard). The log numbers events gap-free
 * in commit order, so every engine applies the whole stream in the same order, decides the
 * same remedies (recorded once: the store keeps one per key, with its ledger entries, webhook
 * events, notice and spend reservation) and saves no checkpoint past an event it missed.
 */
import {
  type CompiledPromise,
  checkpointParts,
  Engine,
  type EngineOptions,
  type GoodfaithEvent,
  type NewRemedy,
  outcomeToJson,
  type PromiseDocument,
  type Remedy,
  type Store,
  toDecimalString,
  validateEvent,
} from "@goodfaith/core";
import { withRemedyEvents } from "../webhooks/events.js";
import { type AcceptedEvent, acceptedEvents } from "./accepted-events.js";
import { appendLedgerDrafts, linkDrafts } from "./append-ledger.js";
import { type DerivedRemedy, governRemedies } from "./govern-remedies.js";
import {
  groupResults,
  type IngestRejection,
  type IngestResult,
  NO_REMEDIES,
  type SettledRemedies,
} from "./ingest-result.js";
import { type IngestNoticeOptions, NoticeDesk } from "./notice-desk.js";
import { storePersonalData } from "./personal-data.js";
import { REMEDIES_CHAIN, remedyDraftsByKey, unledgeredRemedies } from "./remedy-ledger.js";
import { erasedRefs, storeReplayedData } from "./replayed-data.js";
import { ledgerSecret } from "./secret.js";

export type { IngestRejection, IngestResult } from "./ingest-result.js";
export { REMEDIES_CHAIN } from "./remedy-ledger.js";

// Snapshot characters per event applied between checkpoints (see `#checkpointDue`): writing a
// character costs tens of nanoseconds, applying an event ~10 µs, so this bounds checkpoints
// to a few percent of ingest time.
const CHARS_PER_EVENT = 50;

/** Options for `Ingestor.open`. */
export interface IngestorOptions {
  /**
   * Save a checkpoint once at least this many events were applied since the last one — or
   * more, as the state grows (see `#checkpointDue`). @default 10000
   */
  readonly checkpointEvery?: number;
  /**
   * The characters of each part a checkpoint is saved in (`Engine.snapshotParts`).
   * @default PART_CHARS, 1 Mi
   */
  readonly checkpointPartChars?: number;
  /** The secret for ledger pseudonyms. @default the store's own, generated on first use */
  readonly secret?: string;
  /** Clock for ledger entry times. @default Date.now */
  readonly now?: () => number;
  readonly engine?: EngineOptions;
  /** How remedies' notices are sent, and the `notice.created` hook (see `NoticeDesk`). */
  readonly notices?: IngestNoticeOptions;
}

const chars = (parts: readonly string[]) => parts.reduce((n, p) => n + p.length, 0);

const EMPTY_APPEND = { accepted: 0, duplicates: [], rejected: [] } as const;

/** Called once the accepted events of a batch are durable, before the engine runs. */
export type OnCommitted = (committed: number, lastSeq: number | undefined) => void;

/**
 * Ingests events into a store, keeping the engine in memory: calls on one ingestor must not
 * overlap; other ingestors over the same store (in this process or another) are caught up with.
 */
export class Ingestor {
  readonly #store: Store;
  readonly #engine: Engine;
  /** The engine's promises by id, for their governance limits (see `governRemedies`). */
  readonly #promises: ReadonlyMap<string, CompiledPromise>;
  readonly #secret: string;
  readonly #every: number;
  readonly #partChars: number | undefined;
  readonly #now: () => number;
  #seq: number;
  #checkpointSeq: number;
  #checkpointChars = 0;
  #notices: NoticeDesk | undefined;
  // Set when a write failed after the engine moved on: the engine is then ahead of the
  // store, and only a re-open (which replays from the last checkpoint) brings them together.
  #broken = false;

  private constructor(
    store: Store,
    engine: Engine,
    secret: string,
    seq: number,
    options: IngestorOptions,
  ) {
    this.#store = store;
    this.#engine = engine;
    this.#promises = new Map(engine.promises.map((p) => [p.id, p]));
    this.#secret = secret;
    this.#seq = seq;
    this.#checkpointSeq = seq;
    this.#every = options.checkpointEvery ?? 10_000;
    this.#partChars = options.checkpointPartChars;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Rebuilds the engine from the last checkpoint and the events logged after it, and
   * finishes what a crash interrupted (remedies and ledger entries of those events).
   */
  static async open(
    store: Store,
    documents: readonly PromiseDocument[],
    options: IngestorOptions = {},
  ): Promise<Ingestor> {
    const checkpoint = await store.loadCheckpoint();
    const engine =
      checkpoint === undefined
        ? new Engine(documents, options.engine)
        : Engine.restore(documents, checkpoint.state, options.engine);
    const secret = options.secret ?? (await ledgerSecret(store));
    const start = checkpoint?.seq ?? 0;
    const ingestor = new Ingestor(store, engine, secret, start, options);
    // Checkpoints stay spaced by the size of the state, across restarts too.
    ingestor.#checkpointChars = checkpoint === undefined ? 0 : chars(checkpointParts(checkpoint));
    ingestor.#notices = await NoticeDesk.open(store, secret, erasedRefs, options.notices);
    const derived: DerivedRemedy[] = [];
    const replayed: GoodfaithEvent[] = [];
    for await (const { seq, event } of store.readEvents({ afterSeq: start })) {
      ingestor.#apply(seq, event, derived);
      replayed.push(event);
    }
    // Personal data a crash kept from being stored.
    await storeReplayedData(store, secret, replayed);
    await ingestor.#settle(derived, true);
    return ingestor;
  }

  /**
   * The engine, for read-only views of its state such as the guard (`new Guard(engine)`);
   * events go in through `ingest` only, or the store and the engine part ways.
   */
  get engine(): Engine {
    return this.#engine;
  }

  /** Log position of the last event the engine has applied. */
  get seq(): number {
    return this.#seq;
  }

  /** Validates, stores and evaluates a batch of raw events (e.g. parsed JSON lines). */
  async ingest(batch: readonly unknown[], onCommitted?: OnCommitted): Promise<IngestResult> {
    const valid: GoodfaithEvent[] = [];
    const positions: number[] = [];
    const rejected: IngestRejection[] = [];
    batch.forEach((raw, index) => {
      const checked = validateEvent(raw);
      if (checked.ok) {
        valid.push(checked.value);
        positions.push(index);
      } else rejected.push({ index, issues: checked.issues });
    });
    const result = await this.ingestValid(valid, onCommitted);
    const mapped = result.rejected.map((r) => ({ ...r, index: positions[r.index] ?? r.index }));
    return { ...result, rejected: [...rejected, ...mapped].sort((a, b) => a.index - b.index) };
  }

  /** Stores and evaluates events already validated (e.g. by `parseEventLine`). */
  async ingestValid(
    events: readonly GoodfaithEvent[],
    onCommitted?: OnCommitted,
  ): Promise<IngestResult> {
    const [result] = await this.ingestGroups([events], onCommitted);
    return result as IngestResult;
  }

  /**
   * Stores and evaluates several batches of validated events as one: one append, one record
   * of their remedies (two commits in all), and for each batch the result it would have had
   * alone, in the same order. A server writes the requests that waited for the same turn
   * this way. Atomic across the batches: all are durable, or none.
   */
  async ingestGroups(
    groups: readonly (readonly GoodfaithEvent[])[],
    onCommitted?: OnCommitted,
  ): Promise<IngestResult[]> {
    if (this.#broken) {
      throw new Error("Ingestor: an earlier write failed; open a new ingestor to recover");
    }
    const sizes = groups.map((g) => g.length);
    const events = groups.length === 1 ? (groups[0] ?? []) : groups.flat();
    if (events.length === 0) return groupResults(sizes, EMPTY_APPEND, [], NO_REMEDIES);
    const appended = await this.#store.appendEvents(events);
    onCommitted?.(appended.accepted, appended.lastSeq);
    let accepted: AcceptedEvent[];
    let settled: SettledRemedies;
    try {
      const derived: DerivedRemedy[] = [];
      accepted = await acceptedEvents(this.#store, events, appended);
      const first = accepted[0]?.seq;
      // Another writer appended since this engine's last event: its events come first, in
      // log order, so every engine decides the same stream (one comparison when alone).
      if (first !== undefined && first > this.#seq + 1) await this.#catchUp(first - 1, derived);
      for (const { seq, event } of accepted) this.#apply(seq, event, derived);
      await storePersonalData(
        this.#store,
        accepted.map((a) => a.event),
      );
      settled = await this.#settle(derived, false);
      if (this.#checkpointDue()) await this.checkpoint();
    } catch (error) {
      this.#broken = true;
      throw error;
    }
    return groupResults(sizes, appended, accepted, settled);
  }

  /**
   * Applies the events other writers (another `serve`, a `goodfaith ingest`) appended since
   * this engine's last one, so its guard sees them; records what they decide as `ingest`
   * does (remedies another writer already recorded are left as they are). Resolves to how
   * many events were applied.
   */
  async catchUp(): Promise<number> {
    if (this.#broken) {
      throw new Error("Ingestor: an earlier write failed; open a new ingestor to recover");
    }
    const from = this.#seq;
    const derived: DerivedRemedy[] = [];
    try {
      await this.#catchUp(undefined, derived);
      await this.#settle(derived, false);
      if (this.#checkpointDue()) await this.checkpoint();
    } catch (error) {
      // A read that failed before the first event (the store away) changed nothing.
      if (this.#seq !== from) this.#broken = true;
      throw error;
    }
    return this.#seq - from;
  }

  /** Whether a write failed after the engine moved on: only a new `open` recovers. */
  get broken(): boolean {
    return this.#broken;
  }

  /** Saves the engine's state as of the last applied event. */
  async checkpoint(): Promise<void> {
    if (this.#broken) throw new Error("Ingestor: an earlier write failed; not checkpointing");
    if (this.#seq === this.#checkpointSeq) return;
    // Between parts the event loop turns: a server's guard goes on answering while a large
    // state is written. Nothing feeds the engine meanwhile (calls on an ingestor never overlap).
    const parts = await this.#engine.snapshotParts({
      ...(this.#partChars !== undefined && { maxChars: this.#partChars }),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
    await this.#store.saveCheckpoint({
      seq: this.#seq,
      state: parts.length === 1 ? (parts[0] ?? "") : parts,
    });
    this.#checkpointSeq = this.#seq;
    this.#checkpointChars = chars(parts);
  }

  // A checkpoint writes the whole state, which grows with the stream; taken every N events it
  // would come to dominate ingest. Waiting for one event per CHARS_PER_EVENT characters of the
  // last snapshot keeps its amortised cost per event constant, while recovery replays at most
  // that many events — a few times the cost of loading the checkpoint itself.
  #checkpointDue(): boolean {
    const since = this.#seq - this.#checkpointSeq;
    return since >= Math.max(this.#every, Math.ceil(this.#checkpointChars / CHARS_PER_EVENT));
  }

  // The events logged after this engine's last one, up to `until` (all when undefined),
  // applied as `open` replays the events after a checkpoint. Their writer stored their
  // personal data, unless it crashed first; stored again here (never that of a customer
  // erased since), as the checkpoint this engine saves next may be the one its writer
  // restarts from. The log is gap-free, so a shortfall is a bug: checkpointing past it would
  // lose events for good.
  async #catchUp(until: number | undefined, derived: DerivedRemedy[]): Promise<void> {
    const limit = until === undefined ? undefined : until - this.#seq;
    const replayed: GoodfaithEvent[] = [];
    for await (const { seq, event } of this.#store.readEvents({
      afterSeq: this.#seq,
      ...(limit !== undefined && { limit }),
    })) {
      this.#apply(seq, event, derived);
      replayed.push(event);
    }
    if (until !== undefined && this.#seq !== until) {
      throw new Error(`Ingestor: the log ends at ${this.#seq}, not at ${until}, before this batch`);
    }
    await storeReplayedData(this.#store, this.#secret, replayed);
  }

  #apply(seq: number, event: GoodfaithEvent, derived: DerivedRemedy[]): void {
    for (const outcome of this.#engine.process(event)) {
      if (outcome.type !== "remedy") continue;
      derived.push({ seq, remedy: outcome });
      this.#notices?.take(outcome, this.#engine.customer(outcome.customer));
    }
    this.#seq = seq;
  }

  // Records remedies and, in the same transaction, the ledger entries of those created now.
  // When recovering, remedies that already existed may lack their entries: a store written
  // before remedies and entries shared a transaction could crash between the two. A catch-up
  // does not look (that reads the whole chain): another writer's remedies exist with their
  // entries, and those a writer had not yet recorded are created here, with theirs.
  async #settle(decided: readonly DerivedRemedy[], recovering: boolean): Promise<SettledRemedies> {
    if (decided.length === 0) return NO_REMEDIES;
    // The store's say on caps and budgets, which it counts across every writer (see spend.ts).
    const { remedies: derived, held } = await governRemedies(this.#store, decided, this.#promises);
    this.#notices?.hold(held);
    const draftsOf = remedyDraftsByKey(
      derived.map((d) => d.remedy),
      this.#secret,
      this.#now,
    );
    // One write for the whole batch (one transaction, one fsync), each remedy with its event,
    // and the notices with their remedies: a notice never exists without its remedy.
    const notices = this.#notices?.followUp();
    const result = await this.#store.recordRemedies(
      derived.map((d) => ({ ...newRemedy(d.remedy), atSeq: d.seq })),
      derived[0]?.seq ?? 0,
      {
        ...withRemedyEvents(
          {
            chain: REMEDIES_CHAIN,
            entries: (moves, head) => linkDrafts(head, draftsOf(moves.map((m) => m.key))),
          },
          this.#now(),
        ),
        ...(notices && { notices }),
      },
    );
    await this.#notices?.settle(result.notices);
    if (recovering && result.existing.length > 0) {
      const missing = await unledgeredRemedies(
        this.#store,
        this.#secret,
        derived.map((d) => d.remedy.key),
        new Set(result.created),
      );
      await appendLedgerDrafts(this.#store, REMEDIES_CHAIN, draftsOf(missing));
    }
    return {
      created: result.created,
      existing: result.existing,
      seqOf: new Map(derived.map((d) => [d.remedy.key, d.seq])),
    };
  }
}

/** A remedy as the store records it: auto-approved unless the promise asks for a person. */
export function newRemedy(r: Remedy): NewRemedy {
  return {
    key: r.key,
    promise: r.promise,
    version: r.version,
    customer: r.customer,
    kind: r.kind,
    ...(r.amount && { amount: { amount: toDecimalString(r.amount), currency: r.amount.currency } }),
    status: r.approval.required ? "awaiting_approval" : "approved",
    at: Date.parse(r.at),
    ...(r.dueBy !== undefined && { dueBy: Date.parse(r.dueBy) }),
    detail: JSON.stringify(outcomeToJson(r)),
  };
}
