/**
 * @goodfaith/store — Goodfaith's durable store: the core's storage ports (`Store`) on SQLite
 * (embedded, one file, the default) and PostgreSQL (when one process is not enough), with
 * the same guarantees on both: an atomic, idempotent event log; remedies exactly once per
 * idempotency key; an outbox that never hands a remedy to two workers; budgets that two
 * workers cannot both overspend; linear ledger chains; erasable customer data.
 *
 * @example
 * ```ts
 * import { validateEvent } from "@goodfaith/core";
 * import { openStore } from "@goodfaith/store";
 *
 * const store = await openStore(); // .goodfaith/goodfaith.db; or openStore("postgres://…")
 * const checked = validateEvent({
 *   id: "e1", type: "order.delivered", time: "2026-11-06T12:30:00Z",
 *   customer: "c-42", data: { order: "o-7" },
 * });
 * if (checked.ok) {
 *   const result = await store.appendEvents([checked.value]);
 *   console.log(result.accepted, result.duplicates); // 1 [] the first time, 0 ["e1"] after
 * }
 * for await (const { seq, event } of store.readEvents({ afterSeq: 0 })) console.log(seq, event.id);
 * await store.close();
 * ```
 */

export type { Store } from "@goodfaith/core";
export * from "./capital/index.js";
export {
  type EventRowReader,
  type EventRowsQuery,
  openEventRows,
  type StoredEventRow,
} from "./event-rows.js";
export {
  type AdoptPromisesOptions,
  type AdoptPromisesResult,
  adoptPromises,
  appendLedgerDrafts,
  CUSTOMERS_CHAIN,
  type EraseCustomerOptions,
  type EraseResult,
  eraseCustomer,
  type IngestNoticeOptions,
  Ingestor,
  type IngestorOptions,
  type IngestRejection,
  type IngestResult,
  type LedgerVerdict,
  ledgerSecret,
  newRemedy,
  type OnCommitted,
  type OnNoticesCreated,
  PROMISES_CHAIN,
  REMEDIES_CHAIN,
  SYSTEM_CUSTOMER,
  storedLedgerSecret,
  type VerifiedChain,
  verifyLedger,
} from "./ingest/index.js";
// The ledger's pseudonyms (FORMAT.md §5): an auditor holding the secret can find a remedy's entries.
export { pseudonym } from "./ledger/pseudonym.js";
export * from "./measure/index.js";
export { noticeFileOutbox } from "./notice-outbox.js";
export {
  DEFAULT_STORE_PATH,
  isPostgresUrl,
  type OpenStoreOptions,
  openStore,
} from "./open-store.js";
export * from "./outbox-worker/index.js";
export { isStoreUnavailable } from "./store-unavailable.js";
export * from "./webhooks/index.js";
