// A reporting period: whole UTC days, both ends included.
import { formatDay, parseIsoDate } from "../dates.js";

const DAY_MS = 86_400_000;

/** A period of whole UTC days, `from` and `to` (`YYYY-MM-DD`) both included. */
export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
}

/** The first and last instants of a period, epoch ms ([start, end)). */
export function periodBounds(p: ReportPeriod): { readonly start: number; readonly end: number } {
  const from = parseIsoDate(p.from);
  const to = parseIsoDate(p.to);
  if (from === undefined || to === undefined || to < from) {
    throw new RangeError(`not a period: ${p.from}..${p.to}`);
  }
  return { start: from * DAY_MS, end: (to + 1) * DAY_MS };
}

/** The day before the period: the history "at its start" includes that day and no later. */
export const dayBefore = (p: ReportPeriod): string =>
  formatDay((parseIsoDate(p.from) as number) - 1);

/**
 * Parses `YYYY-MM` (that month) or `YYYY-MM-DD..YYYY-MM-DD`; undefined when it is neither
 * (or the end is before the start).
 */
export function parsePeriod(text: string): ReportPeriod | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const first = parseIsoDate(`${text}-01`);
    if (first === undefined) return undefined;
    const [year, m] = [Number(month[1]), Number(month[2])];
    const next = parseIsoDate(
      m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, "0")}-01`,
    );
    return next === undefined ? undefined : { from: formatDay(first), to: formatDay(next - 1) };
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!range) return undefined;
  const [from, to] = [parseIsoDate(range[1] as string), parseIsoDate(range[2] as string)];
  if (from === undefined || to === undefined || to < from) return undefined;
  return { from: range[1] as string, to: range[2] as string };
}

/** Fewer days of a month than this make a report of nothing much: the month before is added. */
const MIN_DAYS = 7;

/**
 * The default period of a report: the month (UTC) holding `time`, cut at that day — with the
 * month before it too when fewer than MIN_DAYS days of the month have passed (a report on the
 * 2nd of a month would otherwise cover two days).
 */
export function monthUpTo(time: number): ReportPeriod {
  const day = Math.floor(time / DAY_MS);
  const to = formatDay(day);
  if (Number(to.slice(8, 10)) >= MIN_DAYS) return { from: `${to.slice(0, 7)}-01`, to };
  const first = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 2, 1);
  return { from: formatDay(Math.floor(first / DAY_MS)), to };
}
