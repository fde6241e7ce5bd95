/**
 * The API key port: who may call the HTTP API, and for what. Only a digest of each key is
 * kept, so a copy of the database does not hand out working keys.
 */

/**
 * What a key may do: `ingest` send events, `guard` ask the guard, `agent` read and decide
 * remedies and customers, `executor` confirm or fail the remedies it was asked to execute
 * (a payment system's key, nothing else), `admin` everything.
 */
export const API_SCOPES = ["ingest", "guard", "agent", "executor", "admin"] as const;

/** One of `API_SCOPES`. */
export type ApiScope = (typeof API_SCOPES)[number];

/** Whether a string names a scope. */
export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}

/** A key to remember. Times are epoch ms. */
export interface NewApiKey {
  /** Public and unique: shown in listings and recorded as the actor of what the key does. */
  readonly id: string;
  /** What the key is for, as its owner named it. */
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  /** A digest of the whole secret key (e.g. SHA-256, hex); the secret itself is never stored. */
  readonly hash: string;
  readonly createdAt: number;
}

/** A remembered key, without its digest. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  readonly createdAt: number;
  /** When it was revoked; a revoked key is kept so that its id stays taken and its actions explained. */
  readonly revokedAt?: number;
}

/** The API key store. */
export interface ApiKeyStore {
  /** Remembers a key; false (and nothing stored) when its id or digest is already taken. */
  createApiKey(key: NewApiKey): Promise<boolean>;
  /** The key with this digest, revoked or not, or undefined. */
  findApiKey(hash: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, revoked ones included, oldest first. */
  listApiKeys(): Promise<readonly ApiKeyRecord[]>;
  /** Revokes a key at `at`; false when there is no such key or it was already revoked. */
  revokeApiKey(id: string, at: number): Promise<boolean>;
}

/**
 * Whether `store` implements the API key port. The `Store` of `@goodfaith/store` does; this
 * lets a caller holding a plain `Store` find out without a cast.
 */
export function hasApiKeys<T extends object>(store: T): store is T & ApiKeyStore {
  const s = store as Partial<Record<keyof ApiKeyStore, unknown>>;
  return (
    typeof s.createApiKey === "function" &&
    typeof s.findApiKey === "function" &&
    typeof s.listApiKeys === "function" &&
    typeof s.revokeApiKey === "function"
  );
}
