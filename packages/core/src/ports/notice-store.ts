/**
 * The notice port: each remedy's notice recorded once (a replay or a retry never tells a
 * customer twice), listed for delivery and timelines, and erased with its customer.
 * Delivery itself (a file, webhooks) is not the store's business: it records what to send.
 */
import type { Notice, NoticeStatus } from "../notices/notice.js";

/** A recorded notice and where it is in the store's order. */
export interface StoredNotice extends Notice {
  /** Position in recording order, for paging (`after`). */
  readonly seq: number;
  /** True once its customer was erased: the text is gone, the fact that it existed stays. */
  readonly erased: boolean;
}

/** Which notices of a batch were new and which already existed (left as they were). */
export interface RecordNoticesResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/** Which notices to list; every given field must match. */
export interface NoticeFilter {
  readonly customer?: string;
  readonly status?: readonly NoticeStatus[];
}

/** A page of notices in recording order, and where the next page starts. */
export interface NoticePage {
  readonly notices: readonly StoredNotice[];
  readonly next?: number;
}

/** The notice store. Each method is atomic. */
export interface NoticeStore {
  /** Records notices; a key (the remedy's) already recorded is left untouched, whoever recorded it. */
  recordNotices(notices: readonly Notice[]): Promise<RecordNoticesResult>;
  /** A notice by its key (the remedy's key), or undefined. */
  getNotice(key: string): Promise<StoredNotice | undefined>;
  /** One page of notices matching `filter`; pass `next` back as `after` for the following page. */
  listNotices(
    filter?: NoticeFilter,
    page?: { readonly after?: number; readonly limit?: number },
  ): Promise<NoticePage>;
  /** Blanks the subject and body of every notice to `customer`; resolves to how many. */
  eraseCustomerNotices(customer: string): Promise<number>;
  /**
   * Makes a `held` notice (its remedy was waiting for a person) `ready` once the remedy is
   * approved; false when there is no held notice for `key` (none, sent already, or erased).
   */
  releaseHeldNotice(key: string): Promise<boolean>;
}

/** Whether `store` implements the notice port (the `Store` of `@goodfaith/store` does). */
export function hasNotices<T extends object>(store: T): store is T & NoticeStore {
  const s = store as Partial<Record<keyof NoticeStore, unknown>>;
  return (
    typeof s.recordNotices === "function" &&
    typeof s.getNotice === "function" &&
    typeof s.listNotices === "function" &&
    typeof s.eraseCustomerNotices === "function" &&
    typeof s.releaseHeldNotice === "function"
  );
}
