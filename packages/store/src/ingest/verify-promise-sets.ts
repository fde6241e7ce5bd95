/**
 * The store's promise sets compared with the `promises` chain. The chain vouches only for
 * itself (FORMAT.md §3): an operator who edits a stored document's text, or adds or deletes a
 * version, leaves it verifying. Version n must be the chain's n-th `promises.adopted` entry,
 * with the digest re-computed from its stored texts as `facts`, and the same time and actor;
 * every adoption the chain records must still have its version.
 */
import type { LedgerEntry, PromiseSetStore, PromiseSetVersion } from "@goodfaith/core";
import { promiseSetDigest } from "../promise-sets.js";
import { type LedgerComparison, ledgerComparison } from "./ledger-comparison.js";

/** Why a stored version and the ledger disagree. */
export type PromiseSetMismatchReason =
  | "unrecorded_version"
  | "texts_differ"
  | "digest_differs"
  | "adopted_at_differs"
  | "actor_differs"
  | "deleted_version";

/** One version on which the store and the ledger disagree. */
export interface PromiseSetMismatch {
  readonly reason: PromiseSetMismatchReason;
  readonly version: number;
  /** What the ledger says: a digest, an ISO 8601 time or an actor. */
  readonly expected?: string;
  /** What the store holds instead. */
  readonly found?: string;
}

/**
 * The promise sets compared with the ledger: every stored version, and every adoption on the
 * chain without one; those that disagree in version order.
 */
export type PromiseSetCheck = LedgerComparison<PromiseSetMismatch>;

/** The promise sets as the comparison reads them. */
export type PromiseSetTable = Pick<PromiseSetStore, "promiseSetHistory" | "promiseSet">;

// What the ledger says about one adoption.
interface Adoption {
  readonly at: number;
  readonly actor: string;
  readonly digest: string;
}

// A time edited into the table may be past what a Date can hold: then its number is shown.
const iso = (ms: number): string =>
  Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);

/** The promises chain, folded entry by entry into its adoptions, in order. */
export class PromiseSetLedger {
  readonly #adoptions: Adoption[] = [];
  #seq = 0;

  /** The seq of the last entry pushed. */
  get seq(): number {
    return this.#seq;
  }

  /** How many adoptions were pushed: the versions the ledger records. */
  get versions(): number {
    return this.#adoptions.length;
  }

  /** Takes the next entry of the chain into account. */
  push(entry: LedgerEntry): void {
    this.#seq = entry.seq;
    if (entry.kind !== "promises.adopted") return;
    this.#adoptions.push({ at: entry.at, actor: entry.actor, digest: entry.facts ?? "" });
  }

  /** The adoption of `version` (1-based: versions have no gaps), if the chain records one. */
  adoption(version: number): Adoption | undefined {
    return Number.isInteger(version) && version >= 1 ? this.#adoptions[version - 1] : undefined;
  }
}

/**
 * Compares every version `table` keeps with `ledger`, the promises chain read (and verified)
 * before the table: each version adopted by then was committed with its entry. `more(seq)`
 * reads the chain's entries after `seq`, to follow versions adopted while the table was read.
 * Reads each version's texts once, one version at a time; writes nothing.
 */
export async function comparePromiseSets(
  table: PromiseSetTable,
  ledger: PromiseSetLedger,
  more: (afterSeq: number) => AsyncIterable<LedgerEntry>,
): Promise<PromiseSetCheck> {
  const history = await table.promiseSetHistory();
  if (history.some((v) => v.version > ledger.versions)) {
    for await (const entry of more(ledger.seq)) ledger.push(entry);
  }
  const stored = new Map(history.map((v) => [v.version, v]));
  const versions = new Set(stored.keys());
  for (let v = 1; v <= ledger.versions; v++) versions.add(v);
  const mismatches: PromiseSetMismatch[] = [];
  for (const version of [...versions].sort((a, b) => a - b)) {
    const kept = stored.get(version);
    const adopted = ledger.adoption(version);
    const mismatch =
      kept === undefined
        ? { reason: "deleted_version" as const, version, expected: adopted?.digest ?? "" }
        : adopted === undefined
          ? { reason: "unrecorded_version" as const, version }
          : await differs(table, kept, adopted);
    if (mismatch !== undefined) mismatches.push(mismatch);
  }
  return ledgerComparison(versions.size, mismatches);
}

// How a stored version differs from its adoption: texts first, as they are what decides.
async function differs(
  table: PromiseSetTable,
  kept: PromiseSetVersion,
  adopted: Adoption,
): Promise<PromiseSetMismatch | undefined> {
  const { version } = kept;
  const expected = adopted.digest;
  const set = await table.promiseSet(version);
  // Versions are never deleted by the store: gone between the two reads means deleted by hand.
  if (set === undefined) return { reason: "deleted_version", version, expected };
  const found = promiseSetDigest(set.sources);
  if (found !== expected) return { reason: "texts_differ", version, expected, found };
  if (kept.digest !== expected) {
    return { reason: "digest_differs", version, expected, found: kept.digest };
  }
  if (kept.adoptedAt !== adopted.at) {
    const reason = "adopted_at_differs";
    return { reason, version, expected: iso(adopted.at), found: iso(kept.adoptedAt) };
  }
  if (kept.actor !== adopted.actor) {
    return { reason: "actor_differs", version, expected: adopted.actor, found: kept.actor };
  }
  return undefined;
}
