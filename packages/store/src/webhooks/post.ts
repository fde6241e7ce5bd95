/** One signed POST, as both the delivery worker and the webhook executor send it. */
import { SIGNATURE_HEADER, signWebhook } from "./signature.js";

/** The `fetch` the senders use: the global one, or a test's. */
export type Fetch = typeof globalThis.fetch;

/** What came back: an HTTP answer, or no answer at all (refused, reset, timed out). */
export type PostResult =
  | { readonly ok: true; readonly status: number; readonly text: string }
  | { readonly ok: false; readonly error: string };

/** A signed request. */
export interface SignedPost {
  readonly url: string;
  readonly body: string;
  readonly secret: string;
  /** Epoch ms; the signature carries it in seconds. */
  readonly now: number;
  readonly timeoutMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** POSTs `post.body` as JSON with a `Goodfaith-Signature`; never throws. */
export async function postSigned(fetch: Fetch, post: SignedPost): Promise<PostResult> {
  try {
    const res = await fetch(post.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Goodfaith-Webhooks/1",
        [SIGNATURE_HEADER]: signWebhook(post.body, post.secret, Math.floor(post.now / 1000)),
        ...post.headers,
      },
      body: post.body,
      signal: AbortSignal.timeout(post.timeoutMs),
      redirect: "manual",
    });
    // Read (at most a little of) the answer, so the connection is released.
    const text = (await res.text()).slice(0, 4096);
    return { ok: true, status: res.status, text };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: cause?.message ? `${message}: ${cause.message}` : message };
  }
}

/** How a failed answer reads in `lastError`: the status and the start of the body. */
export function describeAnswer(status: number, text: string): string {
  const snippet = text.replace(/\s+/g, " ").trim().slice(0, 200);
  return snippet === "" ? `HTTP ${status}` : `HTTP ${status}: ${snippet}`;
}
