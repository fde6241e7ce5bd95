/**
 * The storage ports, in business words: what the core needs remembered, never how. Adapters
 * (`@goodfaith/store`: SQLite, PostgreSQL) implement them and pass one conformance suite.
 */
export {
  API_SCOPES,
  type ApiKeyRecord,
  type ApiKeyStore,
  type ApiScope,
  hasApiKeys,
  isApiScope,
  type NewApiKey,
} from "./api-key-store.js";
export { type Checkpoint, type CheckpointStore, checkpointParts } from "./checkpoint-store.js";
export type { CustomerDataItem, CustomerDataStore } from "./customer-data-store.js";
export {
  type CustomerEventLog,
  type CustomerEventsPage,
  hasCustomerEvents,
} from "./customer-events.js";
export type {
  AppendRejection,
  AppendResult,
  EventLog,
  LoggedEvent,
  ReadEventsQuery,
} from "./event-log.js";
export * from "./executor.js";
export {
  hasIdempotency,
  type IdempotencyClaim,
  type IdempotencyStore,
  type KeptResponse,
} from "./idempotency-store.js";
export type {
  LedgerAppendResult,
  LedgerEntry,
  LedgerHead,
  LedgerStore,
} from "./ledger-store.js";
export {
  hasNotices,
  type NoticeFilter,
  type NoticePage,
  type NoticeStore,
  type RecordNoticesResult,
  type StoredNotice,
} from "./notice-store.js";
export type {
  AdoptPromiseSetResult,
  NewPromiseSet,
  PromiseSet,
  PromiseSetFollowUp,
  PromiseSetStore,
  PromiseSetVersion,
  PromiseSource,
} from "./promise-set-store.js";
export {
  canTransition,
  type InitialRemedyStatus,
  isFinalStatus,
  MANUAL_TRANSITIONS,
  OUTBOX_TRANSITIONS,
  REMEDY_STATUSES,
  type RemedyStatus,
} from "./remedy-lifecycle.js";
export type {
  AttemptReport,
  AttemptResult,
  ClaimRequest,
  DecimalMoney,
  LateConfirmation,
  LateConfirmationResult,
  LateFailure,
  LateFailureResult,
  LedgerFollowUp,
  NewRemedy,
  NoticeFollowUp,
  RecordFollowUp,
  RecordRemediesResult,
  RemedyCursor,
  RemedyFilter,
  RemedyHistory,
  RemedyMove,
  RemedyPage,
  RemedyStore,
  RemedyTransition,
  StoredRemedy,
  TransitionRequest,
  TransitionResult,
} from "./remedy-store.js";
export type { SpendLimit, SpendRequest, SpendResult, SpendStore } from "./spend-store.js";
export type { Store } from "./store.js";
export {
  type ClaimedDelivery,
  type DeliveryFilter,
  type DeliveryReport,
  hasWebhooks,
  isWebhookEventType,
  type NewWebhookEndpoint,
  type NewWebhookEvent,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEventData,
  type WebhookEventType,
  type WebhookStore,
} from "./webhook-store.js";
