/**
 * Appending drafts to a ledger chain through the store: link them to the current head, and
 * when another writer moved the head first, re-read it and link again.
 */
import type { LedgerHead, LedgerStore } from "@goodfaith/core";
import { appendTo } from "../ledger/chain.js";
import type { LedgerDraft, LedgerEntry } from "../ledger/entry.js";

// Each retry follows another writer's successful append, so this many means something is wrong.
const MAX_ATTEMPTS = 1000;

/** `drafts` as entries, each continuing the one before, the first continuing `head`. */
export function linkDrafts(
  head: LedgerHead | undefined,
  drafts: readonly LedgerDraft[],
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let last = head;
  for (const draft of drafts) {
    const entry = appendTo(last, draft);
    entries.push(entry);
    last = entry;
  }
  return entries;
}

/** Appends `drafts` (all of one chain) atomically after the chain's head; resolves to the new head. */
export async function appendLedgerDrafts(
  store: LedgerStore,
  chain: string,
  drafts: readonly LedgerDraft[],
): Promise<LedgerHead | undefined> {
  if (drafts.length === 0) return store.ledgerHead(chain);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const entries = linkDrafts(await store.ledgerHead(chain), drafts);
    const result = await store.appendLedger(chain, entries);
    if (result.ok) return result.head;
    if (result.code !== "head_moved") {
      throw new Error(`appendLedger refused a linked batch: entry ${result.index} not linked`);
    }
  }
  throw new Error(`ledger chain "${chain}": head kept moving after ${MAX_ATTEMPTS} attempts`);
}
