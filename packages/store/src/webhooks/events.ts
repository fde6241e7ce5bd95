/**
 * Webhook events from what happens: `enqueueWebhookEvent` for anything (a notice created…),
 * and `remedyEvents`, the events of remedy moves, enqueued in the moves' own transaction.
 */
import { randomBytes } from "node:crypto";
import type {
  LedgerFollowUp,
  NewWebhookEvent,
  Notice,
  RemedyMove,
  StoredRemedy,
  WebhookEventType,
  WebhookStore,
} from "@goodfaith/core";

/** A new, unique event id. */
export function newEventId(): string {
  return `evt_${randomBytes(12).toString("hex")}`;
}

/**
 * The id of the `notice.created` event of the notice `key`: the notice's own key, so a notice
 * is announced once however often it is recorded, and erasure finds its event.
 */
export function noticeEventId(key: string): string {
  return `notice:${key}`;
}

/**
 * The `notice.created` events of the notices ready to send among `notices` (held and
 * suppressed ones are not announced), each with the id `noticeEventId` gives.
 */
export function noticeEvents(notices: readonly Notice[]): NewWebhookEvent[] {
  return notices
    .filter((n) => n.status === "ready")
    .map((n) => ({
      id: noticeEventId(n.key),
      type: "notice.created",
      at: Date.parse(n.at),
      data: { notice: n },
    }));
}

/**
 * Enqueues one event of `type` with `data` for every active endpoint subscribed to it;
 * resolves to the event's id and how many deliveries it made. Pass `id` to make a retried
 * call harmless (the same id never enqueues twice).
 */
export async function enqueueWebhookEvent(
  store: WebhookStore,
  type: WebhookEventType,
  data: Readonly<Record<string, unknown>>,
  options: { readonly id?: string; readonly at?: number } = {},
): Promise<{ readonly id: string; readonly deliveries: number }> {
  const id = options.id ?? newEventId();
  const deliveries = await store.enqueueWebhookEvents([
    { id, type, at: options.at ?? Date.now(), data },
  ]);
  return { id, deliveries };
}

// The event a move makes, if any: a remedy recorded approved (auto-approved by its promise's
// governance) or approved by a person is an approval; a manual retry (dead → approved) is not.
function moveEvent(move: RemedyMove): WebhookEventType | undefined {
  switch (move.to) {
    case "approved":
      return move.from === undefined || move.from === "planned" || move.from === "awaiting_approval"
        ? "remedy.approved"
        : undefined;
    case "rejected":
      return "remedy.rejected";
    case "executed":
      return "remedy.executed";
    case "failed":
      return "remedy.failed";
    case "dead":
      return "remedy.dead";
    default:
      return undefined;
  }
}

/** A remedy as webhooks show it: who, what, how much, to which tenders (from its detail). */
export function remedyPayload(
  remedy: Pick<
    StoredRemedy,
    "key" | "promise" | "version" | "customer" | "kind" | "amount" | "detail" | "at"
  >,
): Record<string, unknown> {
  let detail: { split?: unknown; compensation?: unknown } = {};
  try {
    detail = JSON.parse(remedy.detail) ?? {};
  } catch {
    // Written by the store from JSON; without it the payload just has no tenders.
  }
  return {
    key: remedy.key,
    promise: remedy.promise,
    version: remedy.version,
    customer: remedy.customer,
    kind: remedy.kind,
    ...(remedy.amount && { amount: remedy.amount }),
    // The split over the customer's original payments, exact to the cent.
    ...(Array.isArray(detail.split) && { tenders: detail.split }),
    ...(typeof detail.compensation === "boolean" && { compensation: detail.compensation }),
    at: new Date(remedy.at).toISOString(),
  };
}

/** What a remedy event carries: the remedy as it is after the move, and the move. */
export function remedyEventData(remedy: StoredRemedy, move: RemedyMove): Record<string, unknown> {
  return {
    remedy: {
      ...remedyPayload(remedy),
      status: remedy.status,
      attempts: remedy.attempts,
      // The payment system's own id for what it did, once the remedy is executed.
      ...(remedy.reference !== undefined && { reference: remedy.reference }),
      ...(remedy.lastError !== undefined && { lastError: remedy.lastError }),
      ...(remedy.nextAttemptAt !== undefined &&
        remedy.status === "failed" && {
          nextAttemptAt: new Date(remedy.nextAttemptAt).toISOString(),
        }),
    },
    ...(move.from !== undefined && { from: move.from }),
    to: move.to,
  };
}

/** The events of `moves` at `at` (see `LedgerFollowUp.events`). */
export function remedyEvents(
  at: number,
): (moves: readonly RemedyMove[], remedies: readonly StoredRemedy[]) => NewWebhookEvent[] {
  return (moves, remedies) => {
    const byKey = new Map(remedies.map((r) => [r.key, r]));
    return moves.flatMap((move) => {
      const type = moveEvent(move);
      const remedy = byKey.get(move.key);
      if (type === undefined || remedy === undefined) return [];
      return [{ id: newEventId(), type, at, data: remedyEventData(remedy, move) }];
    });
  };
}

/** `followUp` that also enqueues the webhook events of its moves, in the same transaction. */
export function withRemedyEvents(followUp: LedgerFollowUp, at: number): LedgerFollowUp {
  return { ...followUp, events: remedyEvents(at) };
}
