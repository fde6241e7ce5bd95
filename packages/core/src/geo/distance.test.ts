import { describe, expect, it } from "vitest";
import { EARTH_MEAN_RADIUS_KM, flightDistanceKm, greatCircleKm } from "./distance.js";

describe("greatCircleKm", () => {
  it("is zero between a point and itself", () => {
    expect(
      greatCircleKm({ latitude: 48.85, longitude: 2.35 }, { latitude: 48.85, longitude: 2.35 }),
    ).toBe(0);
  });

  it("is a quarter circumference from the equator to a pole", () => {
    const km = greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 });
    expect(km).toBeCloseTo((Math.PI / 2) * EARTH_MEAN_RADIUS_KM, 6);
    expect(km).toBeCloseTo(10_007.56, 1);
  });

  it("is half a circumference between antipodes, within a metre and without NaN", () => {
    const km = greatCircleKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 });
    expect(Math.abs(km - Math.PI * EARTH_MEAN_RADIUS_KM)).toBeLessThan(0.001);
    // A pair found by search where the haversine term rounds up to 1 + 2⁻⁵², past its true maximum.
    const rounded = greatCircleKm(
      { latitude: -78.3687, longitude: -33.4428 },
      { latitude: 78.3687, longitude: 146.5572 },
    );
    expect(rounded).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_KM, 3);
  });

  it("is symmetric and crosses the antimeridian the short way", () => {
    const a = { latitude: 0, longitude: 179.5 };
    const b = { latitude: 0, longitude: -179.5 };
    expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 9);
    expect(greatCircleKm(a, b)).toBeCloseTo(111.19, 1); // one degree of the equator
  });
});

describe("flightDistanceKm", () => {
  // Commonly quoted route distances, rounded. The tolerance absorbs differing airport reference
  // points and sphere-versus-ellipsoid (under 0.5 %), not a wrong formula or unit.
  it.each([
    ["FRA", "JFK", 6200, 20],
    ["LHR", "CDG", 345, 5],
    ["AMS", "ATH", 2170, 15],
    ["LHR", "JFK", 5550, 20],
    ["JFK", "LAX", 3980, 15],
    ["ARN", "OSL", 385, 5],
  ])("%s–%s is about %i km", (origin, destination, expectedKm, toleranceKm) => {
    const km = flightDistanceKm(origin, destination);
    expect(km).toBeDefined();
    expect(Math.abs((km ?? 0) - expectedKm)).toBeLessThanOrEqual(toleranceKm);
  });

  it("is the same in both directions", () => {
    expect(flightDistanceKm("CDG", "FDF")).toBe(flightDistanceKm("FDF", "CDG"));
  });

  it("is undefined when either airport is unknown", () => {
    expect(flightDistanceKm("FRA", "ZZZ")).toBeUndefined();
    expect(flightDistanceKm("ZZZ", "FRA")).toBeUndefined();
  });
});
