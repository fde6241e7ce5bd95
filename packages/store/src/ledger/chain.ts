/**
 * The hash chain: appending entries and verifying a stored chain.
 *
 * Which entry verification names, precisely: entries are checked in order, and each entry's
 * checks run in this order — well-formed (`malformed`), same chain (`wrong_chain`), seq is
 * the previous + 1 (`sequence_gap`), prevHash is the previous entry's stored hash
 * (`broken_link`), stored hash is the hash of its own fields (`hash_mismatch`). So a change
 * to any single stored field of entry N — its hash and prevHash included — is reported at N:
 * the previous entry still passed, and N's own check of that field fails first. Only a
 * rewrite that also recomputes N's hash moves the failure to N+1 (`broken_link`); a rewrite
 * of the head entry itself needs a signed checkpoint to be caught.
 */
import { hashCanonicalEntry } from "./canonical.js";
import {
  type ChainHead,
  entryProblem,
  GENESIS_HASH,
  isCount,
  isHex64,
  type LedgerDraft,
  type LedgerEntry,
  type StoredEntry,
  type UnhashedEntry,
} from "./entry.js";

/** Lowercase hex SHA-256 of `canonicalEntry(entry)`. */
export function chainHash(entry: UnhashedEntry): string {
  return hashCanonicalEntry(entry);
}

// Copying only the format's fields drops any extra property a caller's object carries, so
// nothing outside the format (personal data included) can ride along into storage.
const OPTIONAL_FIELDS = ["remedyKey", "customerRef", "from", "to", "amount", "currency", "facts"];

/**
 * The entry that follows `head` (or starts the chain when `head` is undefined), with seq,
 * prevHash and hash filled in. Throws a RangeError for a malformed draft: that is a bug in
 * the caller, never a runtime condition.
 */
export function appendTo(head: ChainHead | undefined, draft: LedgerDraft): LedgerEntry {
  if (head !== undefined && !(isCount(head.seq) && head.seq >= 1 && isHex64(head.hash))) {
    throw new RangeError("appendTo: head must be { seq: integer ≥ 1, hash: 64 hex digits }");
  }
  const source = draft as unknown as Record<string, unknown>;
  const entry: Record<string, unknown> = {
    chain: draft.chain,
    seq: head === undefined ? 1 : head.seq + 1,
    at: draft.at,
    kind: draft.kind,
    actor: draft.actor,
  };
  for (const field of OPTIONAL_FIELDS) {
    if (source[field] !== undefined) entry[field] = source[field];
  }
  entry.prevHash = head === undefined ? GENESIS_HASH : head.hash;
  const unhashed = entry as unknown as UnhashedEntry;
  const problem = entryProblem(unhashed);
  if (problem !== undefined) {
    throw new RangeError(`appendTo: ${problem.field}: ${problem.message}`);
  }
  entry.hash = chainHash(unhashed);
  return entry as unknown as LedgerEntry;
}

/** Why a chain failed verification; see the module comment for which entry is named. */
export type ChainFailureReason =
  | "malformed"
  | "wrong_chain"
  | "sequence_gap"
  | "broken_link"
  | "hash_mismatch";

/** The first entry that does not match, as data. */
export interface ChainFailure {
  readonly ok: false;
  readonly reason: ChainFailureReason;
  /**
   * The seq the failing entry holds by its position (the previous seq + 1): its stored seq
   * unless the seq itself is wrong, in which case `found` has the stored one.
   */
  readonly at: number;
  /** For `malformed`: the offending field. */
  readonly field?: string;
  readonly expected?: string;
  readonly found?: string;
  /** English, for logs; render for people from `reason` and the fields above. */
  readonly message: string;
}

/** A chain that verified: how many entries were read, and the last one. */
export interface ChainSuccess {
  readonly ok: true;
  readonly count: number;
  readonly head: ChainHead | undefined;
}

export type ChainVerdict = ChainSuccess | ChainFailure;

export interface VerifyChainOptions {
  /** The chain every entry must belong to. @default the first entry's chain */
  readonly chain?: string;
  /** Resume after this entry (e.g. a verified checkpoint) instead of at seq 1. */
  readonly after?: ChainHead;
  readonly signal?: AbortSignal;
}

/**
 * Checks entries one at a time in chain order; the building block of `verifyChain` and of
 * checkpoint verification. Keeps only the previous head, so any chain length fits in memory.
 */
export class ChainVerifier {
  #chain: string | undefined;
  #seq: number;
  #hash: string;
  #count = 0;

  constructor(options: VerifyChainOptions = {}) {
    const { after } = options;
    if (after !== undefined && !(isCount(after.seq) && after.seq >= 1 && isHex64(after.hash))) {
      throw new RangeError("verifyChain: after must be { seq: integer ≥ 1, hash: 64 hex digits }");
    }
    this.#chain = options.chain;
    this.#seq = options.after?.seq ?? 0;
    this.#hash = options.after?.hash ?? GENESIS_HASH;
  }

  /** The last entry that verified, if any. */
  get head(): ChainHead | undefined {
    return this.#seq === 0 ? undefined : { seq: this.#seq, hash: this.#hash };
  }

  /** How many entries verified. */
  get count(): number {
    return this.#count;
  }

  /** Checks the next entry; `undefined` if it matches, the failure otherwise. */
  push(entry: StoredEntry): ChainFailure | undefined {
    const at = this.#seq + 1;
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      return fail("malformed", at, `${problem.field}: ${problem.message}`, {
        field: problem.field,
      });
    }
    if (!isHex64(entry.hash)) {
      return fail("malformed", at, "hash: must be 64 lowercase hex digits", { field: "hash" });
    }
    this.#chain ??= entry.chain;
    if (entry.chain !== this.#chain) {
      return fail("wrong_chain", at, "entry belongs to another chain", {
        expected: this.#chain,
        found: entry.chain,
      });
    }
    if (entry.seq !== at) {
      return fail("sequence_gap", at, `expected seq ${at}, found ${entry.seq}`, {
        expected: String(at),
        found: String(entry.seq),
      });
    }
    if (entry.prevHash !== this.#hash) {
      return fail("broken_link", at, "prevHash is not the previous entry's hash", {
        expected: this.#hash,
        found: entry.prevHash,
      });
    }
    const computed = chainHash(entry as LedgerEntry); // well formed: checked above
    if (computed !== entry.hash) {
      return fail("hash_mismatch", at, "hash does not match the entry's fields", {
        expected: computed,
        found: entry.hash,
      });
    }
    this.#seq = at;
    this.#hash = computed;
    this.#count++;
    return undefined;
  }
}

function fail(
  reason: ChainFailureReason,
  at: number,
  message: string,
  details: { field?: string; expected?: string; found?: string },
): ChainFailure {
  return { ok: false, reason, at, ...details, message: `seq ${at}: ${message}` };
}

// Abort is checked every so many entries: often enough to stop promptly, rarely enough to cost
// nothing measurable.
const ABORT_CHECK_EVERY = 4096;

/**
 * Feeds entries to `visit` in order until it returns true or the entries end. A sync source is
 * walked synchronously: `for await` would cost a microtask per entry. Breaking out of an async
 * source closes it (a database cursor is released).
 */
export async function scanEntries(
  entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>,
  visit: (entry: StoredEntry) => boolean,
  signal?: AbortSignal,
): Promise<void> {
  let n = 0;
  if (Symbol.iterator in entries) {
    for (const entry of entries) {
      if (++n % ABORT_CHECK_EVERY === 0) signal?.throwIfAborted();
      if (visit(entry)) return;
    }
  } else {
    for await (const entry of entries) {
      if (++n % ABORT_CHECK_EVERY === 0) signal?.throwIfAborted();
      if (visit(entry)) return;
    }
  }
  signal?.throwIfAborted();
}

/**
 * Re-computes a chain, in order, and names the first entry that does not match. Reads sync or
 * async iterables (a database cursor); an empty chain verifies with `head: undefined`.
 * Tampering is a result, not an exception: this throws only if `signal` aborts or the source
 * itself throws.
 */
export async function verifyChain(
  entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>,
  options: VerifyChainOptions = {},
): Promise<ChainVerdict> {
  const verifier = new ChainVerifier(options);
  let failure: ChainFailure | undefined;
  await scanEntries(
    entries,
    (entry) => {
      failure = verifier.push(entry);
      return failure !== undefined;
    },
    options.signal,
  );
  return failure ?? { ok: true, count: verifier.count, head: verifier.head };
}
