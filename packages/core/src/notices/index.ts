/**
 * Customer notices: a remedy tells its customer, first, in their language, what happened,
 * why, and what we did — when their consent and channels allow it.
 *
 * @example
 * ```ts
 * import { composeNotice, Engine, resolveNoticeOptions } from "@goodfaith/core";
 *
 * const options = resolveNoticeOptions({ requireConsent: false });
 * for (const outcome of engine.process(event)) {
 *   if (outcome.type !== "remedy") continue;
 *   const notice = composeNotice({ remedy: outcome, customer: engine.customer(outcome.customer) }, options);
 *   if (notice?.status === "ready") console.log(notice.channel, notice.subject, notice.body);
 * }
 * ```
 */
export type { NoticeCatalog, NoticePhrases, NoticeTemplate } from "./catalog.js";
export { GENERIC_TEMPLATE, NOTICE_CATALOGS, templateFor } from "./catalogs.js";
export { composeNotice, type NoticeInput } from "./compose.js";
export {
  type ContactDecision,
  contactFor,
  type NoticeOptions,
  type ResolvedNoticeOptions,
  resolveNoticeOptions,
} from "./contact.js";
export type {
  ContactChannel,
  Notice,
  NoticeCustomer,
  NoticeReason,
  NoticeStatus,
} from "./notice.js";
export { type RenderedNotice, renderNotice } from "./render.js";
