/**
 * Adopting a set of promise documents: the store keeps them as the Bill of Rights in effect,
 * and the adoption is recorded in the ledger's `promises` chain, in the same transaction, with
 * the set's digest — so `ledger verify` covers which promises were in effect when.
 */
import {
  type AdoptPromiseSetResult,
  type DroppedPromises,
  droppedPromises,
  type PromiseDocument,
  type PromiseSetStore,
  type PromiseSource,
} from "@goodfaith/core";
import { appendTo } from "../ledger/chain.js";

/** The chain adoptions are recorded in. */
export const PROMISES_CHAIN = "promises";

/** Options for `adoptPromises`. */
export interface AdoptPromisesOptions {
  /** Who adopted the set: `cli:ingest`, `cli:serve`. */
  readonly actor: string;
  /** @default Date.now */
  readonly now?: () => number;
  /**
   * The documents `sources` compiled to: given, a new version says which promises of the one
   * it replaced it no longer keeps (`dropped`).
   */
  readonly documents?: readonly PromiseDocument[];
}

/** What `adoptPromises` did. */
export interface AdoptPromisesResult extends AdoptPromiseSetResult {
  /** A new version, `documents` given: the replaced version's promises it lacks. */
  readonly dropped?: DroppedPromises;
}

/**
 * Makes `sources` (documents that loaded, in the order the engine reads them) the store's
 * current set: a new version with its `promises.adopted` entry, or nothing new when they are
 * the current set already.
 */
export async function adoptPromises(
  store: PromiseSetStore,
  sources: readonly PromiseSource[],
  options: AdoptPromisesOptions,
): Promise<AdoptPromisesResult> {
  const at = (options.now ?? Date.now)();
  const result = await store.adoptPromiseSet(
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
  const { documents } = options;
  // Versions have no gaps: the one a new version replaced is the one before it, read only then.
  if (!result.adopted || documents === undefined || result.set.version === 1) return result;
  const replaced = await store.promiseSet(result.set.version - 1);
  const dropped = replaced && droppedPromises(replaced, documents);
  return dropped === undefined ? result : { ...result, dropped };
}
