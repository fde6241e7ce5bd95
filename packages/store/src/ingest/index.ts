/**
 * Durable ingestion and the ledger operations built on the store: `Ingestor` (events →
 * engine → remedies → ledger, crash-safe), `verifyLedger`, `eraseCustomer`, `adoptPromises`.
 */
export {
  type AdoptPromisesOptions,
  type AdoptPromisesResult,
  adoptPromises,
  PROMISES_CHAIN,
} from "./adopt-promises.js";
export { appendLedgerDrafts } from "./append-ledger.js";
export {
  CUSTOMERS_CHAIN,
  type EraseCustomerOptions,
  type EraseResult,
  eraseCustomer,
} from "./erase-customer.js";
export {
  Ingestor,
  type IngestorOptions,
  type IngestRejection,
  type IngestResult,
  newRemedy,
  type OnCommitted,
  REMEDIES_CHAIN,
} from "./ingestor.js";
export { type IngestNoticeOptions, NoticeDesk, type OnNoticesCreated } from "./notice-desk.js";
export { type PersonalData, personalData, storePersonalData } from "./personal-data.js";
export { ledgerSecret, SYSTEM_CUSTOMER, storedLedgerSecret } from "./secret.js";
export {
  type CheckedCheckpoint,
  type LedgerVerdict,
  type VerifiedChain,
  type VerifyLedgerOptions,
  verifyLedger,
} from "./verify-ledger.js";
