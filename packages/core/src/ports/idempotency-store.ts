/**
 * The idempotency port: Stripe-style `Idempotency-Key` requests. The first request with a key
 * claims it and its response is kept; a retry with the same key and the same request gets
 * that response again instead of doing the work twice.
 *
 * A claim is a lease: a request whose process died leaves its key "in progress", so a claim
 * older than the caller's lease may be taken over by a request with the same fingerprint —
 * by one of them only, however many try at once. Completing and releasing name the claim
 * (its `at`), so a request that outlived its lease cannot finish the claim that replaced it.
 */

/** A response as kept for replay. */
export interface KeptResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Headers a replay repeats (lower-case names: the body's language, `Vary`, `Location`…). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a claim found. `fingerprint` identifies the request that claimed the key first. */
export type IdempotencyClaim =
  /** The key was free and is now this request's; finish with `completeIdempotency` or `releaseIdempotency`. */
  | { readonly state: "claimed" }
  /** Another request holds the key and has not finished; it claimed it at `claimedAt` (epoch ms). */
  | { readonly state: "in_progress"; readonly fingerprint: string; readonly claimedAt: number }
  | { readonly state: "completed"; readonly fingerprint: string; readonly response: KeptResponse };

/** Idempotency keys, per owner (an API key's id), so two clients' keys never collide. */
export interface IdempotencyStore {
  /**
   * Claims `key` for a request with `fingerprint` at `at` (epoch ms), atomically, or says who
   * has it. A claim still in progress that was made before `staleBefore` (epoch ms) has lost
   * its lease: a request with the same fingerprint takes it over (and it counts from `at`);
   * of concurrent takers, exactly one gets `claimed`. Without `staleBefore`, claims never go stale.
   */
  claimIdempotency(
    owner: string,
    key: string,
    fingerprint: string,
    at: number,
    staleBefore?: number,
  ): Promise<IdempotencyClaim>;
  /** Keeps the response of the key claimed at `claimedAt`, for replay; a no-op if it was taken over. */
  completeIdempotency(
    owner: string,
    key: string,
    claimedAt: number,
    response: KeptResponse,
  ): Promise<void>;
  /** Frees the key claimed at `claimedAt` whose request failed, so that a retry does the work; a no-op if it was taken over. */
  releaseIdempotency(owner: string, key: string, claimedAt: number): Promise<void>;
  /** Forgets keys claimed before `before` (epoch ms); resolves to how many. */
  pruneIdempotency(before: number): Promise<number>;
  /**
   * Forgets every kept response that names `customer` (their id as a JSON string), so an
   * erasure leaves nothing of theirs to replay; a retry of such a request is then answered
   * afresh. Resolves to how many.
   */
  forgetIdempotencyOf(customer: string): Promise<number>;
}

/** Whether `store` implements the idempotency port (the `Store` of `@goodfaith/store` does). */
export function hasIdempotency<T extends object>(store: T): store is T & IdempotencyStore {
  const s = store as Partial<Record<keyof IdempotencyStore, unknown>>;
  return (
    typeof s.claimIdempotency === "function" &&
    typeof s.completeIdempotency === "function" &&
    typeof s.releaseIdempotency === "function" &&
    typeof s.pruneIdempotency === "function" &&
    typeof s.forgetIdempotencyOf === "function"
  );
}
