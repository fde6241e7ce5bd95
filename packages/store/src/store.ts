/**
 * A `Store` from a backend: each port implemented by its own module over the same database.
 */
import type {
  ApiKeyStore,
  CustomerEventLog,
  IdempotencyStore,
  NoticeStore,
  Store,
  WebhookStore,
} from "@goodfaith/core";
import { createApiKeyStore } from "./api-keys.js";
import type { Backend } from "./backend.js";
import { createCheckpointStore } from "./checkpoints.js";
import { createCustomerDataStore } from "./customer-data.js";
import { createCustomerEventLog } from "./customer-events.js";
import { createEventLog } from "./event-log.js";
import { createIdempotencyStore } from "./idempotency.js";
import { createLedgerStore } from "./ledger-store.js";
import { createNoticeStore } from "./notices.js";
import { createPromiseSetStore } from "./promise-sets.js";
import { createRemedyStore } from "./remedies.js";
import { createSpendStore } from "./spend.js";
import { createWebhookStore } from "./webhooks/store.js";

/** Every port of the store over one (already migrated) backend. */
export function createStore(
  backend: Backend,
): Store & ApiKeyStore & IdempotencyStore & CustomerEventLog & WebhookStore & NoticeStore {
  const events = createEventLog(backend);
  const checkpoints = createCheckpointStore(backend);
  const remedies = createRemedyStore(backend);
  const spend = createSpendStore(backend);
  const ledger = createLedgerStore(backend);
  const customers = createCustomerDataStore(backend);
  const promiseSets = createPromiseSetStore(backend);
  let closed: Promise<void> | undefined;
  return {
    // The HTTP API's ports (see `hasApiKeys`, `hasIdempotency`, `hasCustomerEvents`): not part of `Store` yet.
    ...createApiKeyStore(backend),
    ...createIdempotencyStore(backend),
    ...createCustomerEventLog(backend),
    ...createWebhookStore(backend),
    ...createNoticeStore(backend),
    appendEvents: events.appendEvents,
    readEvents: events.readEvents,
    countEvents: events.countEvents,
    redactEvents: events.redactEvents,
    saveCheckpoint: checkpoints.saveCheckpoint,
    loadCheckpoint: checkpoints.loadCheckpoint,
    discardCheckpoint: checkpoints.discardCheckpoint,
    recordRemedies: remedies.recordRemedies,
    transition: remedies.transition,
    claimDue: remedies.claimDue,
    recordAttempt: remedies.recordAttempt,
    startAttempt: remedies.startAttempt,
    releaseClaims: remedies.releaseClaims,
    confirmLate: remedies.confirmLate,
    failLate: remedies.failLate,
    listRemedies: remedies.listRemedies,
    getRemedy: remedies.getRemedy,
    redactRemedies: remedies.redactRemedies,
    reserveSpend: spend.reserveSpend,
    releaseSpend: spend.releaseSpend,
    appendLedger: ledger.appendLedger,
    readLedger: ledger.readLedger,
    ledgerHead: ledger.ledgerHead,
    listLedgerChains: ledger.listLedgerChains,
    putCustomerData: customers.putCustomerData,
    getCustomerData: customers.getCustomerData,
    eraseCustomerData: customers.eraseCustomerData,
    adoptPromiseSet: promiseSets.adoptPromiseSet,
    promiseSet: promiseSets.promiseSet,
    promiseSetHistory: promiseSets.promiseSetHistory,
    currentPromiseSetVersion: promiseSets.currentPromiseSetVersion,
    ...(backend.scrub && { scrubErased: backend.scrub }),
    close() {
      // Closing twice is harmless: the second caller waits for the first.
      closed ??= backend.close();
      return closed;
    },
  };
}
