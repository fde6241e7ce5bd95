/**
 * `openStore(url)`: one entry point for both databases. A `postgres://` URL opens PostgreSQL;
 * anything else is a SQLite file path. Migrations run before the store is returned.
 */
import type { Store } from "@goodfaith/core";
import type { Backend } from "./backend.js";
import { migrate } from "./migrate.js";
import { openPostgresBackend } from "./postgres-backend.js";
import { openSqliteBackend } from "./sqlite-backend.js";
import { createStore } from "./store.js";

/** Where the store lives when no URL is given: a SQLite file under the working directory. */
export const DEFAULT_STORE_PATH = ".goodfaith/goodfaith.db";

/** Options for `openStore`; every field has a default. */
export interface OpenStoreOptions {
  /**
   * PostgreSQL schema for every table, created if missing. Also accepted as `?schema=` in
   * the URL. @default the connection's search_path (usually `public`)
   */
  readonly schema?: string;
  /** SQLite `synchronous` pragma (see README: FULL keeps acknowledged writes through power loss). @default "full" */
  readonly synchronous?: "full" | "normal";
  /** How long a SQLite writer waits for another process's write lock, ms. @default 30000 */
  readonly busyTimeoutMs?: number;
  /** Most PostgreSQL connections in the pool. @default 10 */
  readonly maxConnections?: number;
}

/** Whether `url` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

function postgresBackend(url: string, options: OpenStoreOptions): Backend {
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get("schema") ?? undefined;
  // pg would pass an unknown parameter on to the server; the schema is ours to apply.
  parsed.searchParams.delete("schema");
  const schema = options.schema ?? fromUrl;
  return openPostgresBackend({
    url: parsed.toString(),
    maxConnections: options.maxConnections ?? 10,
    ...(schema !== undefined && { schema }),
  });
}

/** Opens (creating and migrating if needed) the store at `url`; rejects if the database cannot be reached. */
export async function openStore(
  url: string = DEFAULT_STORE_PATH,
  options: OpenStoreOptions = {},
): Promise<Store> {
  return createStore(await openBackend(url, options));
}

/** The migrated backend of the store at `url`: what `openStore` and the raw readers share. */
export async function openBackend(
  url: string = DEFAULT_STORE_PATH,
  options: OpenStoreOptions = {},
): Promise<Backend> {
  const backend = isPostgresUrl(url)
    ? postgresBackend(url, options)
    : openSqliteBackend({
        path: url === "" ? DEFAULT_STORE_PATH : url,
        synchronous: options.synchronous ?? "full",
        busyTimeoutMs: options.busyTimeoutMs ?? 30_000,
      });
  try {
    await migrate(backend);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}
