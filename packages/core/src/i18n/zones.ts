/**
 * Calendar dates where a customer is. Goodfaith knows a customer's country at best, not their
 * time zone: the country's IANA zones come from CLDR through Intl, and a date is worked out
 * per zone. Every result is derived from data only, so a replay dates everything the same.
 */

const DAY_MS = 86_400_000;

/** Intl.Locale's zones: a `timeZones` getter in Node 20, `getTimeZones()` where it landed since. */
type WithZones = Intl.Locale & {
  readonly timeZones?: readonly string[];
  getTimeZones?: () => readonly string[];
};

const zonesByCountry = new Map<string, readonly string[]>();

/** The IANA zones of an ISO 3166 country (`"US"`, `"se"`); none for an unknown one. */
export function countryZones(country: string | undefined): readonly string[] {
  const code = country?.trim().toUpperCase() ?? "";
  if (!/^[A-Z]{2}$/.test(code)) return [];
  let zones = zonesByCountry.get(code);
  if (zones === undefined) {
    zones = [];
    try {
      const locale = new Intl.Locale(`und-${code}`) as WithZones;
      zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    zonesByCountry.set(code, zones);
  }
  return zones;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** `zone`'s offset from UTC at `ms`, in ms. */
function offsetAt(zone: string, ms: number): number {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0; // "GMT": UTC itself
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

// A zone's offset over one UTC day, when it holds all day (every day but a zone's one or two
// daylight-saving changes a year): a date is then two map lookups, not an Intl call. Null marks
// a day the offset changes on.
const dayOffsets = new Map<string, number | null>();

/** The calendar date at `ms` in `zone`, as whole days since 1970-01-01. */
export function localDay(ms: number, zone: string): number {
  if (zone === "UTC") return Math.floor(ms / DAY_MS);
  const utcDay = Math.floor(ms / DAY_MS);
  const key = `${zone}|${utcDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(zone, utcDay * DAY_MS);
    offset = start === offsetAt(zone, (utcDay + 1) * DAY_MS - 1) ? start : null;
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return Math.floor((ms + (offset ?? offsetAt(zone, ms))) / DAY_MS);
}

/** The latest calendar date `ms` falls on in any of `zones` (days since 1970-01-01). */
export function latestDay(ms: number, zones: readonly string[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const zone of zones) latest = Math.max(latest, localDay(ms, zone));
  return latest;
}

const easternmost = new Map<string, string | undefined>();

/**
 * The zone of `country` furthest east (over a winter and a summer day, so daylight saving
 * evens out): one zone to date things in for a country with several (New York for the US).
 */
export function easternmostZone(country: string | undefined): string | undefined {
  const key = country?.trim().toUpperCase() ?? "";
  if (easternmost.has(key)) return easternmost.get(key);
  let best: string | undefined;
  let bestOffset = Number.NEGATIVE_INFINITY;
  for (const zone of countryZones(key)) {
    const offset = offsetAt(zone, Date.UTC(2026, 0, 1)) + offsetAt(zone, Date.UTC(2026, 6, 1));
    if (offset > bestOffset) [best, bestOffset] = [zone, offset];
  }
  easternmost.set(key, best);
  return best;
}

/** The UTC midnight of a day counted by `localDay`: what a UTC date format writes as that date. */
export const dayStart = (day: number): number => day * DAY_MS;
