/**
 * The idempotency port: Stripe-style `Idempotency-Key` requests. The first request with a key
 * claims it and its response is kept; a retry with the same key and the same request gets
 * that response again instead of doing the work twice.
 */

/** A response as kept for replay. */
export interface KeptResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** What a claim found. `fingerprint` identifies the request that claimed the key first. */
export type IdempotencyClaim =
  /** The key was free and is now this request's; finish with `completeIdempotency` or `releaseIdempotency`. */
  | { readonly state: "claimed" }
  /** Another request holds the key and has not finished. */
  | { readonly state: "in_progress"; readonly fingerprint: string }
  | { readonly state: "completed"; readonly fingerprint: string; readonly response: KeptResponse };

/** Idempotency keys, per owner (an API key's id), so two clients' keys never collide. */
export interface IdempotencyStore {
  /** Claims `key` for a request with `fingerprint` at `at` (epoch ms), atomically, or says who has it. */
  claimIdempotency(
    owner: string,
    key: string,
    fingerprint: string,
    at: number,
  ): Promise<IdempotencyClaim>;
  /** Keeps the response of a claimed key, for replay. */
  completeIdempotency(owner: string, key: string, response: KeptResponse): Promise<void>;
  /** Frees a claimed key whose request failed, so that a retry does the work. */
  releaseIdempotency(owner: string, key: string): Promise<void>;
  /** Forgets keys claimed before `before` (epoch ms); resolves to how many. */
  pruneIdempotency(before: number): Promise<number>;
}

/** Whether `store` implements the idempotency port (the `Store` of `@goodfaith/store` does). */
export function hasIdempotency<T extends object>(store: T): store is T & IdempotencyStore {
  const s = store as Partial<Record<keyof IdempotencyStore, unknown>>;
  return (
    typeof s.claimIdempotency === "function" &&
    typeof s.completeIdempotency === "function" &&
    typeof s.releaseIdempotency === "function" &&
    typeof s.pruneIdempotency === "function"
  );
}
