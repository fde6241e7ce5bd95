// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), using
// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic, no Date objects.

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days since 1970-01-01 of a proleptic-Gregorian date, or undefined if it does not exist. */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const length = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  if (day > length) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Day number of a `YYYY-MM-DD` date, or undefined if malformed or nonexistent. */
export function parseIsoDate(text: string): number | undefined {
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-") return undefined;
  return fromDigits(text, 0, 5, 8);
}

/** Day number of a `YYYYMMDD` date, or undefined if malformed or nonexistent. */
export function parseCompactDate(text: string): number | undefined {
  if (text.length !== 8) return undefined;
  return fromDigits(text, 0, 4, 6);
}

function fromDigits(text: string, y: number, m: number, d: number): number | undefined {
  const year = digits(text, y, 4);
  const month = digits(text, m, 2);
  const day = digits(text, d, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : dayNumber(year, month, day);
}

/** The decimal value of `length` ASCII digits at `start`, or −1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** The `YYYY-MM-DD` form of a day number. */
export function formatDay(dayNumberValue: number): string {
  const z = dayNumberValue + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
