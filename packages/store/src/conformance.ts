/**
 * The store conformance suite, written once: every adapter must pass it unchanged. It
 * registers vitest tests, so call it at the top level of a test file with a target that
 * makes fresh databases (the caller brings vitest and fast-check as its dev dependencies):
 *
 * ```ts
 * import { describeStoreConformance } from "@goodfaith/store/conformance";
 * describeStoreConformance({ name: "SQLite", fresh: async () => ({ open, failInsertOfEvent, dispose }) });
 * ```
 */
import { describe, expect, it } from "vitest";
import { apiKeyConformance } from "./conformance/api-keys.js";
import { customerEventsConformance } from "./conformance/customer-events.js";
import { eventLogConformance } from "./conformance/event-log.js";
import { events } from "./conformance/fixtures.js";
import type { ConformanceTarget } from "./conformance/harness.js";
import { lateConfirmationConformance } from "./conformance/late-confirmation.js";
import { lateFailureConformance } from "./conformance/late-failure.js";
import { ledgerConformance } from "./conformance/ledger.js";
import { noticeFollowUpConformance } from "./conformance/notice-follow-up.js";
import { noticeConformance } from "./conformance/notices.js";
import { outboxConformance } from "./conformance/outbox.js";
import { promiseSetConformance } from "./conformance/promise-sets.js";
import { releaseClaimsConformance } from "./conformance/release-claims.js";
import { remedyConformance } from "./conformance/remedies.js";
import { spendConformance } from "./conformance/spend.js";
import { webhookConformance } from "./conformance/webhooks.js";

export type {
  ConformanceTarget,
  StoreContext,
  TestDatabase,
} from "./conformance/harness.js";

/** Registers the whole conformance suite for `target` under a describe block named after it. */
export function describeStoreConformance(target: ConformanceTarget): void {
  describe(`store conformance: ${target.name}`, () => {
    it("opens a fresh database from several processes at once (migrations run once)", async () => {
      const database = await target.fresh();
      try {
        const stores = await Promise.all([database.open(), database.open(), database.open()]);
        try {
          await stores[0]?.appendEvents(events("e", 2));
          for (const store of stores) expect(await store.countEvents()).toBe(2);
        } finally {
          for (const store of stores) await store.close();
        }
      } finally {
        await database.dispose();
      }
    });
    eventLogConformance(target);
    remedyConformance(target);
    outboxConformance(target);
    releaseClaimsConformance(target);
    lateConfirmationConformance(target);
    lateFailureConformance(target);
    spendConformance(target);
    ledgerConformance(target);
    apiKeyConformance(target);
    customerEventsConformance(target);
    webhookConformance(target);
    noticeConformance(target);
    noticeFollowUpConformance(target);
    promiseSetConformance(target);
  });
}
