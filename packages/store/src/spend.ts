/**
 * Governance spend: caps per customer and budgets per day, checked and recorded in one
 * transaction that holds the promise's spend lock (an advisory lock on PostgreSQL, the single
 * writer on SQLite), so the check and the record cannot be split by another worker. Sums are
 * bigint in code: amounts are minor-unit strings in the database and never pass a float.
 */
import type { SpendLimit, SpendRequest, SpendResult, SpendStore } from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "./backend.js";
import type { Database } from "./schema.js";

const DAY_MS = 86_400_000;
const MINOR = /^(?:0|[1-9][0-9]*)$/;

function minor(name: string, value: string): bigint {
  // A malformed amount is a caller's bug, not an expected refusal.
  if (!MINOR.test(value))
    throw new RangeError(`${name} must be minor units as digits, got ${value}`);
  return BigInt(value);
}

/** The UTC day of an instant: budgets are per day of event time, as in the engine. */
function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}

async function addToDay(
  trx: Kysely<Database>,
  promise: string,
  currency: string,
  day: number,
  delta: bigint,
): Promise<void> {
  const row = await trx
    .selectFrom("spend_days")
    .select("total_minor")
    .where("promise", "=", promise)
    .where("currency", "=", currency)
    .where("day", "=", day)
    .executeTakeFirst();
  const total = (row ? BigInt(row.total_minor) : 0n) + delta;
  await trx
    .insertInto("spend_days")
    .values({ promise, currency, day, total_minor: total.toString() })
    .onConflict((oc) =>
      oc.columns(["promise", "currency", "day"]).doUpdateSet({ total_minor: total.toString() }),
    )
    .execute();
}

async function reserveSpend(backend: Backend, request: SpendRequest): Promise<SpendResult> {
  const amount = minor("amountMinor", request.amountMinor);
  const cap = request.capMinor === undefined ? undefined : minor("capMinor", request.capMinor);
  const budget =
    request.dailyBudgetMinor === undefined
      ? undefined
      : minor("dailyBudgetMinor", request.dailyBudgetMinor);
  const { key, promise, customer, currency, at } = request;
  const day = dayOf(at);
  return backend.write(
    async (trx): Promise<SpendResult> => {
      const already = await trx
        .selectFrom("spend")
        .select("key")
        .where("key", "=", key)
        .executeTakeFirst();
      if (already) return { ok: true, duplicate: true };
      const exceeded: SpendLimit[] = [];
      if (cap !== undefined) {
        const { capPeriodMs } = request;
        const spent = await trx
          .selectFrom("spend")
          .select("amount_minor")
          .where("promise", "=", promise)
          .where("customer", "=", customer)
          .where("currency", "=", currency)
          // The window ends at `at` and excludes its start, as the engine counts it.
          .$if(capPeriodMs !== undefined, (qb) => qb.where("at_ms", ">", at - (capPeriodMs ?? 0)))
          .execute();
        const total = spent.reduce((sum, r) => sum + BigInt(r.amount_minor), 0n);
        if (total + amount > cap) exceeded.push("over_customer_cap");
      }
      if (budget !== undefined) {
        const row = await trx
          .selectFrom("spend_days")
          .select("total_minor")
          .where("promise", "=", promise)
          .where("currency", "=", currency)
          .where("day", "=", day)
          .executeTakeFirst();
        if ((row ? BigInt(row.total_minor) : 0n) + amount > budget)
          exceeded.push("over_daily_budget");
      }
      if (exceeded.length > 0) return { ok: false, exceeded };
      await trx
        .insertInto("spend")
        .values({ key, promise, customer, currency, amount_minor: amount.toString(), at_ms: at })
        .execute();
      await addToDay(trx, promise, currency, day, amount);
      return { ok: true, duplicate: false };
    },
    [`spend:${promise}`],
  );
}

async function releaseSpend(backend: Backend, key: string): Promise<boolean> {
  // The lock is per promise, and only the row says which promise: read it, then lock and
  // read it again inside the transaction.
  const found = await backend.db
    .selectFrom("spend")
    .select("promise")
    .where("key", "=", key)
    .executeTakeFirst();
  if (!found) return false;
  return backend.write(
    async (trx) => {
      const row = await trx
        .selectFrom("spend")
        .selectAll()
        .where("key", "=", key)
        .executeTakeFirst();
      if (!row) return false;
      await trx.deleteFrom("spend").where("key", "=", key).execute();
      await addToDay(
        trx,
        row.promise,
        row.currency,
        dayOf(Number(row.at_ms)),
        -BigInt(row.amount_minor),
      );
      return true;
    },
    [`spend:${found.promise}`],
  );
}

/** The spend store over a backend. */
export function createSpendStore(backend: Backend): SpendStore {
  return {
    reserveSpend: (request) => reserveSpend(backend, request),
    releaseSpend: (key) => releaseSpend(backend, key),
  };
}
