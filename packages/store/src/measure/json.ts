/** The scorecard and the journey as JSON, the same for the CLI's `--json` and the API. */
import type { JourneySnapshot, Period, ScorecardRow } from "@goodfaith/measure";
import { bucketName } from "./bucket.js";

/** A scorecard row with its bucket's name (`2026-W45`), as the CLI and the API print it. */
export type ScorecardRowJson = ScorecardRow & { readonly bucket: string };

/** The bucket name of a row whose `start` is `YYYY-MM-DD` (null for all time). */
export const rowBucket = (period: Period, start: string | null): string =>
  start === null ? "all" : bucketName(period, Date.parse(`${start}T00:00:00Z`));

/** Rows with their bucket names. */
export function scorecardRowsJson(rows: readonly ScorecardRow[]): ScorecardRowJson[] {
  return rows.map((row) => ({ bucket: rowBucket(row.period, row.start), ...row }));
}

/** A journey snapshot with `at` as RFC 3339 (null before the first event), as printed and served. */
export function journeyJson(snapshot: JourneySnapshot): Omit<JourneySnapshot, "at"> & {
  readonly at: string | null;
} {
  const at = Number.isFinite(snapshot.at) ? new Date(snapshot.at).toISOString() : null;
  return { ...snapshot, at };
}
