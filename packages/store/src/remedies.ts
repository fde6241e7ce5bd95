/**
 * Remedies: recorded once per idempotency key — the primary key does the enforcing, with
 * `ON CONFLICT DO NOTHING`, so no retry, replay or concurrent writer can add a second — and
 * moved through the lifecycle with every move written to `remedy_transitions`.
 */
import {
  canTransition,
  type LedgerFollowUp,
  type NewRemedy,
  type RecordFollowUp,
  type RecordRemediesResult,
  type RemedyCursor,
  type RemedyFilter,
  type RemedyHistory,
  type RemedyPage,
  type RemedyStatus,
  type RemedyStore,
  type TransitionRequest,
  type TransitionResult,
} from "@goodfaith/core";
import type { Backend } from "./backend.js";
import { confirmLate, failLate } from "./late-settlement.js";
import {
  appendFollowUp,
  followUpLocks,
  followUpNotices,
  recordFollowUpNotices,
  recordMove,
} from "./ledger-follow-up.js";
import { claimDue, recordAttempt, releaseClaims, startAttempt } from "./outbox.js";
import {
  ENGINE_ACTOR,
  lockedRemedy,
  remedyRow,
  remedyTransition,
  storedRemedy,
} from "./remedy-rows.js";

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const INITIAL = new Set<RemedyStatus>(["planned", "awaiting_approval", "approved"]);

async function recordRemedies(
  backend: Backend,
  remedies: readonly NewRemedy[],
  atSeq: number,
  ledger?: RecordFollowUp,
): Promise<RecordRemediesResult> {
  const unique = new Map<string, NewRemedy>();
  const repeated: string[] = [];
  for (const remedy of remedies) {
    if (!INITIAL.has(remedy.status)) {
      throw new TypeError(`a remedy cannot be recorded as ${remedy.status}`);
    }
    if (unique.has(remedy.key)) repeated.push(remedy.key);
    else unique.set(remedy.key, remedy);
  }
  // Key order: two PostgreSQL writers inserting the same keys wait on each other in the
  // same order instead of deadlocking.
  const rows = [...unique.values()]
    .map((r) => remedyRow(r, r.atSeq ?? atSeq))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const notices = followUpNotices(ledger?.notices, unique);
  const { made: created, noticed } = await backend.write(async (trx) => {
    const inserted = await backend.insertRows(trx, "remedies", rows, "key");
    const made = new Set(rows.filter((_, i) => inserted[i]).map((r) => r.key));
    const transitions = rows
      .filter((r) => made.has(r.key))
      .map((r) => ({
        key: r.key,
        from_status: null,
        to_status: r.status,
        actor: ENGINE_ACTOR,
        at_ms: r.at_ms,
        reason: null,
      }));
    await backend.insertRows(trx, "remedy_transitions", transitions);
    const moves = [...unique.values()]
      .filter((r) => made.has(r.key))
      .map((r) => ({ key: r.key, to: r.status }));
    await appendFollowUp(backend, trx, ledger, moves);
    return { made, noticed: await recordFollowUpNotices(backend, trx, ledger?.notices, notices) };
  }, followUpLocks(ledger));
  const keys = [...unique.keys()];
  return {
    created: keys.filter((k) => created.has(k)),
    existing: [...keys.filter((k) => !created.has(k)), ...repeated],
    ...(noticed && { notices: noticed }),
  };
}

async function transition(
  backend: Backend,
  key: string,
  request: TransitionRequest,
  ledger?: LedgerFollowUp,
): Promise<TransitionResult> {
  if (request.from.length === 0 || !request.from.every((f) => canTransition(f, request.to))) {
    return { ok: false, code: "not_allowed" };
  }
  return backend.write(async (trx): Promise<TransitionResult> => {
    const row = await lockedRemedy(backend, trx, key);
    if (!row) return { ok: false, code: "unknown_remedy" };
    const from = row.status as RemedyStatus;
    if (!request.from.includes(from)) return { ok: false, code: "status_mismatch", status: from };
    await trx
      .updateTable("remedies")
      .set({
        status: request.to,
        updated_at_ms: request.at,
        claimed_by: null,
        claimed_at_ms: null,
        attempt_started_at_ms: null,
        // Approval (or a manual retry) makes the remedy due at once.
        ...(request.to === "approved" && { next_attempt_at_ms: request.at }),
      })
      .where("key", "=", key)
      .execute();
    await recordMove(backend, trx, ledger, {
      key,
      from,
      to: request.to,
      actor: request.actor,
      at: request.at,
      reason: request.reason ?? null,
    });
    return { ok: true, from };
  }, followUpLocks(ledger));
}

async function listRemedies(
  backend: Backend,
  filter: RemedyFilter = {},
  page: { readonly after?: RemedyCursor; readonly limit?: number } = {},
): Promise<RemedyPage> {
  // NaN (a caller's failed parse) is the default page, not a query with LIMIT NaN.
  const asked = Math.floor(page.limit ?? DEFAULT_PAGE);
  const limit = Math.min(MAX_PAGE, Math.max(1, Number.isNaN(asked) ? DEFAULT_PAGE : asked));
  const { status, customer, promise, from, to } = filter;
  const { after } = page;
  const rows = await backend.db
    .selectFrom("remedies")
    .selectAll()
    .$if(status !== undefined, (qb) => qb.where("status", "in", status?.length ? status : [""]))
    .$if(customer !== undefined, (qb) => qb.where("customer", "=", customer ?? ""))
    .$if(promise !== undefined, (qb) => qb.where("promise", "=", promise ?? ""))
    .$if(from !== undefined, (qb) => qb.where("at_ms", ">=", from ?? 0))
    .$if(to !== undefined, (qb) => qb.where("at_ms", "<", to ?? 0))
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("at_ms", ">", after?.at ?? 0),
          eb.and([eb("at_ms", "=", after?.at ?? 0), eb("key", ">", after?.key ?? "")]),
        ]),
      ),
    )
    .orderBy("at_ms")
    .orderBy("key")
    .limit(limit + 1)
    .execute();
  const remedies = rows.slice(0, limit).map(storedRemedy);
  const last = remedies.at(-1);
  return rows.length > limit && last
    ? { remedies, next: { at: last.at, key: last.key } }
    : { remedies };
}

async function getRemedy(backend: Backend, key: string): Promise<RemedyHistory | undefined> {
  const row = await backend.db
    .selectFrom("remedies")
    .selectAll()
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;
  const transitions = await backend.db
    .selectFrom("remedy_transitions")
    .selectAll()
    .where("key", "=", key)
    .orderBy("id")
    .execute();
  return { remedy: storedRemedy(row), transitions: transitions.map(remedyTransition) };
}

/** The remedy store over a backend. */
async function redactRemedies(
  backend: Backend,
  customer: string,
  redact: (detail: string) => string | undefined,
): Promise<number> {
  return backend.write(async (trx) => {
    const rows = await trx
      .selectFrom("remedies")
      .select(["key", "detail"])
      .where("customer", "=", customer)
      .$if(backend.rowLocks, (qb) => qb.forUpdate())
      .execute();
    let rewritten = 0;
    for (const row of rows) {
      const detail = redact(row.detail);
      if (detail === undefined || detail === row.detail) continue;
      await trx.updateTable("remedies").set({ detail }).where("key", "=", row.key).execute();
      rewritten++;
    }
    return rewritten;
  });
}

export function createRemedyStore(backend: Backend): RemedyStore {
  return {
    recordRemedies: (remedies, atSeq, ledger) => recordRemedies(backend, remedies, atSeq, ledger),
    transition: (key, request, ledger) => transition(backend, key, request, ledger),
    claimDue: (request, ledger) => claimDue(backend, request, ledger),
    recordAttempt: (key, report, ledger) => recordAttempt(backend, key, report, ledger),
    startAttempt: (key, worker, at) => startAttempt(backend, key, worker, at),
    releaseClaims: (worker, keys, at, ledger) => releaseClaims(backend, worker, keys, at, ledger),
    confirmLate: (key, confirmation, ledger) => confirmLate(backend, key, confirmation, ledger),
    failLate: (key, failure, ledger) => failLate(backend, key, failure, ledger),
    listRemedies: (filter, page) => listRemedies(backend, filter, page),
    getRemedy: (key) => getRemedy(backend, key),
    redactRemedies: (customer, redact) => redactRemedies(backend, customer, redact),
  };
}
