/**
 * Idempotency keys of the HTTP API: claimed by one insert (the primary key decides who was
 * first, on both databases), completed with the response to replay, released on failure.
 * A claim whose lease ran out is taken over by one conditional UPDATE: the row is the lock,
 * so of two takers the second finds the claim renewed (PostgreSQL re-checks the WHERE on
 * the row the first one wrote; SQLite has one writer) and gets "in progress". `created_at_ms`
 * is when the current claim was made; completing and releasing match it, so a request that
 * outlived its lease cannot touch the claim that replaced it.
 */
import type { IdempotencyClaim, IdempotencyStore, KeptResponse } from "@goodfaith/core";
import { sql } from "kysely";
import type { Backend } from "./backend.js";

/** The idempotency store over a backend. */
export function createIdempotencyStore(backend: Backend): IdempotencyStore {
  const { db } = backend;
  const claim = async (
    owner: string,
    key: string,
    fingerprint: string,
    at: number,
    staleBefore?: number,
  ): Promise<IdempotencyClaim> => {
    const claimed = await backend.write(async (trx) => {
      const inserted = await trx
        .insertInto("idempotency_keys")
        .values({
          owner,
          key,
          fingerprint,
          created_at_ms: at,
          status: null,
          content_type: null,
          body: null,
          headers: null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning("key")
        .executeTakeFirst();
      if (inserted !== undefined) return true;
      if (staleBefore === undefined) return false;
      const taken = await trx
        .updateTable("idempotency_keys")
        .set({ created_at_ms: at })
        .where("owner", "=", owner)
        .where("key", "=", key)
        .where("fingerprint", "=", fingerprint)
        .where("status", "is", null)
        .where("created_at_ms", "<", staleBefore)
        .returning("key")
        .executeTakeFirst();
      return taken !== undefined;
    });
    if (claimed) return { state: "claimed" };
    const row = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("owner", "=", owner)
      .where("key", "=", key)
      .executeTakeFirst();
    // Released between our insert and this read: the key is free again, so try once more.
    if (row === undefined) return claim(owner, key, fingerprint, at, staleBefore);
    if (row.status === null) {
      return {
        state: "in_progress",
        fingerprint: row.fingerprint,
        claimedAt: Number(row.created_at_ms),
      };
    }
    const response: KeptResponse = {
      status: Number(row.status),
      contentType: row.content_type ?? "application/json",
      body: row.body ?? "",
      ...(row.headers !== null && { headers: JSON.parse(row.headers) as Record<string, string> }),
    };
    return { state: "completed", fingerprint: row.fingerprint, response };
  };
  return {
    claimIdempotency: claim,

    async completeIdempotency(owner, key, claimedAt, response): Promise<void> {
      await backend.write((trx) =>
        trx
          .updateTable("idempotency_keys")
          .set({
            status: response.status,
            content_type: response.contentType,
            body: response.body,
            headers: response.headers ? JSON.stringify(response.headers) : null,
          })
          .where("owner", "=", owner)
          .where("key", "=", key)
          .where("created_at_ms", "=", claimedAt)
          .where("status", "is", null)
          .execute(),
      );
    },

    async releaseIdempotency(owner, key, claimedAt): Promise<void> {
      await backend.write((trx) =>
        trx
          .deleteFrom("idempotency_keys")
          .where("owner", "=", owner)
          .where("key", "=", key)
          .where("created_at_ms", "=", claimedAt)
          .where("status", "is", null)
          .execute(),
      );
    },

    async forgetIdempotencyOf(customer: string): Promise<number> {
      // The id as JSON writes it, quotes included: "c-1" is not found inside "c-10".
      const needle = JSON.stringify(customer).replace(/[\\%_]/g, (c) => `\\${c}`);
      const result = await backend.write((trx) =>
        trx
          .deleteFrom("idempotency_keys")
          .where(sql<boolean>`body like ${`%${needle}%`} escape '\\'`)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },

    async pruneIdempotency(before: number): Promise<number> {
      const result = await backend.write((trx) =>
        trx.deleteFrom("idempotency_keys").where("created_at_ms", "<", before).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
