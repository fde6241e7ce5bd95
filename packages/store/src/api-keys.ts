/**
 * API keys: one row per key with the digest of its secret (never the secret), its scopes
 * (space-separated), and when it was revoked. Lookups go by digest, which is unique.
 */
import { type ApiKeyRecord, type ApiKeyStore, isApiScope, type NewApiKey } from "@goodfaith/core";
import type { Backend } from "./backend.js";
import type { ApiKeysTable } from "./schema.js";

function toRecord(row: Omit<ApiKeysTable, "hash">): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    // A scope this version does not know (written by a newer one) grants nothing here.
    scopes: row.scopes.split(" ").filter(isApiScope),
    createdAt: Number(row.created_at_ms),
    ...(row.revoked_at_ms !== null && { revokedAt: Number(row.revoked_at_ms) }),
  };
}

const COLUMNS = ["id", "name", "scopes", "created_at_ms", "revoked_at_ms"] as const;

/** The API key store over a backend. */
export function createApiKeyStore(backend: Backend): ApiKeyStore {
  const { db } = backend;
  return {
    async createApiKey(key: NewApiKey): Promise<boolean> {
      const inserted = await backend.write((trx) =>
        trx
          .insertInto("api_keys")
          .values({
            id: key.id,
            name: key.name,
            scopes: [...new Set(key.scopes)].join(" "),
            hash: key.hash,
            created_at_ms: key.createdAt,
            revoked_at_ms: null,
          })
          .onConflict((oc) => oc.doNothing())
          .returning("id")
          .executeTakeFirst(),
      );
      return inserted !== undefined;
    },

    async findApiKey(hash: string): Promise<ApiKeyRecord | undefined> {
      const row = await db
        .selectFrom("api_keys")
        .select(COLUMNS)
        .where("hash", "=", hash)
        .executeTakeFirst();
      return row && toRecord(row);
    },

    async listApiKeys(): Promise<readonly ApiKeyRecord[]> {
      const rows = await db
        .selectFrom("api_keys")
        .select(COLUMNS)
        .orderBy("created_at_ms")
        .orderBy("id")
        .execute();
      return rows.map(toRecord);
    },

    async revokeApiKey(id: string, at: number): Promise<boolean> {
      const result = await backend.write((trx) =>
        trx
          .updateTable("api_keys")
          .set({ revoked_at_ms: at })
          .where("id", "=", id)
          .where("revoked_at_ms", "is", null)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
