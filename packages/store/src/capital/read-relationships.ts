/**
 * What relationship capital needs from the store, in one pass over each: purchases from the
 * event log, and remedies from the remedy store as capital sees them.
 */
import type { GoodfaithEvent, RemedyCursor, Store, StoredRemedy } from "@goodfaith/core";
import { type Purchase, purchaseOf, type RemedyRecord } from "@goodfaith/measure";
import { remedySubject } from "../measure/remedy-facts.js";

/** Purchases and remedies from the store, and the time of its latest event. */
export interface RelationshipData {
  readonly purchases: readonly Purchase[];
  readonly remedies: readonly RemedyRecord[];
  /** Event time of the latest event, epoch ms; undefined for an empty log. */
  readonly lastEventTime?: number;
}

const PAGE = 1000;

/**
 * Reads the event log and every remedy. `onEvent` sees each event, so a caller can feed
 * other measures in the same pass.
 */
export async function readRelationships(
  store: Pick<Store, "readEvents" | "listRemedies">,
  onEvent?: (event: GoodfaithEvent) => void,
): Promise<RelationshipData> {
  const purchases: Purchase[] = [];
  let lastEventTime: number | undefined;
  for await (const { event } of store.readEvents()) {
    const time = Date.parse(event.time);
    if (lastEventTime === undefined || time > lastEventTime) lastEventTime = time;
    const purchase = purchaseOf(event);
    if (purchase) purchases.push(purchase);
    onEvent?.(event);
  }
  const remedies: RemedyRecord[] = [];
  let after: RemedyCursor | undefined;
  do {
    const page = await store.listRemedies({}, { limit: PAGE, ...(after && { after }) });
    for (const stored of page.remedies) remedies.push(remedyRecord(stored));
    after = page.next;
  } while (after);
  return { purchases, remedies, ...(lastEventTime !== undefined && { lastEventTime }) };
}

const WITHDRAWN = new Set(["rejected", "cancelled"]);

/**
 * A stored remedy as capital sees it. `executed`, `rejected` and `cancelled` are final, so
 * the latest move (`updatedAt`) is the one that got it there: no history lookup per remedy.
 */
export function remedyRecord(r: StoredRemedy): RemedyRecord {
  const subject = remedySubject(r);
  return {
    key: r.key,
    promise: r.promise,
    customer: r.customer,
    kind: r.kind,
    subject: `${subject.type}:${subject.id}`,
    at: r.at,
    ...(r.dueBy !== undefined && { dueBy: r.dueBy }),
    ...(r.status === "executed" && { executedAt: r.updatedAt }),
    withdrawn: WITHDRAWN.has(r.status),
  };
}
