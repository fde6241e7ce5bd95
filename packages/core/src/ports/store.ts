import type { CheckpointStore } from "./checkpoint-store.js";
import type { CustomerDataStore } from "./customer-data-store.js";
import type { EventLog } from "./event-log.js";
import type { LedgerStore } from "./ledger-store.js";
import type { PromiseSetStore } from "./promise-set-store.js";
import type { RemedyStore } from "./remedy-store.js";
import type { SpendStore } from "./spend-store.js";

/**
 * Everything Goodfaith keeps. Expected refusals (a duplicate, a moved status, an exceeded
 * budget) are values. A rejected promise means the storage failed — then nothing of that
 * call was written — or the caller broke a stated precondition (a bug: a malformed amount,
 * an empty ledger batch).
 */
export interface Store
  extends EventLog,
    CheckpointStore,
    RemedyStore,
    SpendStore,
    LedgerStore,
    CustomerDataStore,
    PromiseSetStore {
  /** Releases connections and files; the store cannot be used afterwards. */
  close(): Promise<void>;
}
