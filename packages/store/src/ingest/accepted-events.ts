/**
 * Which events of a batch the log accepted, and at which positions: what the ingestor applies
 * once `appendEvents` has made them durable.
 */
import type { GoodfaithEvent, Store } from "@goodfaith/core";

/** An event of the batch the log accepted, with its position in the log and in the batch. */
export interface AcceptedEvent {
  readonly seq: number;
  readonly event: GoodfaithEvent;
  /** Its index in the batch given to `appendEvents`. */
  readonly index: number;
}

/**
 * The events of the batch the log accepted, with their positions. The log assigns
 * firstSeq..lastSeq in batch order; a repeated id is accepted at its first occurrence.
 */
export async function acceptedEvents(
  store: Store,
  events: readonly GoodfaithEvent[],
  appended: Awaited<ReturnType<Store["appendEvents"]>>,
): Promise<AcceptedEvent[]> {
  const first = appended.firstSeq;
  if (appended.accepted === 0 || first === undefined) return [];
  const refused = new Set(appended.rejected.map((r) => r.index));
  const dupes = new Map<string, number>();
  for (const id of appended.duplicates) dupes.set(id, (dupes.get(id) ?? 0) + 1);
  const occurrences = new Map<string, number>();
  events.forEach((e, i) => {
    if (!refused.has(i)) occurrences.set(e.id, (occurrences.get(e.id) ?? 0) + 1);
  });
  const out: AcceptedEvent[] = [];
  const taken = new Map<string, number>();
  events.forEach((event, index) => {
    if (refused.has(index)) return;
    const fresh = (occurrences.get(event.id) ?? 0) - (dupes.get(event.id) ?? 0);
    const n = taken.get(event.id) ?? 0;
    if (n >= fresh) return;
    taken.set(event.id, n + 1);
    out.push({ seq: first + out.length, event, index });
  });
  const consistent =
    out.length === appended.accepted && appended.lastSeq === first + appended.accepted - 1;
  if (consistent) return out;
  // Should not happen; the log itself is the truth, so read the batch back from it. An id is
  // owned by its first occurrence in the batch, as the log accepts it.
  const firstIndex = new Map<string, number>();
  events.forEach((e, i) => {
    if (!refused.has(i) && !firstIndex.has(e.id)) firstIndex.set(e.id, i);
  });
  const read: AcceptedEvent[] = [];
  for await (const logged of store.readEvents({ afterSeq: first - 1, limit: appended.accepted })) {
    const index = firstIndex.get(logged.event.id) ?? -1;
    read.push({ seq: logged.seq, event: logged.event, index });
  }
  return read;
}
