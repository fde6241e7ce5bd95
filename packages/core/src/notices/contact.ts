/**
 * Whether and how we may contact a customer about a remedy: their consent for the purpose
 * and their channel preferences, checked before anything is written to them.
 */
import type { ContactChannel, NoticeCustomer, NoticeReason } from "./notice.js";

/** How notices are sent; see `resolveNoticeOptions`. */
export interface NoticeOptions {
  /**
   * The consent purpose notices are sent under.
   * @default "service_notices"
   */
  readonly purpose?: string;
  /**
   * Whether a customer must have granted the purpose (or a channel for it) to be told.
   * @default false — a notice about the customer's own remedy goes out unless they withdrew
   */
  readonly requireConsent?: boolean;
  /**
   * Channels in order of preference; a channel the customer granted for the purpose wins
   * over this order, and a withdrawn one is never used.
   * @default ["email", "push", "sms", "post"] — no phone calls for a notice
   */
  readonly channels?: readonly ContactChannel[];
}

/** Notice options with every default applied. */
export type ResolvedNoticeOptions = Readonly<Required<NoticeOptions>>;

/** Applies the defaults of `NoticeOptions`, once, outside the per-remedy path. */
export function resolveNoticeOptions(options: NoticeOptions = {}): ResolvedNoticeOptions {
  return Object.freeze({
    purpose: options.purpose ?? "service_notices",
    requireConsent: options.requireConsent ?? false,
    channels: Object.freeze([...(options.channels ?? ["email", "push", "sms", "post"])]),
  });
}

/** The channel to use, or why the customer may not be contacted. */
export type ContactDecision =
  | { readonly ok: true; readonly channel: ContactChannel }
  | { readonly ok: false; readonly reason: NoticeReason };

/**
 * Decides the channel for a customer. A withdrawn purpose wins over any channel granted for
 * it (the withdrawal is the customer's clearest word); a customer we know nothing about has
 * withdrawn nothing.
 */
export function contactFor(
  customer: NoticeCustomer | undefined,
  options: ResolvedNoticeOptions,
): ContactDecision {
  const consents = customer?.consents ?? {};
  const { purpose, channels } = options;
  if (consents[purpose] === false) return { ok: false, reason: "no_consent" };
  const granted = channels.find((c) => consents[`${purpose}:${c}`] === true);
  if (granted !== undefined) return { ok: true, channel: granted };
  if (options.requireConsent && consents[purpose] !== true) {
    return { ok: false, reason: "no_consent" };
  }
  const open = channels.find((c) => consents[`${purpose}:${c}`] !== false);
  return open === undefined ? { ok: false, reason: "no_channel" } : { ok: true, channel: open };
}
