/**
 * Naming one scorecard bucket in a single word, as the CLI and the API print and accept it:
 * `2026-11-02` (a day), `2026-W45` (an ISO week), `2026-11` (a month), `all`.
 */
import { type Period, periodStart } from "@goodfaith/measure";

const DAY = 86_400_000;

/** A bucket: its period and any instant in it (its start, for those `parseBucket` returns). */
export interface Bucket {
  readonly period: Period;
  readonly at: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// ISO 8601: week 1 is the week (from Monday) that holds 4 January.
const isoWeekOne = (year: number) => periodStart("week", Date.UTC(year, 0, 4));

/** The bucket a name denotes, or undefined if the name is not one. */
export function parseBucket(name: string): Bucket | undefined {
  if (name === "all") return { period: "all", at: 0 };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(name);
  if (m) {
    const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return bucketName("day", at) === name ? { period: "day", at } : undefined;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(name);
  if (m) {
    const at = isoWeekOne(Number(m[1])) + (Number(m[2]) - 1) * 7 * DAY;
    return bucketName("week", at) === name ? { period: "week", at } : undefined;
  }
  m = /^(\d{4})-(\d{2})$/.exec(name);
  if (m) {
    const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
    return bucketName("month", at) === name ? { period: "month", at } : undefined;
  }
  return undefined;
}

/** The name of the bucket of `period` that holds `time` (epoch ms, UTC). */
export function bucketName(period: Period, time: number): string {
  const date = new Date(periodStart(period, time));
  const year = date.getUTCFullYear();
  switch (period) {
    case "day":
      return date.toISOString().slice(0, 10);
    case "week": {
      // The ISO year of a week is the year of its Thursday.
      const thursday = new Date(date.getTime() + 3 * DAY).getUTCFullYear();
      const week = Math.floor((date.getTime() - isoWeekOne(thursday)) / (7 * DAY)) + 1;
      return `${thursday}-W${pad(week)}`;
    }
    case "month":
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case "all":
      return "all";
    default: {
      const never: never = period;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}
