/**
 * Stripe-style `Idempotency-Key` on POSTs: the first request with a key claims it and its
 * response is kept; the same key with the same request replays that response (marked
 * `Idempotent-Replayed: true`); the same key with another request is a 422; a key whose
 * first request is still running is a 409 with `Retry-After` (the seconds left of its lease).
 * Server errors (5xx) are not kept, so a retry does the work. Keys are per API key and
 * forgotten after the TTL. "The same request" is the same method, path, query, Content-Type,
 * body and `ce-*` headers (CloudEvents binary mode carries the event's attributes in them).
 *
 * A claim is a lease (`idempotencyLeaseMs`, longer than any request runs): if the process
 * holding a key dies, the key would otherwise stay "in progress" until the TTL. Once the lease
 * is over, a retry of the same request (same fingerprint) takes the claim over and does the
 * work — only one retry, however many arrive at once; the store decides. The work may then
 * run twice if the first request was not dead but slow, which is why the lease must outlast
 * any request; ingest is safe either way, as event ids are deduplicated.
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler, Next } from "hono";
import type { AppEnv } from "./env.js";
import type { ResolvedAppOptions } from "./options.js";
import { ProblemError } from "./problem.js";

const KEY = /^[\x21-\x7e]{1,255}$/;
const PRUNE_EVERY_MS = 60_000;

/** The idempotency middleware; runs after authentication (keys belong to an API key). */
export function createIdempotency(options: ResolvedAppOptions): MiddlewareHandler<AppEnv> {
  const { store, now, idempotencyLeaseMs: leaseMs } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;
  // Not an async function: a request without a key passes straight through.
  return (c, next) => {
    const key = c.req.header("idempotency-key");
    return key === undefined ? next() : claimed(c, next, key);
  };

  async function claimed(
    c: Context<AppEnv>,
    next: Next,
    key: string,
  ): Promise<Response | undefined> {
    if (!KEY.test(key)) throw new ProblemError("idempotency_key_invalid", 400);
    const at = now();
    if (at - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = at;
      await store.pruneIdempotency(at - options.idempotencyTtlMs);
    }
    const owner = c.get("apiKey").id;
    const body = new Uint8Array(await c.req.arrayBuffer());
    const url = new URL(c.req.url);
    const fingerprint = createHash("sha256")
      .update(
        `${c.req.method} ${url.pathname}${url.search}\n${c.req.header("content-type") ?? ""}\n`,
      )
      .update(body)
      .update(contentHeaders(c.req.header()))
      .digest("hex");
    const claim = await store.claimIdempotency(owner, key, fingerprint, at, at - leaseMs);
    if (claim.state !== "claimed" && claim.fingerprint !== fingerprint) {
      throw new ProblemError("idempotency_key_reused", 422);
    }
    if (claim.state === "in_progress") {
      // At least 1: a lease just run out is taken over by the next retry.
      const seconds = Math.max(1, Math.ceil((claim.claimedAt + leaseMs - at) / 1000));
      throw new ProblemError(
        "idempotency_key_in_progress",
        409,
        { seconds },
        {},
        { "retry-after": String(seconds) },
      );
    }
    if (claim.state === "completed") {
      return new Response(claim.response.body, {
        status: claim.response.status,
        headers: {
          ...claim.response.headers,
          "content-type": claim.response.contentType,
          "idempotent-replayed": "true",
        },
      });
    }
    try {
      await next();
    } finally {
      // Errors thrown by the handler have been turned into c.res by onError already.
      const res = c.res;
      if (res.status >= 500) await store.releaseIdempotency(owner, key, at);
      else {
        const headers = replayedHeaders(res.headers);
        await store.completeIdempotency(owner, key, at, {
          status: res.status,
          contentType: res.headers.get("content-type") ?? "application/json",
          body: await res.clone().text(),
          ...(headers && { headers }),
        });
      }
    }
    return undefined;
  }
}

// What a replay repeats of the first response besides its body: what the body is (its
// language, what it varies by, where it points). Not the rate limit's counters or the date,
// which describe the moment of the answer, not the answer.
const REPLAYED = ["content-language", "vary", "location", "allow", "www-authenticate"] as const;

/** The headers of `headers` a replay repeats; undefined when it has none. */
function replayedHeaders(headers: Headers): Record<string, string> | undefined {
  const kept = Object.fromEntries(
    REPLAYED.flatMap((name) => {
      const value = headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Headers that are part of what a request says, for its fingerprint: CloudEvents binary mode
 * puts the event's attributes in `ce-*` headers. Empty when there are none, so fingerprints
 * of every other request are what they were.
 */
function contentHeaders(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .filter(([name]) => name.startsWith("ce-"))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `\n${name}: ${value}`)
    .join("");
}
