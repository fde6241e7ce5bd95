/**
 * The ledger port: append-only hash chains of remedy transitions, approvals, erasures,
 * checkpoints and adopted promise sets. The store does not hash (the ledger module does, over its documented
 * canonical encoding); it keeps each chain linear — every entry continues the head by
 * `seq + 1` and `prevHash` — so no two writers can fork a chain, and it gives every field
 * back exactly as stored, so verification can recompute every hash.
 */

/**
 * One link of a chain, field for field as the ledger format defines it (every field but
 * `hash` is covered by `hash`). No personal data: customers and remedy keys appear only as
 * pseudonyms, explanations only as digests.
 */
export interface LedgerEntry {
  readonly chain: string;
  /** Position in the chain: 1, 2, 3… with no gaps. */
  readonly seq: number;
  /** Epoch ms. */
  readonly at: number;
  /** What happened, e.g. `remedy.transition`, `customer.erased` (the ledger module's closed set). */
  readonly kind: string;
  readonly remedyKey?: string;
  readonly customerRef?: string;
  /** Who or what acted: `engine`, `agent:a-17`, `executor:webhook`. */
  readonly actor: string;
  readonly from?: string;
  readonly to?: string;
  /** A decimal string, present exactly when `currency` is. */
  readonly amount?: string;
  readonly currency?: string;
  /** Digest of the remedy's explanation. */
  readonly facts?: string;
  /** The previous entry's `hash` (the format's genesis value for seq 1). */
  readonly prevHash: string;
  readonly hash: string;
}

/** The last entry of a chain. */
export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
}

/** Appended (with the new head), or refused and nothing appended. */
export type LedgerAppendResult =
  | { readonly ok: true; readonly head: LedgerHead }
  /** The chain moved on since the caller read its head: re-read it, re-link, try again. */
  | { readonly ok: false; readonly code: "head_moved"; readonly head?: LedgerHead }
  /** Entry `index` of the batch is of another chain or does not follow the one before it. */
  | { readonly ok: false; readonly code: "not_linked"; readonly index: number };

/** Hash chains, appended one writer at a time per chain. */
export interface LedgerStore {
  /** Appends `entries` (at least one) if the first continues the chain's head and each the one before. */
  appendLedger(chain: string, entries: readonly LedgerEntry[]): Promise<LedgerAppendResult>;
  /** Streams a chain's entries in order, after `afterSeq` if given. */
  readLedger(chain: string, afterSeq?: number): AsyncIterable<LedgerEntry>;
  /** The last entry of a chain, or undefined while it is empty. */
  ledgerHead(chain: string): Promise<LedgerHead | undefined>;
  /** Every chain with at least one entry, in name order. */
  listLedgerChains(): Promise<readonly string[]>;
}
