/**
 * Recording an attempt that reached the other system, through a short store outage: the
 * payment is made, and only its record is missing. Given up, the remedy would be sent again
 * once its lease runs out (the same idempotency key, but a second request all the same).
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { AttemptReport, AttemptResult, LedgerFollowUp, Store } from "@goodfaith/core";
import { isStoreUnavailable } from "../store-unavailable.js";

// The first wait after a failed record, doubled after each, up to the last.
const FIRST_WAIT_MS = 100;
const LONGEST_WAIT_MS = 2000;

/**
 * `store.recordAttempt`, tried again while the store is unavailable until `leaseEnd` (epoch ms
 * by `now`) or `signal`; then the last error is thrown. Safe to repeat: a report carrying
 * `attemptStartedAt` is refused once a takeover started another attempt, and a record that
 * committed before its answer was lost is refused as no longer executing.
 */
export async function recordAttemptThroughOutage(
  store: Store,
  key: string,
  report: AttemptReport,
  ledger: LedgerFollowUp,
  leaseEnd: number,
  now: () => number,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return await store.recordAttempt(key, report, ledger);
    } catch (error) {
      if (!isStoreUnavailable(error) || signal?.aborted || now() + wait >= leaseEnd) throw error;
      await sleep(wait, undefined, signal === undefined ? {} : { signal }).catch(() => {});
    }
  }
}
