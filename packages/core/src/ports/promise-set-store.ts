/**
 * The promise set port: which Bill of Rights is in effect, and every set adopted before it.
 * A set is the promise documents as they were given — each file's text, byte for byte — so a
 * later process can load exactly what decided, and an auditor can read what was promised when.
 */
import type { LedgerEntry, LedgerHead } from "./ledger-store.js";

/** One promise document as it was given. */
export interface PromiseSource {
  /** Where it was read from, as given (e.g. `packs/retail/promises.yaml`). */
  readonly file: string;
  /** The document, exactly as read. */
  readonly text: string;
  /** The company the document names, if it loaded (for listings; not part of the digest). */
  readonly company?: string;
  /** The version the document declares, if it loaded (for listings; not part of the digest). */
  readonly version?: string;
}

/** A set to adopt: at least one document, in the order the engine reads them. */
export interface NewPromiseSet {
  readonly sources: readonly PromiseSource[];
  /** Epoch ms. */
  readonly at: number;
  /** Who adopted it: `cli:ingest`, `cli:serve`, `agent:a-17`. */
  readonly actor: string;
}

/** One adopted version, without its texts: what a history lists. */
export interface PromiseSetVersion {
  /** 1, 2, 3… in the order adopted, with no gaps. */
  readonly version: number;
  /**
   * Lowercase hex SHA-256 of the canonical JSON (RFC 8785) of the documents' texts as an
   * array, in the order given: file names do not count, so the same documents read from
   * another folder are the same set; their order does, as the engine reads them in order.
   */
  readonly digest: string;
  /** Epoch ms. */
  readonly adoptedAt: number;
  readonly actor: string;
  /** The documents, in order, without their texts. */
  readonly documents: readonly Omit<PromiseSource, "text">[];
}

/** An adopted version with its documents' texts. */
export interface PromiseSet extends PromiseSetVersion {
  readonly sources: readonly PromiseSource[];
}

/** What `adoptPromiseSet` did. */
export interface AdoptPromiseSetResult {
  /** False when the set was the current one already: nothing was written. */
  readonly adopted: boolean;
  /** The current version after the call: the new one, or the one it matched. */
  readonly set: PromiseSetVersion;
  /**
   * For a new version, the latest earlier one with the same texts: the set went back to it (a
   * rollback, perhaps unmeant: an old file given again), undoing the versions after it.
   */
  readonly repeats?: number;
}

/**
 * The ledger entry of an adoption, written in its transaction (like `LedgerFollowUp` for remedy
 * moves): an entry exists if and only if its version does.
 */
export interface PromiseSetFollowUp {
  readonly chain: string;
  /** The entry for `adopted`, linked after the chain's `head`. Pure and quick: the chain is held. */
  entry(adopted: PromiseSetVersion, head: LedgerHead | undefined): LedgerEntry;
}

/**
 * The promise set store. Each method is atomic. It keeps every version; it does not load or
 * check the documents (the caller adopts only documents that loaded).
 */
export interface PromiseSetStore {
  /**
   * Makes `set` the current one. When its digest is the current version's, nothing is written
   * and that version comes back; otherwise it becomes the next version, with `ledger`'s entry.
   * Concurrent adopters get distinct versions (or the same one, for the same set). An empty
   * set is a bug in the caller and rejects.
   */
  adoptPromiseSet(set: NewPromiseSet, ledger?: PromiseSetFollowUp): Promise<AdoptPromiseSetResult>;
  /** The given version with its texts, or the current one; undefined when there is none. */
  promiseSet(version?: number): Promise<PromiseSet | undefined>;
  /** Every version, oldest first, without the texts. */
  promiseSetHistory(): Promise<readonly PromiseSetVersion[]>;
  /**
   * The current version's number, reading nothing else (undefined when there is none): what a
   * long-running process polls to follow the set in effect. Versions only grow, so a number
   * other than the one a process decides with means another set was adopted since.
   */
  currentPromiseSetVersion(): Promise<number | undefined>;
}
