/**
 * What comparing a store's own tables with a ledger chain found: the shape `verifyLedger`
 * reports the remedies (`verify-remedies.ts`) and the promise sets (`verify-promise-sets.ts`)
 * in.
 */

/** A table compared with its chain: `ok` when they agree on everything compared. */
export interface LedgerComparison<M> {
  readonly ok: boolean;
  /** How many things were compared. */
  readonly checked: number;
  /** How many disagree. */
  readonly mismatched: number;
  /** The first few that disagree, in the order found. */
  readonly mismatches: readonly M[];
}

// Enough to act on; the count says how many more there are.
const REPORTED = 10;

/** The comparison of `checked` things, of which `mismatches` disagree. */
export function ledgerComparison<M>(
  checked: number,
  mismatches: readonly M[],
): LedgerComparison<M> {
  return {
    ok: mismatches.length === 0,
    checked,
    mismatched: mismatches.length,
    mismatches: mismatches.slice(0, REPORTED),
  };
}
