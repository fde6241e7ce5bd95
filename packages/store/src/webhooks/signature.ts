/**
 * Webhook signatures, Stripe-style: `Goodfaith-Signature: t=<unix seconds>,v1=<hex>` where
 * the hex is HMAC-SHA256, keyed with the endpoint's secret, of `<t>.<raw body>`. Signing the
 * time with the body lets a receiver refuse a captured request replayed later.
 *
 * A receiver checks a request with `verifyWebhookSignature` on the body exactly as received
 * (before any JSON parsing), and answers 2xx only once it has stored the event:
 *
 * ```ts
 * const check = verifyWebhookSignature(rawBody, req.headers["goodfaith-signature"], secret);
 * if (!check.ok) return res.writeHead(400).end(check.reason);
 * ```
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying the signature. */
export const SIGNATURE_HEADER = "Goodfaith-Signature";

/** How old (or how far ahead) a signature's time may be by default: five minutes. */
export const DEFAULT_REPLAY_WINDOW_S = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body` signed with `secret` at `timestamp` (unix seconds). */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** Why a signature was refused. */
export type SignatureRefusal = "missing" | "malformed" | "outside_window" | "mismatch";

/** Options of `verifyWebhookSignature`. */
export interface VerifyOptions {
  /** Largest difference between the signature's time and now, seconds. @default 300 */
  readonly toleranceSeconds?: number;
  /** Now, unix seconds. @default the clock */
  readonly now?: number;
}

/**
 * Checks a `Goodfaith-Signature` header against the raw body and the endpoint's secret, in
 * constant time. Refuses a time outside the window (default 5 minutes either way), so a
 * captured request cannot be replayed later. Several `v1=` values (during a secret rotation)
 * pass if any matches.
 */
export function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
):
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: SignatureRefusal } {
  if (header === undefined || header === null || header === "")
    return { ok: false, reason: "missing" };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [name, value = ""] = part.trim().split("=", 2);
    if (name === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (name === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: "malformed" };
  const tolerance = options.toleranceSeconds ?? DEFAULT_REPLAY_WINDOW_S;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: "outside_window" };
  const expected = Buffer.from(hmac(secret, timestamp, body), "hex");
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}
