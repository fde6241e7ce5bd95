/**
 * Stored events as rows, before their bodies are parsed: the read path of a sharded backtest,
 * where each reader keeps the rows of its own customers (the `customer` column) and parses
 * only those, while every row's time still passes.
 */
import type { ReadEventsQuery } from "@goodfaith/core";
import type { Backend } from "./backend.js";
import { type OpenStoreOptions, openBackend } from "./open-store.js";

const READ_PAGE = 5000;

/** One stored event as the log keeps it; `body` is the event as JSON, exactly as appended. */
export interface StoredEventRow {
  readonly seq: number;
  /** The event's time, epoch ms. */
  readonly timeMs: number;
  /** The event's customer; null for an event about a shared subject. */
  readonly customer: string | null;
  readonly body: string;
}

/**
 * Which rows to read, in stream (sequence) order: after `afterSeq`, time in [from, to)
 * (epoch ms), at most `limit` (the event log's own `ReadEventsQuery`).
 */
export type EventRowsQuery = ReadEventsQuery;

/** A read-only view of a store's event log as rows. */
export interface EventRowReader {
  /**
   * The rows in stream order, a page at a time: memory stays flat, and a reader of a million
   * rows awaits a thousand pages, not a million rows.
   */
  pages(query?: EventRowsQuery): AsyncIterable<readonly StoredEventRow[]>;
  close(): Promise<void>;
}

/** Reads the event rows of `backend` in pages (see `EventRowReader.pages`). */
export async function* readEventRows(
  backend: Backend,
  query: EventRowsQuery = {},
): AsyncIterable<readonly StoredEventRow[]> {
  const { from, to } = query;
  let after = query.afterSeq ?? 0;
  let remaining = query.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, query.limit);
  while (remaining > 0) {
    const size = Math.min(READ_PAGE, remaining);
    const query = backend.db
      .selectFrom("events")
      .select(["seq", "time_ms", "customer", "body"])
      .where("seq", ">", after)
      .$if(from !== undefined, (qb) => qb.where("time_ms", ">=", from ?? 0))
      .$if(to !== undefined, (qb) => qb.where("time_ms", "<", to ?? 0))
      .orderBy("seq")
      .limit(size)
      .compile();
    const page = (await backend.selectArrays(query)) as [number, number, string | null, string][];
    yield page.map(([seq, timeMs, customer, body]) => ({
      seq: Number(seq),
      timeMs: Number(timeMs),
      customer,
      body,
    }));
    const last = page.at(-1);
    if (page.length < size || last === undefined) return;
    after = Number(last[0]);
    remaining -= page.length;
  }
}

/** Opens the store at `url` (a SQLite path or postgres:// URL) to read its event rows. */
export async function openEventRows(
  url: string,
  options: OpenStoreOptions = {},
): Promise<EventRowReader> {
  const backend = await openBackend(url, options);
  return { pages: (query) => readEventRows(backend, query), close: () => backend.close() };
}
