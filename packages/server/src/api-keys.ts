/**
 * API key secrets: `gf_<id>_<secret>`, where the id is public (listings, ledger actors) and
 * the secret is 32 random bytes. Only the SHA-256 of the whole key is stored: with that much
 * entropy a fast hash is enough, and it makes the lookup one indexed read.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyStore, ApiScope, NewApiKey } from "@goodfaith/core";

const KEY = /^gf_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

/** The stored digest of a key. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether `key` has the shape of a Goodfaith API key (so garbage never reaches the store). */
export function isApiKeyShaped(key: string): boolean {
  return KEY.test(key);
}

/** A key just created: the secret, shown once, and what is stored. */
export interface CreatedApiKey {
  readonly key: string;
  readonly record: NewApiKey;
}

/** Creates and stores a new key with `scopes`; resolves to its secret (shown once) and record. */
export async function createApiKey(
  store: ApiKeyStore,
  name: string,
  scopes: readonly ApiScope[],
  now: number = Date.now(),
): Promise<CreatedApiKey> {
  // An id or digest collision is astronomically unlikely; a second try costs nothing.
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = randomBytes(6).toString("hex");
    const key = `gf_${id}_${randomBytes(32).toString("base64url")}`;
    const record: NewApiKey = { id, name, scopes, hash: hashApiKey(key), createdAt: now };
    if (await store.createApiKey(record)) return { key, record };
  }
  throw new Error("could not store a new API key: ids kept colliding");
}
