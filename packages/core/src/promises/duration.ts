/**
 * ISO 8601 durations as promises write them ("P14D", "PT2H", "P1DT12H", "P7D").
 * Months and years are refused on purpose: their length depends on the calendar, and a
 * promise's deadline must mean the same number of hours for every customer.
 */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Parses an ISO 8601 duration to milliseconds, or undefined when it is not one we accept. */
export function parseDuration(text: string): number | undefined {
  const match = PATTERN.exec(text);
  if (!match || text === "P" || text.endsWith("T")) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  return (
    Number(weeks ?? 0) * 7 * DAY +
    Number(days ?? 0) * DAY +
    Number(hours ?? 0) * HOUR +
    Number(minutes ?? 0) * MINUTE +
    Math.round(Number(seconds ?? 0) * 1000)
  );
}

/** Milliseconds in a day, hour and minute, for code that reasons in event time. */
export const MS = { minute: MINUTE, hour: HOUR, day: DAY } as const;
