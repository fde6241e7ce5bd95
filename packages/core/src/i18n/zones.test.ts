import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryZones, dayStart, easternmostZone, latestDay, localDay } from "./zones.js";

/** The local date at `ms` in `zone` as Intl writes it (the reference), e.g. "2026-03-08". */
const intlDate = (ms: number, zone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(ms);
const isoDay = (day: number) => new Date(dayStart(day)).toISOString().slice(0, 10);

describe("time zones of a country", () => {
  it("knows a country's zones, and none for what is not a country", () => {
    expect(countryZones("se")).toEqual(["Europe/Stockholm"]);
    expect(countryZones("US").length).toBeGreaterThan(5);
    for (const unknown of [undefined, "", "Sweden", "ZZ", "1A"])
      expect(countryZones(unknown)).toEqual([]);
  });

  it("dates an instant as Intl does in any zone, across daylight-saving changes", () => {
    const zones = [
      "UTC",
      "Europe/Stockholm",
      "America/New_York",
      "Asia/Kolkata",
      "Pacific/Chatham",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 2026, with the spring and autumn changes of both hemispheres in it.
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (zone, ms) => {
          expect(isoDay(localDay(ms, zone))).toBe(intlDate(ms, zone));
        },
      ),
    );
    // The hour New York springs forward: 2026-03-08 07:00 UTC is 03:00 EDT, still the 8th.
    expect(isoDay(localDay(Date.UTC(2026, 2, 8, 4, 59), "America/New_York"))).toBe("2026-03-07");
    expect(isoDay(localDay(Date.UTC(2026, 2, 8, 5, 0), "America/New_York"))).toBe("2026-03-08");
  });

  it("takes the latest date a deadline falls on anywhere in the country", () => {
    // 04:30 UTC on 27 November is still the 26th in every US zone, the 27th in Sweden.
    const early = Date.UTC(2026, 10, 27, 4, 30);
    expect(isoDay(latestDay(early, countryZones("US")))).toBe("2026-11-26");
    expect(isoDay(latestDay(early, countryZones("SE")))).toBe("2026-11-27");
    // 14:40 UTC is the 27th all over the US, and already the 28th at UTC+14.
    const late = Date.UTC(2026, 10, 27, 14, 40);
    expect(isoDay(latestDay(late, countryZones("US")))).toBe("2026-11-27");
    expect(isoDay(latestDay(late, ["Pacific/Kiritimati"]))).toBe("2026-11-28");
  });

  it("picks one zone to date things in: the furthest east", () => {
    expect(easternmostZone("SE")).toBe("Europe/Stockholm");
    expect(easternmostZone("CN")).toBe("Asia/Shanghai");
    expect(easternmostZone(undefined)).toBeUndefined();
  });
});
