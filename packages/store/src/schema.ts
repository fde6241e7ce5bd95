/**
 * The tables as Kysely sees them, after every migration. Times are epoch ms (BIGINT on
 * PostgreSQL, INTEGER on SQLite: both 64-bit); money is TEXT on both — decimal strings for
 * remedy amounts, minor-unit integer strings for spend — so no amount is ever a float and
 * arithmetic on it happens in bigint, in code, under the store's locks.
 */
import type { Generated } from "kysely";

export interface EventsTable {
  seq: number;
  id: string;
  type: string;
  time_ms: number;
  customer: string | null;
  /** The event as JSON, exactly as appended. */
  body: string;
}

export interface CheckpointsTable {
  name: string;
  seq: number;
  state: string;
}

/** A checkpoint's parts after the first, in order (`part` 1, 2, …). */
export interface CheckpointPartsTable {
  name: string;
  part: number;
  text: string;
}

export interface RemediesTable {
  key: string;
  promise: string;
  version: string;
  customer: string;
  kind: string;
  amount: string | null;
  currency: string | null;
  status: string;
  at_ms: number;
  due_by_ms: number | null;
  detail: string;
  seq: number;
  attempts: number;
  next_attempt_at_ms: number | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at_ms: number | null;
  updated_at_ms: number;
  /** The other system's id for the executed remedy (migration 0005). */
  reference: string | null;
  /** When the current claim's attempt started, if it did (migration 0007). */
  attempt_started_at_ms: number | null;
}

export interface RemedyTransitionsTable {
  id: Generated<number>;
  key: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  at_ms: number;
  reason: string | null;
}

export interface SpendTable {
  key: string;
  promise: string;
  customer: string;
  currency: string;
  amount_minor: string;
  at_ms: number;
}

export interface SpendDaysTable {
  promise: string;
  currency: string;
  day: number;
  total_minor: string;
}

/** One column per field of the ledger format; NULL is an absent optional field. */
export interface LedgerEntriesTable {
  chain: string;
  seq: number;
  at_ms: number;
  kind: string;
  remedy_key: string | null;
  customer_ref: string | null;
  actor: string;
  from_status: string | null;
  to_status: string | null;
  amount: string | null;
  currency: string | null;
  facts: string | null;
  prev_hash: string;
  hash: string;
}

export interface CustomerDataTable {
  customer: string;
  field: string;
  value: string;
  purpose: string | null;
  at_ms: number;
}

/** An HTTP API key: `hash` is the digest of the secret; `scopes` space-separated. */
export interface ApiKeysTable {
  id: string;
  name: string;
  scopes: string;
  hash: string;
  created_at_ms: number;
  revoked_at_ms: number | null;
}

/**
 * A claimed `Idempotency-Key`; `status` is NULL until its response is kept. `created_at_ms` is
 * when the current claim was made: a takeover of a stale claim renews it.
 */
export interface IdempotencyKeysTable {
  owner: string;
  key: string;
  fingerprint: string;
  created_at_ms: number;
  status: number | null;
  content_type: string | null;
  body: string | null;
  /** JSON object of the headers a replay repeats; null when there are none. */
  headers: string | null;
}

/** A webhook endpoint; `events` space-separated; `secret` signs its deliveries. */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  secret: string;
  events: string;
  created_at_ms: number;
  disabled_at_ms: number | null;
}

/** One event on its way to one endpoint; `body` is sent (and signed) verbatim every attempt. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at_ms: number | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at_ms: number | null;
  created_at_ms: number;
  updated_at_ms: number;
}

/** A customer notice (see the core's `Notice`); `erased` is 1 once its text was blanked. */
export interface NoticesTable {
  seq: Generated<number>;
  key: string;
  customer: string;
  promise: string;
  template: string;
  lang: string;
  status: string;
  reason: string | null;
  channel: string | null;
  subject: string;
  body: string;
  at_ms: number;
  erased: number;
}

/** An adopted promise set (migration 0008); the latest `version` is the one in effect. */
export interface PromiseSetsTable {
  version: number;
  /** See the core's `PromiseSetVersion.digest`. */
  digest: string;
  adopted_at_ms: number;
  actor: string;
}

/** One document of a promise set, at its `position` (0, 1…); `source` is its text as given. */
export interface PromiseSetDocumentsTable {
  set_version: number;
  position: number;
  file: string;
  company: string | null;
  doc_version: string | null;
  source: string;
}

export interface MigrationsTable {
  name: string;
  applied_at_ms: number;
}

/** Every table of the store. */
export interface Database {
  events: EventsTable;
  checkpoints: CheckpointsTable;
  checkpoint_parts: CheckpointPartsTable;
  remedies: RemediesTable;
  remedy_transitions: RemedyTransitionsTable;
  spend: SpendTable;
  spend_days: SpendDaysTable;
  ledger_entries: LedgerEntriesTable;
  customer_data: CustomerDataTable;
  goodfaith_migrations: MigrationsTable;
  api_keys: ApiKeysTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  notices: NoticesTable;
  promise_sets: PromiseSetsTable;
  promise_set_documents: PromiseSetDocumentsTable;
}
