/**
 * Verifying every ledger chain a store holds, entry by entry, in constant memory; optionally
 * signing each verified head (a checkpoint), checking checkpoints taken earlier, and comparing
 * the remedies table with the remedies chain and the promise sets with the promises chain.
 */
import type { KeyObject } from "node:crypto";
import type { LedgerEntry, LedgerStore } from "@goodfaith/core";
import { type ChainFailure, ChainVerifier } from "../ledger/chain.js";
import {
  type CheckpointVerdict,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from "../ledger/checkpoint.js";
import type { ChainHead } from "../ledger/entry.js";
import { PROMISES_CHAIN } from "./adopt-promises.js";
import { REMEDIES_CHAIN } from "./ingestor.js";
import {
  comparePromiseSets,
  type PromiseSetCheck,
  PromiseSetLedger,
  type PromiseSetTable,
} from "./verify-promise-sets.js";
import {
  compareRemedies,
  type RemedyCheck,
  RemedyLedger,
  type RemedyTable,
} from "./verify-remedies.js";

/** One chain that verified. */
export interface VerifiedChain {
  readonly chain: string;
  readonly count: number;
  readonly head: ChainHead | undefined;
  /** The verified head, signed, when `sign` was given and the chain is not empty. */
  readonly checkpoint?: SignedCheckpoint;
}

/** What became of one checkpoint given in `checkpoints`. */
export interface CheckedCheckpoint {
  readonly chain: string;
  readonly seq: number;
  readonly verdict: CheckpointVerdict;
}

/**
 * Every chain verified, or the first entry (of the first failing chain) that does not match.
 * `ok` is about the chains alone; each given checkpoint has its own verdict in `checkpoints`
 * (a chain rewritten from some entry on, hashes recomputed, verifies — only a checkpoint
 * taken before catches it), and so have the remedies table in `remedies` and the promise sets
 * in `promiseSets`, compared only when every chain verified.
 */
export type LedgerVerdict = (
  | { readonly ok: true; readonly chains: readonly VerifiedChain[] }
  | {
      readonly ok: false;
      readonly chain: string;
      readonly failure: ChainFailure;
      readonly chains: readonly VerifiedChain[];
    }
) & {
  readonly checkpoints?: readonly CheckedCheckpoint[];
  readonly remedies?: RemedyCheck;
  readonly promiseSets?: PromiseSetCheck;
};

/** Options for `verifyLedger`. */
export interface VerifyLedgerOptions {
  /** Sign the head of every chain that verified, with this Ed25519 private key (PEM or KeyObject). */
  readonly sign?: { readonly privateKey: string | KeyObject; readonly at?: number };
  /** Checkpoints to check against the chains (signature, then the entry at their seq). */
  readonly checkpoints?: readonly SignedCheckpoint[];
  /** Public keys a checkpoint's signer must be one of; without it any signer is accepted. */
  readonly trustedKeys?: readonly (string | KeyObject)[];
  /**
   * Compare this remedies table with the remedies chain once every chain verified, naming
   * remedies by the pseudonyms `secret` gives (the store's `ledgerSecret`).
   */
  readonly remedies?: { readonly table: RemedyTable; readonly secret: string };
  /** Compare the promise sets `table` keeps with the promises chain once every chain verified. */
  readonly promiseSets?: { readonly table: PromiseSetTable };
}

/** Re-computes every chain of `store` (in name order) and stops at the first mismatch. */
export async function verifyLedger(
  store: LedgerStore,
  options: VerifyLedgerOptions = {},
): Promise<LedgerVerdict> {
  const checkpoints = options.checkpoints && (await checkAll(store, options));
  const extra = checkpoints === undefined ? {} : { checkpoints };
  const chains: VerifiedChain[] = [];
  // Folded in the same pass that verifies the chain, so it is read once.
  const remedies = new RemedyLedger();
  const promises = new PromiseSetLedger();
  const folds = new Map<string, { push(entry: LedgerEntry): void }>([
    ...(options.remedies ? [[REMEDIES_CHAIN, remedies] as const] : []),
    ...(options.promiseSets ? [[PROMISES_CHAIN, promises] as const] : []),
  ]);
  for (const chain of await store.listLedgerChains()) {
    const verifier = new ChainVerifier({ chain });
    const fold = folds.get(chain);
    for await (const entry of store.readLedger(chain)) {
      const failure = verifier.push(entry);
      if (failure !== undefined) return { ok: false, chain, failure, chains, ...extra };
      fold?.push(entry);
    }
    const head = verifier.head;
    const signed =
      options.sign !== undefined && head !== undefined
        ? signCheckpoint(
            { chain, seq: head.seq, headHash: head.hash, at: options.sign.at ?? Date.now() },
            options.sign.privateKey,
          )
        : undefined;
    chains.push({ chain, count: verifier.count, head, ...(signed && { checkpoint: signed }) });
  }
  // Entries after the verified head only follow what moved (or was adopted) during the
  // comparison; anyone who can write the tables could append those anyway (they verify next time).
  const more = (chain: string) => (after: number) => store.readLedger(chain, after);
  const { remedies: r, promiseSets: p } = options;
  return {
    ok: true,
    chains,
    ...extra,
    ...(r && {
      remedies: await compareRemedies(r.table, r.secret, remedies, more(REMEDIES_CHAIN)),
    }),
    ...(p && { promiseSets: await comparePromiseSets(p.table, promises, more(PROMISES_CHAIN)) }),
  };
}

async function checkAll(
  store: LedgerStore,
  options: VerifyLedgerOptions,
): Promise<CheckedCheckpoint[]> {
  const out: CheckedCheckpoint[] = [];
  for (const checkpoint of options.checkpoints ?? []) {
    const chain = typeof checkpoint?.chain === "string" ? checkpoint.chain : "";
    const verdict = await verifyCheckpoint(
      checkpoint,
      chain === "" ? undefined : store.readLedger(chain),
      options.trustedKeys === undefined ? {} : { trustedKeys: options.trustedKeys },
    );
    out.push({ chain, seq: Number(checkpoint?.seq), verdict });
  }
  return out;
}
