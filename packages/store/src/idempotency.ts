/**
 * Idempotency keys of the HTTP API: claimed by one insert (the primary key decides who was
 * first, on both databases), completed with the response to replay, released on failure.
 */
import type { IdempotencyClaim, IdempotencyStore, KeptResponse } from "@goodfaith/core";
import type { Backend } from "./backend.js";

/** The idempotency store over a backend. */
export function createIdempotencyStore(backend: Backend): IdempotencyStore {
  const { db } = backend;
  const claim = async (
    owner: string,
    key: string,
    fingerprint: string,
    at: number,
  ): Promise<IdempotencyClaim> => {
    const claimed = await backend.write((trx) =>
      trx
        .insertInto("idempotency_keys")
        .values({
          owner,
          key,
          fingerprint,
          created_at_ms: at,
          status: null,
          content_type: null,
          body: null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning("key")
        .executeTakeFirst(),
    );
    if (claimed !== undefined) return { state: "claimed" };
    const row = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("owner", "=", owner)
      .where("key", "=", key)
      .executeTakeFirst();
    // Released between our insert and this read: the key is free again, so try once more.
    if (row === undefined) return claim(owner, key, fingerprint, at);
    if (row.status === null) return { state: "in_progress", fingerprint: row.fingerprint };
    const response: KeptResponse = {
      status: Number(row.status),
      contentType: row.content_type ?? "application/json",
      body: row.body ?? "",
    };
    return { state: "completed", fingerprint: row.fingerprint, response };
  };
  return {
    claimIdempotency: claim,

    async completeIdempotency(owner, key, response): Promise<void> {
      await backend.write((trx) =>
        trx
          .updateTable("idempotency_keys")
          .set({ status: response.status, content_type: response.contentType, body: response.body })
          .where("owner", "=", owner)
          .where("key", "=", key)
          .execute(),
      );
    },

    async releaseIdempotency(owner, key): Promise<void> {
      await backend.write((trx) =>
        trx
          .deleteFrom("idempotency_keys")
          .where("owner", "=", owner)
          .where("key", "=", key)
          .where("status", "is", null)
          .execute(),
      );
    },

    async pruneIdempotency(before: number): Promise<number> {
      const result = await backend.write((trx) =>
        trx.deleteFrom("idempotency_keys").where("created_at_ms", "<", before).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
