/**
 * The decisions people make on a remedy awaiting approval: approve or reject, each move
 * committed with its ledger entry and webhook event; an approval also releases the notice that
 * was held back while the remedy waited.
 */
import {
  hasNotices,
  hasWebhooks,
  type RemedyStatus,
  type Store,
  type TransitionResult,
} from "@goodfaith/core";
import { ledgerSecret } from "../ingest/secret.js";
import { noticeEventId, withRemedyEvents } from "../webhooks/events.js";
import type { RetryOptions } from "./retry-remedy.js";
import { movesOnLedger } from "./run-outbox.js";

// The notice of a remedy that waited for a person was held back ("we are refunding" was not yet
// true); approval makes it ready and announces it like any other (same event id, so once).
async function releaseNotice(store: Store, key: string, at: number): Promise<void> {
  if (!hasNotices(store) || !(await store.releaseHeldNotice(key))) return;
  if (!hasWebhooks(store)) return;
  const notice = await store.getNotice(key);
  if (notice === undefined) return;
  const { seq: _seq, erased: _erased, ...shown } = notice;
  await store.enqueueWebhookEvents([
    { id: noticeEventId(key), type: "notice.created", at, data: { notice: shown } },
  ]);
}

/** A decision a person (or a service) makes on a remedy awaiting approval. */
export type Decision = "approve" | "reject";

const DECIDED: Readonly<Record<Decision, { from: RemedyStatus[]; to: RemedyStatus }>> = {
  approve: { from: ["planned", "awaiting_approval"], to: "approved" },
  reject: { from: ["awaiting_approval"], to: "rejected" },
};

/**
 * Approves or rejects remedy `key` as `actor` (a person's or a service's id, never a
 * customer's); the move and its `remedy.approved` / `remedy.rejected` ledger entry commit
 * together. A rejection gives back what was counted against caps and budgets for the remedy.
 * A refusal (`status_mismatch`, `unknown_remedy`) changes nothing and writes no entry.
 */
export async function decideRemedy(
  store: Store,
  key: string,
  decision: Decision,
  actor: string,
  at: number,
  options: RetryOptions = {},
): Promise<TransitionResult> {
  if (actor.length === 0) throw new RangeError("decideRemedy: actor must not be empty");
  const { from, to } = DECIDED[decision];
  const secret = options.secret ?? (await ledgerSecret(store));
  const kind = decision === "approve" ? "remedy.approved" : "remedy.rejected";
  const result = await store.transition(
    key,
    { from, to, actor, at, ...(options.reason !== undefined && { reason: options.reason }) },
    withRemedyEvents(movesOnLedger(secret, actor, at, kind), at),
  );
  if (result.ok && decision === "reject") await store.releaseSpend(key);
  if (result.ok && decision === "approve") await releaseNotice(store, key, at);
  return result;
}
