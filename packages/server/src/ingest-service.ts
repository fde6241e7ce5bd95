/**
 * The write side of the server: one `Ingestor` per store, fed one request at a time (it keeps
 * the engine in memory and is not re-entrant), and the guard's view of the same events.
 *
 * The guard reads engine state (what each customer owns and paid). The ingestor keeps its
 * engine private, so the guard has an engine of its own over the guard promises only (state
 * is folded the same way; no remedy promise is evaluated twice), fed the same events in the
 * same order. After a failed write both are rebuilt from the log on the next request.
 */
import {
  Engine,
  type GoodfaithEvent,
  Guard,
  type GuardRequest,
  type PromiseDocument,
  type Store,
  type Warning,
} from "@goodfaith/core";
import { Ingestor, type IngestResult } from "@goodfaith/store";

interface Live {
  readonly ingestor: Ingestor;
  readonly engine: Engine;
  readonly guard: Guard;
}

/** The documents' guard promises alone (documents without any are left out). */
function guardDocuments(documents: readonly PromiseDocument[]): PromiseDocument[] {
  return documents
    .map((doc) => ({ ...doc, promises: doc.promises.filter((p) => p.guard !== undefined) }))
    .filter((doc) => doc.promises.length > 0);
}

async function openLive(store: Store, documents: readonly PromiseDocument[]): Promise<Live> {
  const ingestor = await Ingestor.open(store, documents);
  const engine = new Engine(guardDocuments(documents));
  for await (const { event } of store.readEvents()) engine.process(event);
  return { ingestor, engine, guard: new Guard(engine) };
}

/** Ingestion and guard checks over one store, serialized. */
export class IngestService {
  #live: Live | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private readonly documents: readonly PromiseDocument[],
    live: Live,
  ) {
    this.#live = live;
  }

  /** Opens the ingestor (finishing what a crash interrupted) and replays the log into the guard. */
  static async open(store: Store, documents: readonly PromiseDocument[]): Promise<IngestService> {
    return new IngestService(store, documents, await openLive(store, documents));
  }

  /** Whether the last write succeeded (false until a request has rebuilt the state). */
  get healthy(): boolean {
    return this.#live !== undefined;
  }

  /** Stores and evaluates validated events, after every earlier call has finished. */
  ingest(events: readonly GoodfaithEvent[]): Promise<IngestResult> {
    const run = this.#queue.then(() => this.#ingest(events));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #ingest(events: readonly GoodfaithEvent[]): Promise<IngestResult> {
    this.#live ??= await openLive(this.store, this.documents);
    const live = this.#live;
    try {
      const result = await live.ingestor.ingestValid(events);
      // Duplicates are harmless (the engine ignores ids it has seen); refused events are skipped.
      const refused = new Set(result.rejected.map((r) => r.index));
      events.forEach((event, i) => {
        if (!refused.has(i)) live.engine.process(event);
      });
      return result;
    } catch (error) {
      this.#live = undefined;
      throw error;
    }
  }

  /** What the guard says about a purchase; empty while the state is being rebuilt. */
  check(request: GuardRequest): Warning[] {
    return this.#live?.guard.check(request) ?? [];
  }

  /** Saves a checkpoint of the engine (on shutdown), after every pending write. */
  async checkpoint(): Promise<void> {
    await this.#queue;
    await this.#live?.ingestor.checkpoint();
  }
}
