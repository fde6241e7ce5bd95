import { describe, expect, it } from "vitest";
import { eu261Band, eu261BandForDistance, reductionThresholdHours } from "./eu261-band.js";

describe("eu261Band", () => {
  it.each([
    ["LHR", "CDG", "short", 250, false],
    ["LIS", "PDL", "short", 250, true], // Lisbon–Azores, 1449 km
    ["AMS", "ATH", "medium", 400, true],
    ["MAD", "TFN", "medium", 400, true], // Madrid–Tenerife, 1771 km
    ["FRA", "CAI", "medium", 400, false], // 2922 km, not intra-EU
    ["CDG", "FDF", "medium", 400, true], // intra-EU over 3500 km stays at €400
    ["CDG", "RUN", "medium", 400, true],
    ["OSL", "LPA", "medium", 400, true], // EEA to the Canaries, 4105 km
    ["FRA", "JFK", "long", 600, false],
    ["FRA", "DXB", "long", 600, false],
    ["CDG", "SBH", "long", 600, false], // Saint-Barthélemy is not EU territory
  ] as const)("%s–%s is %s, €%i, intra-EU %s", (origin, destination, band, amountEur, intraEu) => {
    expect(eu261Band(origin, destination)).toMatchObject({ band, amountEur, intraEu });
  });

  it("carries the great-circle distance it banded", () => {
    const result = eu261Band("CDG", "FDF");
    expect(result?.distanceKm).toBeGreaterThan(3500);
    expect(result?.distanceKm).toBeCloseTo(6870, -1);
  });

  it("is undefined when an airport is unknown", () => {
    expect(eu261Band("FRA", "ZZZ")).toBeUndefined();
  });
});

describe("eu261BandForDistance", () => {
  it("puts exactly 1500 km in band (a) and anything over it in band (b)", () => {
    for (const intraEu of [true, false]) {
      expect(eu261BandForDistance(1500, intraEu)).toEqual({ band: "short", amountEur: 250 });
      expect(eu261BandForDistance(1500.001, intraEu)).toEqual({ band: "medium", amountEur: 400 });
    }
  });

  it("puts a non-intra-EU flight of exactly 3500 km in band (b), over it in band (c)", () => {
    expect(eu261BandForDistance(3500, false)).toEqual({ band: "medium", amountEur: 400 });
    expect(eu261BandForDistance(3500.001, false)).toEqual({ band: "long", amountEur: 600 });
  });

  it("never puts an intra-EU flight in band (c)", () => {
    expect(eu261BandForDistance(3500.001, true)).toEqual({ band: "medium", amountEur: 400 });
    expect(eu261BandForDistance(20_000, true)).toEqual({ band: "medium", amountEur: 400 });
  });
});

describe("reductionThresholdHours", () => {
  it("is 2, 3 and 4 hours for bands (a), (b) and (c) (Art. 7(2))", () => {
    expect(reductionThresholdHours("short")).toBe(2);
    expect(reductionThresholdHours("medium")).toBe(3);
    expect(reductionThresholdHours("long")).toBe(4);
  });
});
