/**
 * What an ingest call answers, and how one write of several callers' batches
 * (`Ingestor.ingestGroups`) is told back to each: every group gets the answer it would have
 * had written alone.
 */
import type { AppendRejection, AppendResult, Issue } from "@goodfaith/core";
import type { AcceptedEvent } from "./accepted-events.js";

/** An event of a batch that was not stored, with its position in the batch and why. */
export interface IngestRejection {
  readonly index: number;
  readonly issues: readonly Issue[];
}

/** What became of a batch. */
export interface IngestResult {
  /** Events new to the log, now durable. */
  readonly accepted: number;
  /** Events whose id the log already had (acknowledged, not stored twice). */
  readonly duplicates: number;
  readonly rejected: readonly IngestRejection[];
  /**
   * Remedies created by this batch's events, and ones re-derived that already existed (not
   * those of other writers' events, caught up first).
   */
  readonly remedies: { readonly created: number; readonly existing: number };
  /** Log position of the last accepted event, if any. */
  readonly lastSeq?: number;
}

/** The remedies a write recorded, by key, with the log position of the event behind each. */
export interface SettledRemedies {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  readonly seqOf: ReadonlyMap<string, number>;
}

export const NO_REMEDIES: SettledRemedies = { created: [], existing: [], seqOf: new Map() };

/**
 * Each group's result, for groups of `sizes` events given to the log one after the other as
 * one batch. Duplicates are what the log neither accepted nor refused: an id it had, or one an
 * earlier event of the batch (of this group or an earlier one) carried. Remedies count for the
 * group whose event produced them; those of events caught up from other writers count for none.
 */
export function groupResults(
  sizes: readonly number[],
  appended: AppendResult,
  accepted: readonly AcceptedEvent[],
  settled: SettledRemedies,
): IngestResult[] {
  const starts: number[] = [];
  const groupOf: number[] = [];
  sizes.forEach((size, group) => {
    starts.push(groupOf.length);
    for (let i = 0; i < size; i++) groupOf.push(group);
  });
  const own = sizes.map(() => ({ accepted: 0, lastSeq: 0, rejected: [] as IngestRejection[] }));
  const groupOfSeq = new Map<number, number>();
  for (const a of accepted) {
    const group = groupOf[a.index] ?? -1;
    const mine = own[group];
    if (mine === undefined) continue;
    mine.accepted++;
    mine.lastSeq = Math.max(mine.lastSeq, a.seq);
    groupOfSeq.set(a.seq, group);
  }
  for (const r of appended.rejected) {
    const group = groupOf[r.index] ?? -1;
    own[group]?.rejected.push(logRejection({ ...r, index: r.index - (starts[group] ?? 0) }));
  }
  const count = (keys: readonly string[]) => {
    const counts = sizes.map(() => 0);
    for (const key of keys) {
      const group = groupOfSeq.get(settled.seqOf.get(key) ?? -1);
      if (group !== undefined) counts[group] = (counts[group] ?? 0) + 1;
    }
    return counts;
  };
  const created = count(settled.created);
  const existing = count(settled.existing);
  return own.map((mine, group) => ({
    accepted: mine.accepted,
    duplicates: (sizes[group] ?? 0) - mine.accepted - mine.rejected.length,
    rejected: mine.rejected,
    remedies: { created: created[group] ?? 0, existing: existing[group] ?? 0 },
    ...(mine.accepted > 0 && { lastSeq: mine.lastSeq }),
  }));
}

function logRejection(r: AppendRejection): IngestRejection {
  return { index: r.index, issues: [{ code: r.code, messageKey: r.code, params: {}, path: [] }] };
}
