/**
 * A notice: what we tell a customer about a remedy, before they have to ask — or, when we
 * may not contact them, the record that we did not and why.
 */
import type { CONSENT_CHANNELS } from "../events/customer-data.js";
import type { Lang } from "../i18n/lang.js";

/** A channel a customer can be contacted on (the channels of `consent.changed`). */
export type ContactChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * Where a notice stands. `ready`: to be delivered. `held`: written, but not to be sent until
 * what it describes is done (the remedy waits for a person). `suppressed`: never sent.
 */
export type NoticeStatus = "ready" | "held" | "suppressed";

/**
 * Why a notice is not `ready`. `erased`: the customer asked to be forgotten. `no_consent`:
 * they withdrew (or never gave, where it is required) consent for the purpose. `no_channel`:
 * every channel is withdrawn for it. `awaiting_approval`: the remedy waits for a person.
 */
export type NoticeReason = "erased" | "no_consent" | "no_channel" | "awaiting_approval";

/** A notice for one remedy; at most one per remedy, so its key is the remedy's key. */
export interface Notice {
  readonly key: string;
  readonly customer: string;
  readonly promise: string;
  /** The promise's notice key, e.g. `airline.delay-refund` (the template used, or the fallback). */
  readonly template: string;
  readonly lang: Lang;
  readonly status: NoticeStatus;
  readonly reason?: NoticeReason;
  /** The channel to use; absent when the notice is suppressed. */
  readonly channel?: ContactChannel;
  /** Empty for an erased customer: nothing about them is written. */
  readonly subject: string;
  readonly body: string;
  /** Event time of the remedy's incident, RFC 3339. */
  readonly at: string;
}

/** What a notice needs to know of its customer (the engine's customer record fits). */
export interface NoticeCustomer {
  readonly language?: string | undefined;
  readonly name?: string | undefined;
  /** ISO 3166 country: the time zones a deadline is dated for (see `renderNotice`). */
  readonly country?: string | undefined;
  /** Consent by purpose (`service_notices`) and by purpose and channel (`service_notices:email`). */
  readonly consents: Readonly<Record<string, boolean>>;
}
