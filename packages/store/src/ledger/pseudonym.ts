/**
 * Pseudonymous keys: how the ledger names a customer (or a remedy whose key embeds one)
 * without holding personal data.
 */
import { createHmac } from "node:crypto";

// Customer ids are often guessable ("c-1", an e-mail); below this a pseudonym could be
// reversed by trying ids, so a short secret is a configuration bug worth failing on.
const MIN_SECRET_BYTES = 16;

/**
 * HMAC-SHA256(secret, id) as 64 lowercase hex digits. The same id and secret always give the
 * same pseudonym, so entries about one customer can be found again while the id is known;
 * once the store erases the id, the chain alone no longer leads back to the person. For
 * stronger unlinkability use a per-customer secret and destroy it on erasure.
 */
export function pseudonym(secret: string | Uint8Array, id: string): string {
  const bytes = typeof secret === "string" ? Buffer.byteLength(secret, "utf8") : secret.byteLength;
  if (bytes < MIN_SECRET_BYTES) {
    throw new RangeError(`pseudonym: the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (id.length === 0) throw new RangeError("pseudonym: the id must not be empty");
  return createHmac("sha256", secret).update(id, "utf8").digest("hex");
}
