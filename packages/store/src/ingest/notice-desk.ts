/**
 * The ingestor's notices: each remedy whose promise names a notice key gets one, composed
 * when the engine grants it (so consent and language are those of that moment in the stream,
 * whatever the batch boundaries), recorded with the batch's remedies, and announced once.
 */
import {
  composeNotice,
  hasNotices,
  type Notice,
  type NoticeCustomer,
  type NoticeFollowUp,
  type NoticeOptions,
  type RecordNoticesResult,
  type Remedy,
  type ResolvedNoticeOptions,
  resolveNoticeOptions,
  type Store,
} from "@goodfaith/core";
import { pseudonym } from "../ledger/pseudonym.js";
import { noticeEvents } from "../webhooks/events.js";

/**
 * The `notice.created` hook: called with the notices a batch created (every status; a
 * suppressed one must not be sent), after they are recorded. Never called twice for a notice
 * by the same store; a crash between recording and the call loses the call, not the notice.
 */
export type OnNoticesCreated = (notices: readonly Notice[]) => void | Promise<void>;

/** What `Ingestor.open` takes about notices. */
export interface IngestNoticeOptions extends NoticeOptions {
  readonly onCreated?: OnNoticesCreated;
}

/** Collects a batch's notices for the remedies' transaction; one per ingestor. */
export class NoticeDesk {
  readonly #options: ResolvedNoticeOptions;
  readonly #onCreated: OnNoticesCreated | undefined;
  readonly #secret: string;
  readonly #erased: ReadonlySet<string>;
  #pending: Notice[] = [];

  private constructor(secret: string, erased: ReadonlySet<string>, options: IngestNoticeOptions) {
    this.#secret = secret;
    this.#erased = erased;
    this.#options = resolveNoticeOptions(options);
    this.#onCreated = options.onCreated;
  }

  /**
   * A desk for `store`, or undefined when the store keeps no notices. `erased` reads the
   * pseudonyms of the customers erased so far (read once: an erasure while the ingestor runs
   * takes effect at its next open, as for the rest of what it keeps in memory).
   */
  static async open(
    store: Store,
    secret: string,
    erased: (store: Store) => Promise<ReadonlySet<string>>,
    options: IngestNoticeOptions = {},
  ): Promise<NoticeDesk | undefined> {
    if (!hasNotices(store)) return undefined;
    return new NoticeDesk(secret, await erased(store), options);
  }

  /** Composes the notice of a remedy just granted, with the customer as the engine knows them now. */
  take(remedy: Remedy, customer: NoticeCustomer | undefined): void {
    if (remedy.notice === undefined) return;
    const erased =
      this.#erased.size > 0 && this.#erased.has(pseudonym(this.#secret, remedy.customer));
    const notice = composeNotice({ remedy, customer, erased }, this.#options);
    if (notice) this.#pending.push(notice);
  }

  /**
   * Holds back the notices of `keys`, remedies that a limit counted in the store (see
   * spend.ts) sent to a person after the engine had granted them: "we are refunding" is not
   * yet true. A held notice is released when the remedy is approved.
   */
  hold(keys: ReadonlySet<string>): void {
    if (keys.size === 0) return;
    this.#pending = this.#pending.map((n) =>
      keys.has(n.key) && n.status === "ready"
        ? { ...n, status: "held", reason: "awaiting_approval" }
        : n,
    );
  }

  /**
   * The notices taken since the last `settle`, to be written in the transaction of their
   * remedies (`RecordFollowUp.notices`) with their `notice.created` webhook events; undefined
   * when there are none.
   */
  followUp(): NoticeFollowUp | undefined {
    return this.#pending.length > 0 ? { notices: this.#pending, events: noticeEvents } : undefined;
  }

  /**
   * After the remedies' transaction committed: `recorded` is what became of `followUp()`'s
   * notices there, and the hook is called with the new ones.
   */
  async settle(recorded: RecordNoticesResult | undefined): Promise<void> {
    const pending = this.#pending;
    if (pending.length === 0) return;
    // The desk exists only for a store that keeps notices, and such a store writes them with
    // their remedies (`RecordFollowUp`): without a report they were not recorded at all.
    if (recorded === undefined) {
      throw new Error("the store keeps notices but did not record them with their remedies");
    }
    this.#pending = [];
    if (recorded.created.length === 0 || !this.#onCreated) return;
    const fresh = new Set(recorded.created);
    await this.#onCreated(pending.filter((n) => fresh.has(n.key)));
  }
}
