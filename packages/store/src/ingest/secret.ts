/**
 * The secret behind the ledger's pseudonyms. It must outlive every process (the same customer
 * must get the same pseudonym tomorrow) and stay outside the chain, so it is kept with the
 * store's customer data under a reserved id that `customer erase` refuses.
 */
import { randomBytes } from "node:crypto";
import type { CustomerDataStore } from "@goodfaith/core";

/** The reserved customer id that holds Goodfaith's own settings; never a real customer. */
export const SYSTEM_CUSTOMER = "goodfaith:system";
const FIELD = "ledger.secret";

/** The stored pseudonym secret, if one was ever stored: for readers, who must not write. */
export async function storedLedgerSecret(store: CustomerDataStore): Promise<string | undefined> {
  return (await store.getCustomerData(SYSTEM_CUSTOMER)).find((i) => i.field === FIELD)?.value;
}

/** The stored pseudonym secret, generated and stored on first use. */
export async function ledgerSecret(store: CustomerDataStore, now = Date.now()): Promise<string> {
  const found = await storedLedgerSecret(store);
  if (found !== undefined) return found;
  const value = randomBytes(32).toString("hex");
  await store.putCustomerData(SYSTEM_CUSTOMER, [
    { field: FIELD, value, purpose: "pseudonyms in the tamper-evident ledger", at: now },
  ]);
  // Two processes starting together may both generate one; the last write wins, so read back.
  const stored = (await store.getCustomerData(SYSTEM_CUSTOMER)).find((i) => i.field === FIELD);
  return stored?.value ?? value;
}
