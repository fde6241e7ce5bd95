/**
 * A ledger entry: one remedy transition, approval, erasure, checkpoint or adopted promise set,
 * chained by hash.
 *
 * Personal data never enters an entry. Customers and remedy keys appear only as pseudonyms
 * (HMAC-SHA256, see `pseudonym`), explanations only as digests (see `digestJson`). Erasing a
 * customer elsewhere therefore changes no stored byte of the chain, and it still verifies.
 * That is also why `remedyKey` must be a pseudonym: the engine's idempotency keys can embed
 * customer and passenger ids (`outage:o-1:customer:c-7`).
 */

/**
 * The closed set of entry kinds. Verifiers reject any other kind as malformed, so a typo or
 * an injected kind cannot hide; adding one means updating FORMAT.md and every verifier.
 */
export const LEDGER_KINDS = [
  /** The engine planned a remedy: amount and currency (if monetary) and the facts digest. */
  "remedy.planned",
  /** Any lifecycle move of a remedy, `from` → `to` (executing, executed, failed, cancelled…). */
  "remedy.transition",
  /** A person or policy approved a remedy that was awaiting approval. */
  "remedy.approved",
  /** A person or policy rejected a remedy that was awaiting approval. */
  "remedy.rejected",
  /** A customer's personal data was erased outside the chain; `customerRef` says whose. */
  "customer.erased",
  /** A signed checkpoint was taken; `facts` is the digest of the signed checkpoint. */
  "checkpoint",
  /** A set of promise documents became the one in effect; `facts` is the set's digest. */
  "promises.adopted",
] as const;

/** One of `LEDGER_KINDS`. */
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One stored entry of a hash chain; every field is covered by `hash` except `hash` itself. */
export interface LedgerEntry {
  /** Which chain this entry belongs to; appends are serialized per chain. */
  readonly chain: string;
  /** 1-based and consecutive within a chain. */
  readonly seq: number;
  /** When, in epoch milliseconds (a non-negative integer); not required to be monotonic. */
  readonly at: number;
  readonly kind: LedgerKind;
  /** `pseudonym(secret, remedy idempotency key)`: 64 lowercase hex digits. */
  readonly remedyKey?: string;
  /** `pseudonym(secret, customer id)`: 64 lowercase hex digits. */
  readonly customerRef?: string;
  /** Who or what acted: "engine", "agent:a-17", "executor:webhook". Never a customer. */
  readonly actor: string;
  /** The remedy state before a transition. */
  readonly from?: string;
  /** The remedy state after a transition. */
  readonly to?: string;
  /** A decimal string ("12.50"); present exactly when `currency` is. */
  readonly amount?: string;
  /** ISO 4217 or "PTS" for loyalty points. */
  readonly currency?: string;
  /** `digestJson(explanation)`: SHA-256 of the canonical JSON, 64 lowercase hex digits. */
  readonly facts?: string;
  /** The previous entry's `hash`; `GENESIS_HASH` for seq 1. */
  readonly prevHash: string;
  /** Lowercase hex SHA-256 of `canonicalEntry(this without hash)`. */
  readonly hash: string;
}

/** An entry before its hash is computed: what `canonicalEntry` encodes. */
export type UnhashedEntry = Omit<LedgerEntry, "hash">;

/**
 * An entry as read back from storage, before verification: `kind` is any string there, and
 * the verifier, not the type, decides whether it is one of `LEDGER_KINDS`.
 */
export type StoredEntry = Omit<LedgerEntry, "kind"> & { readonly kind: string };

/** What a caller appends: the chain fills `seq`, `prevHash` and `hash`. */
export type LedgerDraft = Omit<LedgerEntry, "seq" | "prevHash" | "hash">;

/** The last entry of a chain, enough to append the next one or resume verification. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The `prevHash` of the first entry of every chain: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

/** A located reason why an entry is not a well-formed ledger entry. */
export interface EntryProblem {
  readonly field: keyof LedgerEntry | "entry";
  readonly message: string;
}

const DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
// Lone surrogates would be replaced by U+FFFD in UTF-8, so two different strings would
// encode (and hash) the same; with the `u` flag \p{Cs} matches only unpaired ones.
const LONE_SURROGATE = /\p{Cs}/u;
const KINDS: ReadonlySet<string> = new Set(LEDGER_KINDS);

/** True for 64 lowercase hex digits: a SHA-256 hash, digest or pseudonym. */
export function isHex64(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 64) return false;
  // A loop, not /^[0-9a-f]{64}$/: the regex was a fifth of append and verify time.
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** True for a non-negative safe integer, the only numbers the canonical encoding accepts. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** True for a string that encodes to UTF-8 without loss. */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

function isText(value: unknown): boolean {
  return typeof value === "string" && value.length > 0 && isWellFormed(value);
}

const problem = (field: EntryProblem["field"], message: string): EntryProblem => ({
  field,
  message,
});

/**
 * The first rule an unhashed entry breaks, or `undefined` if it is well formed. Reads the
 * value defensively: entries come back from storage, where anything may have happened.
 */
export function entryProblem(entry: Omit<StoredEntry, "hash">): EntryProblem | undefined {
  if (typeof entry !== "object" || entry === null) return problem("entry", "must be an object");
  const e = entry as unknown as Record<string, unknown>;
  if (!isText(e.chain)) return problem("chain", "must be a non-empty, well-formed string");
  if (!isCount(e.seq)) return problem("seq", "must be a non-negative integer");
  if (!isCount(e.at)) return problem("at", "must be a non-negative integer (epoch ms)");
  if (typeof e.kind !== "string" || !KINDS.has(e.kind)) return problem("kind", "unknown kind");
  if (!isText(e.actor)) return problem("actor", "must be a non-empty, well-formed string");
  for (const field of ["remedyKey", "customerRef", "facts"] as const) {
    if (e[field] !== undefined && !isHex64(e[field])) {
      return problem(field, "must be 64 lowercase hex digits (a pseudonym or digest)");
    }
  }
  for (const field of ["from", "to"] as const) {
    if (e[field] !== undefined && !isText(e[field])) {
      return problem(field, "must be a non-empty, well-formed string");
    }
  }
  if (e.amount !== undefined && !(typeof e.amount === "string" && DECIMAL.test(e.amount))) {
    return problem("amount", "must be a decimal string such as 12.50");
  }
  if (e.currency !== undefined && !(typeof e.currency === "string" && CURRENCY.test(e.currency))) {
    return problem("currency", "must be three capital letters (ISO 4217 or PTS)");
  }
  if ((e.amount === undefined) !== (e.currency === undefined)) {
    return problem(e.amount === undefined ? "amount" : "currency", "amount needs a currency");
  }
  if (!isHex64(e.prevHash)) return problem("prevHash", "must be 64 lowercase hex digits");
  return kindProblem(entry as UnhashedEntry);
}

// What each kind must carry, so an entry cannot lose the field that gives it meaning.
function kindProblem(e: UnhashedEntry): EntryProblem | undefined {
  switch (e.kind) {
    case "remedy.transition":
      if (e.from === undefined) return problem("from", "a transition needs from");
      if (e.to === undefined) return problem("to", "a transition needs to");
      return e.remedyKey === undefined
        ? problem("remedyKey", "a remedy entry needs it")
        : undefined;
    case "remedy.planned":
    case "remedy.approved":
    case "remedy.rejected":
      return e.remedyKey === undefined
        ? problem("remedyKey", "a remedy entry needs it")
        : undefined;
    case "customer.erased":
      return e.customerRef === undefined
        ? problem("customerRef", "an erasure needs it")
        : undefined;
    case "checkpoint":
      return e.facts === undefined ? problem("facts", "a checkpoint needs its digest") : undefined;
    case "promises.adopted":
      return e.facts === undefined
        ? problem("facts", "an adoption needs the set's digest")
        : undefined;
    default: {
      const unreachable: never = e.kind;
      return problem("kind", `unknown kind ${String(unreachable)}`);
    }
  }
}
