/**
 * Composing the notice of a remedy: the customer's language, their consent and channel,
 * then the text. Pure and deterministic: the same remedy and customer give the same notice.
 */
import type { Remedy } from "../engine/outcome.js";
import { negotiateLang } from "../i18n/lang.js";
import { contactFor, type ResolvedNoticeOptions, resolveNoticeOptions } from "./contact.js";
import type { Notice, NoticeCustomer } from "./notice.js";
import { renderNotice } from "./render.js";

const DEFAULTS = resolveNoticeOptions();

/** What a notice is composed from. */
export interface NoticeInput {
  readonly remedy: Remedy;
  /** The customer as we know them now; absent for a customer we know nothing about. */
  readonly customer?: NoticeCustomer | undefined;
  /** The customer asked to be forgotten: the notice is recorded as suppressed, with no text. */
  readonly erased?: boolean;
}

/**
 * The notice of a remedy whose promise names a notice key, or undefined when it names none.
 * Suppressed when the customer was erased or may not be contacted (with the reason); held
 * when the remedy waits for a person, because telling them it is done would not be true yet.
 */
export function composeNotice(
  input: NoticeInput,
  options: ResolvedNoticeOptions = DEFAULTS,
): Notice | undefined {
  const { remedy, customer } = input;
  if (remedy.notice === undefined) return undefined;
  const lang = negotiateLang(customer?.language ?? remedy.language);
  const base = { key: remedy.key, customer: remedy.customer, promise: remedy.promise, lang };
  if (input.erased) {
    return {
      ...base,
      template: remedy.notice,
      status: "suppressed",
      reason: "erased",
      subject: "",
      body: "",
      at: remedy.at,
    };
  }
  const contact = contactFor(customer, options);
  const text = renderNotice(remedy, lang, customer?.name, customer?.country);
  const decided = !contact.ok
    ? ({ status: "suppressed", reason: contact.reason } as const)
    : remedy.approval.required
      ? ({ status: "held", reason: "awaiting_approval", channel: contact.channel } as const)
      : ({ status: "ready", channel: contact.channel } as const);
  return { ...base, ...text, ...decided, at: remedy.at };
}
