/**
 * The event log port: the durable, append-only record of every accepted event. Replay from
 * it is how recovery, backtests and audits work, so it never loses or reorders an event.
 */
import type { GoodfaithEvent } from "../events/types.js";

/** An event as the log keeps it: its position in the log and the event as appended. */
export interface LoggedEvent {
  /** Position in the log: increasing in commit order, starting at 1. */
  readonly seq: number;
  readonly event: GoodfaithEvent;
}

/** Why the log refused one event of a batch; the rest of the batch is still committed. */
export interface AppendRejection {
  /** Position of the event in the batch, 0-based. */
  readonly index: number;
  readonly code: "event.invalid_id" | "event.invalid_time" | "event.not_serializable";
  readonly message: string;
}

/** What became of a batch. */
export interface AppendResult {
  /** How many events were new and are now durable. */
  readonly accepted: number;
  /** Ids already in the log (or repeated within the batch): acknowledged, not stored twice. */
  readonly duplicates: readonly string[];
  /** Events the log cannot keep (no id, a time that is not a date…), with their positions. */
  readonly rejected: readonly AppendRejection[];
  /** Sequence of the first and last accepted event; absent when nothing was accepted. */
  readonly firstSeq?: number;
  readonly lastSeq?: number;
}

/** Which events to read, in sequence order. Times are event times, epoch ms. */
export interface ReadEventsQuery {
  /** Only events after this sequence number (a checkpoint's `seq`). */
  readonly afterSeq?: number;
  /** Only events whose time is at or after this instant. */
  readonly from?: number;
  /** Only events whose time is before this instant. */
  readonly to?: number;
  /** At most this many events. */
  readonly limit?: number;
}

/**
 * The event log. `appendEvents` is atomic: when it resolves, every accepted event of the batch
 * is durable; when it rejects (infrastructure failure), none of them is. Idempotent by event
 * `id`, so a producer may re-send a batch after a timeout without creating duplicates.
 */
export interface EventLog {
  appendEvents(events: readonly GoodfaithEvent[]): Promise<AppendResult>;
  /** Streams events in sequence order, page by page; stop early with `break`. */
  readEvents(query?: ReadEventsQuery): AsyncIterable<LoggedEvent>;
  countEvents(): Promise<number>;
  /**
   * Rewrites the stored events of `customer` that `redact` returns a replacement for (an
   * erasure takes personal data out of the log this way); id, sequence, type and time stay.
   * Atomic; resolves to how many events were rewritten.
   */
  redactEvents(
    customer: string,
    redact: (event: GoodfaithEvent) => GoodfaithEvent | undefined,
  ): Promise<number>;
}
