import { describe, expect, it } from "vitest";
import { periodStart } from "./periods.js";

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("periodStart", () => {
  it("starts ISO weeks on Monday, in UTC", () => {
    // 2026-11-08 is a Sunday, 2026-11-09 a Monday.
    expect(day(periodStart("week", Date.parse("2026-11-08T23:59:59Z")))).toBe("2026-11-02");
    expect(day(periodStart("week", Date.parse("2026-11-09T00:00:00Z")))).toBe("2026-11-09");
    expect(day(periodStart("week", Date.parse("1969-12-31T12:00:00Z")))).toBe("1969-12-29");
  });

  it("starts days and months at UTC midnight; all time is one bucket", () => {
    expect(day(periodStart("day", Date.parse("2026-11-08T23:30:00-01:00")))).toBe("2026-11-09");
    expect(day(periodStart("month", Date.parse("2026-12-31T23:59:59Z")))).toBe("2026-12-01");
    expect(periodStart("all", Date.parse("2026-12-31T23:59:59Z"))).toBe(0);
  });
});
