/** Verifying every ledger chain a store holds, entry by entry, in constant memory. */
import type { LedgerStore } from "@goodfaith/core";
import { type ChainFailure, ChainVerifier } from "../ledger/chain.js";
import type { ChainHead } from "../ledger/entry.js";

/** One chain that verified. */
export interface VerifiedChain {
  readonly chain: string;
  readonly count: number;
  readonly head: ChainHead | undefined;
}

/** Every chain verified, or the first entry (of the first failing chain) that does not match. */
export type LedgerVerdict =
  | { readonly ok: true; readonly chains: readonly VerifiedChain[] }
  | {
      readonly ok: false;
      readonly chain: string;
      readonly failure: ChainFailure;
      readonly chains: readonly VerifiedChain[];
    };

/** Re-computes every chain of `store` (in name order) and stops at the first mismatch. */
export async function verifyLedger(store: LedgerStore): Promise<LedgerVerdict> {
  const chains: VerifiedChain[] = [];
  for (const chain of await store.listLedgerChains()) {
    const verifier = new ChainVerifier({ chain });
    for await (const entry of store.readLedger(chain)) {
      const failure = verifier.push(entry);
      if (failure !== undefined) return { ok: false, chain, failure, chains };
    }
    chains.push({ chain, count: verifier.count, head: verifier.head });
  }
  return { ok: true, chains };
}
