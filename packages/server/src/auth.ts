/**
 * Bearer API keys and scopes. A key is looked up by its digest and trusted for a few seconds
 * (a cache keeps the store and the hashing off the guard's hot path); the per-key rate limit is taken here,
 * once the key is known.
 */
import type { ApiKeyRecord, ApiKeyStore, ApiScope } from "@goodfaith/core";
import type { Context, MiddlewareHandler, Next } from "hono";
import { hashApiKey, isApiKeyShaped } from "./api-keys.js";
import type { AppEnv } from "./env.js";
import type { ResolvedAppOptions } from "./options.js";
import { ProblemError } from "./problem.js";
import { RateLimiter } from "./rate-limit.js";

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/** Finds keys by their secret, caching what the store said for `cacheMs`. */
export class KeyResolver {
  readonly #cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();

  constructor(
    private readonly store: ApiKeyStore,
    private readonly cacheMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * What the cache says about this secret while it is trusted: `{ record }` (undefined for a
   * key known not to be live), or undefined when the store must be asked (`resolve`).
   */
  cached(secret: string): { readonly record: ApiKeyRecord | undefined } | undefined {
    // Keyed by the secret itself, so a cached key costs no SHA-256 per request; the map
    // lives only in this process's memory, where the request held the secret anyway.
    const cached = this.#cache.get(secret);
    return cached !== undefined && cached.until > this.now() ? cached : undefined;
  }

  /** The live (not revoked) key with this secret, or undefined. */
  async resolve(secret: string): Promise<ApiKeyRecord | undefined> {
    const cached = this.cached(secret);
    if (cached !== undefined) return cached.record;
    const now = this.now();
    if (!isApiKeyShaped(secret)) return undefined;
    const found = await this.store.findApiKey(hashApiKey(secret));
    const record = found?.revokedAt === undefined ? found : undefined;
    // Bounded: unknown keys are cached too (so guessing costs no store reads), so trim.
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(secret, { record, until: now + this.cacheMs });
    return record;
  }
}

/** Whether a key with `has` may call a route open to `needs` (admin may call every route). */
export function allows(has: readonly ApiScope[], needs: readonly ApiScope[]): boolean {
  return has.includes("admin") || needs.some((s) => has.includes(s));
}

/** The middleware factory for routes: `secured(["agent"])` lets agent and admin keys in. */
export type Secured = (scopes: readonly ApiScope[]) => MiddlewareHandler<AppEnv>;

/** Builds `secured` over the resolved options: authentication, rate limit, then scope. */
export function createSecured(options: ResolvedAppOptions): Secured {
  const keys = new KeyResolver(options.store, options.keyCacheMs, options.now);
  const limiter =
    options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit, options.now);
  const admit = (
    c: Context<AppEnv>,
    next: Next,
    scopes: readonly ApiScope[],
    key: ApiKeyRecord | undefined,
  ): Promise<void> => {
    if (key === undefined) {
      throw new ProblemError(
        "invalid_key",
        401,
        {},
        {},
        { "www-authenticate": 'Bearer error="invalid_token"' },
      );
    }
    const decision = limiter?.take(key.id);
    if (decision !== undefined && !decision.ok) {
      throw new ProblemError(
        "rate_limited",
        429,
        { seconds: decision.retryAfter },
        {},
        { "retry-after": String(decision.retryAfter) },
      );
    }
    if (!allows(key.scopes, scopes)) {
      throw new ProblemError("forbidden", 403, {
        // An admin key may do everything, so it is named once even where it is the only scope.
        scopes: [...new Set([...scopes, "admin"])].join(", "),
        has: key.scopes.join(", ") || "—",
      });
    }
    c.set("apiKey", key);
    return next();
  };
  // Not an async function: a key in the cache is admitted without awaiting anything.
  return (scopes) => (c, next) => {
    const header = c.req.header("authorization");
    if (header === undefined) {
      throw new ProblemError("unauthorized", 401, {}, {}, { "www-authenticate": "Bearer" });
    }
    const secret = BEARER.exec(header)?.[1];
    if (secret === undefined) return admit(c, next, scopes, undefined);
    const cached = keys.cached(secret);
    if (cached !== undefined) return admit(c, next, scopes, cached.record);
    return keys.resolve(secret).then((key) => admit(c, next, scopes, key));
  };
}
