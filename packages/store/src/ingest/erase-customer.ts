/**
 * Erasing a customer: their personal data goes, and the erasure itself is recorded in the
 * ledger under their pseudonym, so the chain still verifies and shows that it happened.
 */
import {
  checkpointParts,
  hasIdempotency,
  hasNotices,
  hasWebhooks,
  type LedgerHead,
  type NoticeStore,
  type Store,
} from "@goodfaith/core";
import { pseudonym } from "../ledger/pseudonym.js";
import { noticeEventId } from "../webhooks/events.js";
import { appendLedgerDrafts } from "./append-ledger.js";
import { redactPersonalData, redactRemedyDetail } from "./personal-data.js";
import { ledgerSecret, SYSTEM_CUSTOMER } from "./secret.js";

/** The chain erasures are recorded in. */
export const CUSTOMERS_CHAIN = "customers";

/** Options for `eraseCustomer`. */
export interface EraseCustomerOptions {
  /** Who asked for the erasure. @default "cli" */
  readonly actor?: string;
  /** The pseudonym secret. @default the store's own (see `ledgerSecret`) */
  readonly secret?: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/** What an erasure did. */
export type EraseResult =
  | {
      readonly ok: true;
      /** Items of personal data removed from the customer data store. */
      readonly erased: number;
      /** Logged events whose personal data was taken out (see `redactPersonalData`). */
      readonly redactedEvents: number;
      /** Remedies whose detail named a passenger, now without the name (see `redactRemedyDetail`). */
      readonly redactedRemedies: number;
      /** Notices to them whose subject and body were blanked (their name may be in them). */
      readonly erasedNotices: number;
      /**
       * Their notices' `notice.created` webhook events whose data (the whole notice) was
       * replaced by `{ notice: { key, status: "erased" } }`, in every delivery, sent or not.
       */
      readonly erasedWebhookEvents: number;
      /** Responses kept for Idempotency-Key replays that named them, now forgotten. */
      readonly forgottenReplays: number;
      readonly customerRef: string;
      readonly head: LedgerHead | undefined;
    }
  | { readonly ok: false; readonly code: "reserved_customer" };

/**
 * Erases `customer`'s personal data — from the customer data store, from the bodies of their
 * logged events, from their remedies (a passenger's name), from the text of the notices
 * written to them and the webhook events that announced them, from the responses kept for
 * Idempotency-Key replays, and from the engine's checkpoint (discarded if it holds anything of
 * theirs; the next ingest rebuilds it from the redacted log) — and appends a
 * `customer.erased` entry.
 * An ingestor already running keeps what it knows in memory until it is restarted.
 */
export async function eraseCustomer(
  store: Store,
  customer: string,
  options: EraseCustomerOptions = {},
): Promise<EraseResult> {
  if (customer === SYSTEM_CUSTOMER) return { ok: false, code: "reserved_customer" };
  const now = options.now ?? Date.now;
  const secret = options.secret ?? (await ledgerSecret(store, now()));
  const erased = await store.eraseCustomerData(customer);
  const redactedEvents = await store.redactEvents(customer, redactPersonalData);
  const redactedRemedies = await store.redactRemedies(customer, redactRemedyDetail);
  const notices = hasNotices(store) ? store : undefined;
  const erasedNotices = notices ? await notices.eraseCustomerNotices(customer) : 0;
  const erasedWebhookEvents =
    notices && hasWebhooks(store)
      ? await store.replaceWebhookEventData(
          (await noticeKeys(notices, customer)).map((key) => ({
            id: noticeEventId(key),
            data: { notice: { key, status: "erased" } },
          })),
        )
      : 0;
  // A kept response (an approved remedy's detail) may hold a passenger's name: a replay must
  // not hand it out again.
  const forgottenReplays = hasIdempotency(store) ? await store.forgetIdempotencyOf(customer) : 0;
  // The engine's checkpoint keeps profiles (a name, a language) from the events just redacted.
  const checkpoint = await store.loadCheckpoint();
  const named = JSON.stringify(customer);
  if (checkpoint && checkpointParts(checkpoint).some((part) => part.includes(named))) {
    await store.discardCheckpoint();
  }
  const customerRef = pseudonym(secret, customer);
  const head = await appendLedgerDrafts(store, CUSTOMERS_CHAIN, [
    {
      chain: CUSTOMERS_CHAIN,
      at: now(),
      kind: "customer.erased",
      actor: options.actor ?? "cli",
      customerRef,
    },
  ]);
  await store.scrubErased?.();
  return {
    ok: true,
    erased,
    redactedEvents,
    redactedRemedies,
    erasedNotices,
    erasedWebhookEvents,
    forgottenReplays,
    customerRef,
    head,
  };
}

// The keys of every notice to `customer`, erased ones too (their webhook events may remain).
async function noticeKeys(store: NoticeStore, customer: string): Promise<string[]> {
  const keys: string[] = [];
  let after: number | undefined;
  do {
    const page = await store.listNotices(
      { customer },
      { limit: 1000, ...(after !== undefined && { after }) },
    );
    keys.push(...page.notices.map((n) => n.key));
    after = page.next;
  } while (after !== undefined);
  return keys;
}
