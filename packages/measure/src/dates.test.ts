import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, parseCompactDate, parseIsoDate } from "./dates.js";

describe("dates", () => {
  it("round-trips every day from year 1 to 9999 through formatDay and parseIsoDate", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const text = formatDay(day);
        return (
          parseIsoDate(text) === day &&
          text === new Date(day * 86_400_000).toISOString().slice(0, 10)
        );
      }),
    );
  });
  it("rejects dates that do not exist", () => {
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("2024-02-29")).toBe(19782);
    expect(parseIsoDate("1900-02-29")).toBeUndefined();
    expect(parseIsoDate("2000-02-29")).toBe(11016);
    expect(parseIsoDate("2024-13-01")).toBeUndefined();
    expect(parseIsoDate("2024-1-01")).toBeUndefined();
    expect(parseCompactDate("19970930")).toBe(10134);
    expect(parseCompactDate("1997093")).toBeUndefined();
  });
});
