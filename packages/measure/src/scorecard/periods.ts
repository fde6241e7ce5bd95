/** Calendar buckets in UTC: the day, the ISO week (from Monday) and the month a time falls in. */

const DAY = 86_400_000;

/** How figures are grouped in time; `all` is one bucket for all time. */
export const PERIODS = ["day", "week", "month", "all"] as const;

/** One of the time groupings. */
export type Period = (typeof PERIODS)[number];

/** The start (epoch ms, UTC) of the bucket of `period` that contains `time`; 0 for `all`. */
export function periodStart(period: Period, time: number): number {
  switch (period) {
    case "day":
      return Math.floor(time / DAY) * DAY;
    case "week": {
      const days = Math.floor(time / DAY);
      // 1970-01-01 was a Thursday: +3 makes Monday 0.
      const weekday = (((days + 3) % 7) + 7) % 7;
      return (days - weekday) * DAY;
    }
    case "month": {
      const date = new Date(time);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    case "all":
      return 0;
    default: {
      const never: never = period;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}
