/**
 * The ingestor's notices: each remedy whose promise names a notice key gets one, composed
 * when the engine grants it (so consent and language are those of that moment in the stream,
 * whatever the batch boundaries), recorded after the batch's remedies, and announced once.
 */
import {
  composeNotice,
  hasNotices,
  hasWebhooks,
  type Notice,
  type NoticeCustomer,
  type NoticeOptions,
  type NoticeStore,
  type Remedy,
  type ResolvedNoticeOptions,
  resolveNoticeOptions,
  type Store,
} from "@goodfaith/core";
import { pseudonym } from "../ledger/pseudonym.js";
import { noticeEventId } from "../webhooks/events.js";

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

/** Collects a batch's notices and records them; one per ingestor. */
export class NoticeDesk {
  readonly #store: NoticeStore;
  readonly #options: ResolvedNoticeOptions;
  readonly #onCreated: OnNoticesCreated | undefined;
  readonly #secret: string;
  readonly #erased: ReadonlySet<string>;
  #pending: Notice[] = [];

  private constructor(
    store: NoticeStore,
    secret: string,
    erased: ReadonlySet<string>,
    options: IngestNoticeOptions,
  ) {
    this.#store = store;
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
    return new NoticeDesk(store, secret, await erased(store), options);
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
   * Records the notices taken since the last call, enqueues a `notice.created` webhook event
   * for each one ready to send (when the store delivers webhooks), and calls the hook with
   * the new ones.
   */
  async settle(): Promise<void> {
    const pending = this.#pending;
    if (pending.length === 0) return;
    const { created } = await this.#store.recordNotices(pending);
    this.#pending = [];
    await this.#announce(pending);
    if (created.length === 0 || !this.#onCreated) return;
    const fresh = new Set(created);
    await this.#onCreated(pending.filter((n) => fresh.has(n.key)));
  }

  // The event id is the notice's own key, and enqueueing an id twice adds nothing: so a
  // replay after a crash between recording and enqueueing announces each notice exactly once.
  async #announce(notices: readonly Notice[]): Promise<void> {
    const store = this.#store as NoticeStore & object;
    if (!hasWebhooks(store)) return;
    const ready = notices.filter((n) => n.status === "ready");
    if (ready.length === 0) return;
    await store.enqueueWebhookEvents(
      ready.map((n) => ({
        id: noticeEventId(n.key),
        type: "notice.created",
        at: Date.parse(n.at),
        data: { notice: n },
      })),
    );
  }
}
