/**
 * The demo's ingest: a quarter of history replayed in seconds, paying each remedy as a live
 * deployment would have. Live, event time and wall time agree and the outbox runs every second,
 * so an approved remedy is executed moments after the event that decided it. A replay that left
 * execution to the served outbox would stamp every execution months after its deadline, and the
 * scorecard would call every remedy late. So the events go in in batches that end shortly after
 * an event that decides a remedy, and after each batch the outbox runs (the real store paths:
 * claims, outcomes, ledger entries) with its clock at the stream's time, until nothing more is
 * due then. Remedies awaiting approval stay awaiting: a person approves them later, over the
 * API, at wall time.
 *
 * Every time written here is scenario time — ledger entries, claims, executions — so the store
 * is the same from the same seed, whenever the demo runs.
 */
import {
  Engine,
  type GoodfaithEvent,
  type PromiseDocument,
  type Store,
  validateEvent,
} from "@goodfaith/core";
import { Ingestor, ledgerSecret, RecordingExecutor, runOutbox } from "@goodfaith/store";
import { type DemoEvent, MINUTE } from "./event.js";

/** How the demo replays its events. */
export interface ReplayOptions {
  /** The most events per ingested batch. @default 5000 */
  readonly batch?: number;
  /**
   * How long, in event time, a decided remedy waits at most for the outbox: a batch ends no
   * later than this after its first event that decides one. Far under the shortest promised
   * time (an hour), so a remedy is late only when it was decided late. @default 15 minutes
   */
  readonly waitMs?: number;
  /** Called after each ingested batch. */
  readonly progress?: (done: number, total: number) => void;
}

/** What the replay did. */
export interface Replayed {
  /** Generated events that are not valid events (none, unless the generator is wrong). */
  readonly rejected: number;
  /** Remedies the outbox executed along the way. */
  readonly executed: number;
}

/** The worker the ledger names (`executor:demo`): a fixed name, not the host's and process's. */
export const DEMO_WORKER = "demo";
// Remedies claimed per outbox run; a run that claims fewer has left nothing due.
const CLAIMS = 500;

/**
 * Where the batches end, as [start, end) index pairs over events at `times` (event-time
 * order): at most `batch` events, and none later than `waitMs` after the batch's first event
 * for which `decides` holds.
 */
export function* batches(
  times: readonly number[],
  decides: (index: number) => boolean,
  batch: number,
  waitMs: number,
): Generator<readonly [number, number]> {
  let start = 0;
  while (start < times.length) {
    let deadline = Number.POSITIVE_INFINITY;
    let end = start;
    while (end < times.length && end - start < batch && (times[end] ?? 0) <= deadline) {
      if (decides(end)) deadline = Math.min(deadline, (times[end] ?? 0) + waitMs);
      end++;
    }
    yield [start, end];
    start = end;
  }
}

// The events that decide a remedy, by a dry run of an engine of their own: it only says where
// batches should end; what is recorded and executed is what the ingestor's engine decides.
function deciding(documents: readonly PromiseDocument[], events: readonly GoodfaithEvent[]) {
  const engine = new Engine(documents);
  return events.map((e) => engine.process(e).some((o) => o.type === "remedy"));
}

/**
 * Ingests `events` into `store` through the real `Ingestor`, batch by batch, executing every
 * remedy due by the end of each batch with the recording executor (as `goodfaith outbox run`
 * does by default), its clock at the stream's time; saves a checkpoint at the end.
 */
export async function replay(
  store: Store,
  documents: readonly PromiseDocument[],
  events: readonly DemoEvent[],
  options: ReplayOptions = {},
): Promise<Replayed> {
  const valid: GoodfaithEvent[] = [];
  for (const raw of events) {
    const checked = validateEvent(raw);
    if (checked.ok) valid.push(checked.value);
  }
  const decides = deciding(documents, valid);
  const times = valid.map((e) => Date.parse(e.time));
  // The engine's clock: the latest event time it has seen, where the stream is now. New
  // remedies' ledger entries are dated by it too, so none comes after the remedy's execution.
  let ingestor: Ingestor | undefined;
  const streamTime = () => ingestor?.engine.now ?? 0;
  ingestor = await Ingestor.open(store, documents, { now: streamTime });
  const outbox = {
    worker: DEMO_WORKER,
    limit: CLAIMS,
    now: streamTime,
    secret: await ledgerSecret(store),
  };
  const executor = new RecordingExecutor();
  let rejected = events.length - valid.length;
  let executed = 0;
  const each = batches(
    times,
    (i) => decides[i] === true,
    options.batch ?? 5000,
    options.waitMs ?? 15 * MINUTE,
  );
  for (const [start, end] of each) {
    const result = await ingestor.ingestValid(valid.slice(start, end));
    rejected += result.rejected.length;
    // Only new remedies can be due: the recording executor never fails, so nothing is retried.
    if (result.remedies.created > 0) {
      for (;;) {
        const run = await runOutbox(store, executor, outbox);
        executed += run.executed;
        if (run.claimed < CLAIMS) break;
      }
    }
    options.progress?.(end + (events.length - valid.length), events.length);
  }
  await ingestor.checkpoint();
  return { rejected, executed };
}
