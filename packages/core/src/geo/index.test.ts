import { describe, expect, it } from "vitest";
import { eu261Band, eu261Scope, flightDistanceKm } from "./index.js";

// Keeps the example in index.ts's doc comment true.
describe("geo index example", () => {
  it("behaves as documented", () => {
    expect(eu261Scope("JFK", "FRA", true)).toEqual({
      covered: true,
      reason: "arrives_eu_on_eu_carrier",
    });
    expect(eu261Scope("JFK", "FRA", false)).toEqual({ covered: false, reason: "outside_scope" });
    expect(Math.round(flightDistanceKm("FRA", "JFK") ?? 0)).toBe(6189);
    const band = eu261Band("CDG", "FDF");
    expect(band).toMatchObject({ band: "medium", amountEur: 400, intraEu: true });
    expect(band?.distanceKm.toFixed(1)).toBe("6869.7");
  });
});
