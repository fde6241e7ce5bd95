/**
 * Event times as epoch ms. Validated events carry RFC 3339 times, nearly always in the UTC
 * form `Date#toISOString` prints (`2026-11-22T13:14:23.287Z`, or without the milliseconds).
 * Every event's time is read at least once, and reading that form digit by digit is several
 * times faster than `Date.parse`, which still answers for every other form and any odd value.
 */

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;

/** Two or more digits at `i`, or -1 when any is not a digit. */
function digits(text: string, i: number, n: number): number {
  let value = 0;
  for (let k = i; k < i + n; k++) {
    const d = digit(text, k);
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : (DAYS[month - 1] ?? 0);

/** `Date.parse(text)`, faster for the canonical UTC form. */
export function eventTime(text: string): number {
  const n = text.length;
  if (
    (n !== 24 && n !== 20) ||
    text.charCodeAt(n - 1) !== 90 || // Z
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    (n === 24 && text.charCodeAt(19) !== 46) // .
  )
    return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = n === 24 ? digits(text, 20, 3) : 0;
  // Out-of-range fields (and two-digit years, which Date.UTC reads as 19xx) go the slow way.
  if (
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  )
    return Date.parse(text);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
