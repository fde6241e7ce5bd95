/**
 * The schema's history as an append-only registry: migrations run in this order, each once,
 * and a shipped migration is never edited or removed — a change is a new entry at the end.
 * Migrations see `Kysely<unknown>` because they must keep working as the schema moves on.
 */
import { type Kysely, sql } from "kysely";

/** Which SQL the migration writes for. */
export type DialectName = "sqlite" | "postgres";

/** One step of the schema's history. */
export interface Migration {
  /** Unique and stable; recorded in `goodfaith_migrations`. */
  readonly name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

async function initial(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("events")
    // On SQLite, exactly INTEGER PRIMARY KEY makes seq the rowid: no second index.
    .addColumn("seq", dialect === "postgres" ? "bigint" : "integer", (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("time_ms", "bigint", (c) => c.notNull())
    .addColumn("customer", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_time").on("events").columns(["time_ms", "seq"]).execute();

  await db.schema
    .createTable("checkpoints")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("remedies")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("promise", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount", "text")
    .addColumn("currency", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .addColumn("due_by_ms", "bigint")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at_ms", "bigint")
    .addColumn("last_error", "text")
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at_ms", "bigint")
    .addColumn("updated_at_ms", "bigint", (c) => c.notNull())
    .execute();
  // The outbox's query: due remedies by status and time.
  await db.schema
    .createIndex("remedies_due")
    .on("remedies")
    .columns(["status", "next_attempt_at_ms"])
    .execute();
  await db.schema.createIndex("remedies_at").on("remedies").columns(["at_ms", "key"]).execute();
  await db.schema
    .createIndex("remedies_customer")
    .on("remedies")
    .columns(["customer", "at_ms"])
    .execute();

  await db.schema
    .createTable("remedy_transitions")
    .$call((t) =>
      dialect === "postgres"
        ? t.addColumn("id", "bigserial", (c) => c.primaryKey())
        : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()),
    )
    .addColumn("key", "text", (c) => c.notNull().references("remedies.key"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .addColumn("reason", "text")
    .execute();
  await db.schema
    .createIndex("remedy_transitions_key")
    .on("remedy_transitions")
    .columns(["key", "id"])
    .execute();

  await db.schema
    .createTable("spend")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("promise", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_minor", "text", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("spend_customer")
    .on("spend")
    .columns(["promise", "customer", "currency", "at_ms"])
    .execute();

  await db.schema
    .createTable("spend_days")
    .addColumn("promise", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("day", "bigint", (c) => c.notNull())
    .addColumn("total_minor", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("spend_days_pk", ["promise", "currency", "day"])
    .execute();

  await db.schema
    .createTable("ledger_entries")
    .addColumn("chain", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("remedy_key", "text")
    .addColumn("customer_ref", "text")
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("amount", "text")
    .addColumn("currency", "text")
    .addColumn("facts", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ledger_entries_pk", ["chain", "seq"])
    .execute();
  // A remedy's or a customer's history in the ledger (timelines, erasure records).
  await db.schema
    .createIndex("ledger_entries_remedy")
    .on("ledger_entries")
    .column("remedy_key")
    .execute();
  await db.schema
    .createIndex("ledger_entries_customer")
    .on("ledger_entries")
    .column("customer_ref")
    .execute();

  await db.schema
    .createTable("customer_data")
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("purpose", "text")
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_data_pk", ["customer", "field"])
    .execute();
}

// The HTTP API's keys and the Stripe-style idempotency keys of its POSTs.
async function apiKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at_ms", "bigint", (c) => c.notNull())
    .addColumn("revoked_at_ms", "bigint")
    .execute();
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("created_at_ms", "bigint", (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("content_type", "text")
    .addColumn("body", "text")
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["owner", "key"])
    .execute();
  await db.schema
    .createIndex("idempotency_keys_created")
    .on("idempotency_keys")
    .column("created_at_ms")
    .execute();
}

// Webhooks out: registered endpoints, and the outbox of deliveries (one per event and endpoint).
async function webhooks(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("created_at_ms", "bigint", (c) => c.notNull())
    .addColumn("disabled_at_ms", "bigint")
    .execute();
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("endpoint_id", "text", (c) => c.notNull().references("webhook_endpoints.id"))
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at_ms", "bigint")
    .addColumn("last_error", "text")
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at_ms", "bigint")
    .addColumn("created_at_ms", "bigint", (c) => c.notNull())
    .addColumn("updated_at_ms", "bigint", (c) => c.notNull())
    .execute();
  // The delivery worker's query: due deliveries by status and time.
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at_ms"])
    .execute();
}

// Customer notices, one per remedy key; `erased` is 1 once their customer was erased.
async function notices(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable("notices")
    .$call((t) =>
      dialect === "postgres"
        ? t.addColumn("seq", "bigserial", (c) => c.primaryKey())
        : t.addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement()),
    )
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("promise", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("channel", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("at_ms", "bigint", (c) => c.notNull())
    .addColumn("erased", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // A customer's notices (timelines, erasure).
  await db.schema
    .createIndex("notices_customer")
    .on("notices")
    .columns(["customer", "seq"])
    .execute();
}

// The other system's id for an executed remedy (a refund id), shown with the remedy.
async function remedyReference(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("remedies").addColumn("reference", "text").execute();
}

// Headers an idempotent replay repeats with the kept response (its language, Vary, Location).
async function idempotencyHeaders(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("idempotency_keys").addColumn("headers", "text").execute();
}

// When a claim's attempt started: a takeover counts an attempt only for a claim that made one.
// A remedy executing when this runs may have been sent: it counts, as it did before.
async function attemptStarted(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("remedies").addColumn("attempt_started_at_ms", "bigint").execute();
  await sql`UPDATE remedies SET attempt_started_at_ms = claimed_at_ms WHERE status = 'executing'`.execute(
    db,
  );
}

// The promise sets adopted (the Bill of Rights in effect is the latest version), and each
// set's documents byte for byte, in the order the engine reads them.
async function promiseSets(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("promise_sets")
    .addColumn("version", "bigint", (c) => c.primaryKey())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("adopted_at_ms", "bigint", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("promise_set_documents")
    .addColumn("set_version", "bigint", (c) => c.notNull().references("promise_sets.version"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("company", "text")
    .addColumn("doc_version", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("promise_set_documents_pk", ["set_version", "position"])
    .execute();
}

// A checkpoint's parts after the first (the `checkpoints` row's `state`): a large engine state
// does not fit in one string (`Engine.snapshotParts`).
async function checkpointParts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("checkpoint_parts")
    .addColumn("name", "text", (c) => c.notNull().references("checkpoints.name"))
    .addColumn("part", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("checkpoint_parts_pk", ["name", "part"])
    .execute();
}

/** Every migration, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  { name: "0001-initial", up: initial },
  { name: "0002-api-keys", up: apiKeys },
  { name: "0003-webhooks", up: webhooks },
  { name: "0004-notices", up: notices },
  { name: "0005-remedy-reference", up: remedyReference },
  { name: "0006-idempotency-headers", up: idempotencyHeaders },
  { name: "0007-attempt-started", up: attemptStarted },
  { name: "0008-promise-sets", up: promiseSets },
  { name: "0009-checkpoint-parts", up: checkpointParts },
]);
