/**
 * The event log on either database. A batch is one transaction; ids already stored (or
 * repeated in the batch) are reported as duplicates; sequence numbers are assigned under the
 * log's lock as max + 1, so they are gap-free and increase in commit order — a reader that
 * resumes after seq N can never miss an event committed later with a smaller number.
 */
import type {
  AppendRejection,
  AppendResult,
  EventLog,
  GoodfaithEvent,
  LoggedEvent,
  ReadEventsQuery,
} from "@goodfaith/core";
import { type Backend, chunks } from "./backend.js";
import { readEventRows } from "./event-rows.js";
import type { EventsTable } from "./schema.js";

// 6 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's parameter limits.
const INSERT_CHUNK = 500;

type NewRow = Omit<EventsTable, "seq">;

function toRow(event: GoodfaithEvent, index: number): NewRow | AppendRejection {
  // The type says these hold; callers from plain JavaScript or JSON may not.
  const raw = event as { id?: unknown; type?: unknown; time?: unknown; customer?: unknown };
  if (typeof raw.id !== "string" || raw.id.length === 0) {
    return { index, code: "event.invalid_id", message: "an event needs a non-empty string id" };
  }
  const time = typeof raw.time === "string" ? Date.parse(raw.time) : Number.NaN;
  if (!Number.isFinite(time)) {
    return { index, code: "event.invalid_time", message: "an event needs an RFC 3339 time" };
  }
  let body: string;
  try {
    body = JSON.stringify(event);
  } catch (error) {
    return { index, code: "event.not_serializable", message: String(error) };
  }
  return {
    id: raw.id,
    type: typeof raw.type === "string" ? raw.type : "",
    time_ms: time,
    customer: typeof raw.customer === "string" ? raw.customer : null,
    body,
  };
}

/** The event log over a backend. */
export function createEventLog(backend: Backend): EventLog {
  const { db } = backend;
  return {
    async appendEvents(events: readonly GoodfaithEvent[]): Promise<AppendResult> {
      const rejected: AppendRejection[] = [];
      const repeated: string[] = [];
      const rows: NewRow[] = [];
      const seen = new Set<string>();
      events.forEach((event, index) => {
        const row = toRow(event, index);
        if ("code" in row) rejected.push(row);
        else if (seen.has(row.id)) repeated.push(row.id);
        else {
          seen.add(row.id);
          rows.push(row);
        }
      });
      if (rows.length === 0) return { accepted: 0, duplicates: repeated, rejected };
      return backend.write(
        async (trx) => {
          const stored = new Set<string>();
          for (const chunk of chunks(rows, INSERT_CHUNK)) {
            const ids = chunk.map((r) => r.id);
            for (const r of await trx
              .selectFrom("events")
              .select("id")
              .where("id", "in", ids)
              .execute()) {
              stored.add(r.id);
            }
          }
          const fresh = rows.filter((r) => !stored.has(r.id));
          const duplicates = [
            ...rows.filter((r) => stored.has(r.id)).map((r) => r.id),
            ...repeated,
          ];
          if (fresh.length === 0) return { accepted: 0, duplicates, rejected };
          const top = await trx
            .selectFrom("events")
            .select((eb) => eb.fn.max("seq").as("seq"))
            .executeTakeFirst();
          const firstSeq = Number(top?.seq ?? 0) + 1;
          await backend.insertRows(
            trx,
            "events",
            fresh.map((r, i) => ({ seq: firstSeq + i, ...r })),
          );
          return {
            accepted: fresh.length,
            duplicates,
            rejected,
            firstSeq,
            lastSeq: firstSeq + fresh.length - 1,
          };
        },
        ["events"],
      );
    },

    async *readEvents(query: ReadEventsQuery = {}): AsyncIterable<LoggedEvent> {
      for await (const page of readEventRows(backend, query))
        for (const row of page) {
          yield { seq: row.seq, event: JSON.parse(row.body) as GoodfaithEvent };
        }
    },

    async redactEvents(customer, redact): Promise<number> {
      return backend.write(
        async (trx) => {
          const rows = await trx
            .selectFrom("events")
            .select(["seq", "body"])
            .where("customer", "=", customer)
            .execute();
          let rewritten = 0;
          for (const row of rows) {
            const event = JSON.parse(row.body) as GoodfaithEvent;
            const replacement = redact(event);
            if (replacement === undefined) continue;
            if (replacement.id !== event.id || replacement.time !== event.time) {
              throw new Error(`redactEvents: ${event.id} may lose data, not its id or time`);
            }
            await trx
              .updateTable("events")
              .set({ body: JSON.stringify(replacement) })
              .where("seq", "=", row.seq)
              .execute();
            rewritten++;
          }
          return rewritten;
        },
        ["events"],
      );
    },

    async countEvents(): Promise<number> {
      const row = await db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
