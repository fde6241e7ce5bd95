/**
 * Adopting a set of promise documents: the store keeps them as the Bill of Rights in effect,
 * and the adoption is recorded in the ledger's `promises` chain, in the same transaction, with
 * the set's digest — so `ledger verify` covers which promises were in effect when.
 */
import type { AdoptPromiseSetResult, PromiseSetStore, PromiseSource } from "@goodfaith/core";
import { appendTo } from "../ledger/chain.js";

/** The chain adoptions are recorded in. */
export const PROMISES_CHAIN = "promises";

/** Options for `adoptPromises`. */
export interface AdoptPromisesOptions {
  /** Who adopted the set: `cli:ingest`, `cli:serve`. */
  readonly actor: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Makes `sources` (documents that loaded, in the order the engine reads them) the store's
 * current set: a new version with its `promises.adopted` entry, or nothing new when they are
 * the current set already.
 */
export function adoptPromises(
  store: PromiseSetStore,
  sources: readonly PromiseSource[],
  options: AdoptPromisesOptions,
): Promise<AdoptPromiseSetResult> {
  const at = (options.now ?? Date.now)();
  return store.adoptPromiseSet(
    { sources, at, actor: options.actor },
    {
      chain: PROMISES_CHAIN,
      entry: (adopted, head) =>
        appendTo(head, {
          chain: PROMISES_CHAIN,
          at: adopted.adoptedAt,
          kind: "promises.adopted",
          actor: adopted.actor,
          facts: adopted.digest,
        }),
    },
  );
}
