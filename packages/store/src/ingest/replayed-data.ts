/**
 * Personal data of events replayed from the log (on `open`, or catching up with another
 * writer): stored again, as a crash may have kept their writer from storing it, but never that
 * of a customer erased since.
 */
import type { GoodfaithEvent, Store } from "@goodfaith/core";
import { pseudonym } from "../ledger/pseudonym.js";
import { CUSTOMERS_CHAIN } from "./erase-customer.js";
import { personalData, storePersonalData } from "./personal-data.js";

/**
 * Stores the personal data of events replayed from the log, never that of a customer erased
 * since: only when they carry any, as finding the erased reads the customers chain.
 */
export async function storeReplayedData(
  store: Store,
  secret: string,
  replayed: readonly GoodfaithEvent[],
): Promise<void> {
  if (!replayed.some((e) => personalData(e) !== undefined)) return;
  const erased = await erasedRefs(store);
  await storePersonalData(store, replayed, (c) => erased.has(pseudonym(secret, c)));
}

/** Pseudonyms of the customers whose erasure the ledger records. */
export async function erasedRefs(store: Store): Promise<Set<string>> {
  const refs = new Set<string>();
  for await (const entry of store.readLedger(CUSTOMERS_CHAIN)) {
    if (entry.kind === "customer.erased" && entry.customerRef) refs.add(entry.customerRef);
  }
  return refs;
}
