/**
 * Customer notices, one per remedy key: recorded by one insert that skips keys already there
 * (so replays, retries and concurrent workers never tell a customer twice), read back in
 * recording order, and blanked when their customer is erased.
 */
import type {
  ContactChannel,
  Lang,
  Notice,
  NoticeReason,
  NoticeStatus,
  NoticeStore,
  RecordNoticesResult,
  StoredNotice,
} from "@goodfaith/core";
import type { Kysely, Selectable } from "kysely";
import type { Backend } from "./backend.js";
import type { Database, NoticesTable } from "./schema.js";

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function row(n: Notice) {
  return {
    key: n.key,
    customer: n.customer,
    promise: n.promise,
    template: n.template,
    lang: n.lang,
    status: n.status,
    reason: n.reason ?? null,
    channel: n.channel ?? null,
    subject: n.subject,
    body: n.body,
    at_ms: Date.parse(n.at),
    erased: 0,
  };
}

function stored(r: Selectable<NoticesTable>): StoredNotice {
  return {
    key: r.key,
    customer: r.customer,
    promise: r.promise,
    template: r.template,
    lang: r.lang as Lang,
    status: r.status as NoticeStatus,
    ...(r.reason !== null && { reason: r.reason as NoticeReason }),
    ...(r.channel !== null && { channel: r.channel as ContactChannel }),
    subject: r.subject,
    body: r.body,
    at: new Date(Number(r.at_ms)).toISOString(),
    seq: Number(r.seq),
    erased: Number(r.erased) === 1,
  };
}

/** `notices` without repeated keys: the first of a key wins, as if recorded one by one. */
export function firstOfEachKey(notices: readonly Notice[]): Notice[] {
  const byKey = new Map<string, Notice>();
  for (const n of notices) if (!byKey.has(n.key)) byKey.set(n.key, n);
  return [...byKey.values()];
}

/**
 * Records `notices` (one per key, see `firstOfEachKey`) inside the transaction `trx`, skipping
 * keys already recorded.
 */
export async function insertNotices(
  backend: Backend,
  trx: Kysely<Database>,
  notices: readonly Notice[],
): Promise<RecordNoticesResult> {
  if (notices.length === 0) return { created: [], existing: [] };
  const inserted = await backend.insertRows(trx, "notices", notices.map(row), "key");
  const created: string[] = [];
  const existing: string[] = [];
  notices.forEach((n, i) => {
    (inserted[i] ? created : existing).push(n.key);
  });
  return { created, existing };
}

/** The notice store over a backend. */
export function createNoticeStore(backend: Backend): NoticeStore {
  const { db } = backend;
  return {
    async recordNotices(notices) {
      const fresh = firstOfEachKey(notices);
      if (fresh.length === 0) return { created: [], existing: [] };
      return backend.write((trx) => insertNotices(backend, trx, fresh));
    },

    async getNotice(key) {
      const r = await db
        .selectFrom("notices")
        .selectAll()
        .where("key", "=", key)
        .executeTakeFirst();
      return r && stored(r);
    },

    async listNotices(filter = {}, page = {}) {
      const limit = Math.min(Math.max(1, page.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
      let query = db
        .selectFrom("notices")
        .selectAll()
        .where("seq", ">", page.after ?? 0);
      if (filter.customer !== undefined) query = query.where("customer", "=", filter.customer);
      if (filter.status !== undefined) {
        if (filter.status.length === 0) return { notices: [] };
        query = query.where("status", "in", filter.status);
      }
      const rows = await query
        .orderBy("seq")
        .limit(limit + 1)
        .execute();
      const notices = rows.slice(0, limit).map(stored);
      const last = notices.at(-1);
      return rows.length > limit && last ? { notices, next: last.seq } : { notices };
    },

    async eraseCustomerNotices(customer) {
      const result = await backend.write((trx) =>
        trx
          .updateTable("notices")
          .set({ subject: "", body: "", erased: 1 })
          .where("customer", "=", customer)
          .where("erased", "=", 0)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows);
    },

    async releaseHeldNotice(key) {
      const result = await backend.write((trx) =>
        trx
          .updateTable("notices")
          .set({ status: "ready", reason: null })
          .where("key", "=", key)
          .where("status", "=", "held")
          .where("erased", "=", 0)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
