/**
 * Stripe-style `Idempotency-Key` on POSTs: the first request with a key claims it and its
 * response is kept; the same key with the same request replays that response (marked
 * `Idempotent-Replayed: true`); the same key with another request is a 422; a key whose
 * first request is still running is a 409. Server errors (5xx) are not kept, so a retry
 * does the work. Keys are per API key and forgotten after the TTL.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import type { ResolvedAppOptions } from "./options.js";
import { ProblemError } from "./problem.js";

const KEY = /^[\x21-\x7e]{1,255}$/;
const PRUNE_EVERY_MS = 60_000;

/** The idempotency middleware; runs after authentication (keys belong to an API key). */
export function createIdempotency(options: ResolvedAppOptions): MiddlewareHandler<AppEnv> {
  const { store, now } = options;
  let prunedAt = Number.NEGATIVE_INFINITY;
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined) return next();
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
      .digest("hex");
    const claim = await store.claimIdempotency(owner, key, fingerprint, at);
    if (claim.state !== "claimed" && claim.fingerprint !== fingerprint) {
      throw new ProblemError("idempotency_key_reused", 422);
    }
    if (claim.state === "in_progress") throw new ProblemError("idempotency_key_in_progress", 409);
    if (claim.state === "completed") {
      return new Response(claim.response.body, {
        status: claim.response.status,
        headers: { "content-type": claim.response.contentType, "idempotent-replayed": "true" },
      });
    }
    try {
      await next();
    } finally {
      // Errors thrown by the handler have been turned into c.res by onError already.
      const res = c.res;
      if (res.status >= 500) await store.releaseIdempotency(owner, key);
      else {
        await store.completeIdempotency(owner, key, {
          status: res.status,
          contentType: res.headers.get("content-type") ?? "application/json",
          body: await res.clone().text(),
        });
      }
    }
  };
}
