import { airportByIata } from "./airports.js";

/**
 * Mean Earth radius R₁ = (2a + b) / 3 of the WGS 84 ellipsoid, in km (IUGG). EU 261/2004
 * Art. 7(4) says distances are "measured by the great circle route method" without naming a
 * radius; the mean radius is the conventional sphere for that method and is within ~0.5 % of
 * ellipsoidal (Vincenty) distances. Only a flight within a few km of the 1500 or 3500 km
 * thresholds could band differently under another radius.
 */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

/** A point on the globe in degrees. */
export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

const RADIANS_PER_DEGREE = Math.PI / 180;

/** Great-circle distance in km between two points (haversine on a sphere of the mean Earth radius). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const lat1 = a.latitude * RADIANS_PER_DEGREE;
  const lat2 = b.latitude * RADIANS_PER_DEGREE;
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLon = Math.sin(((b.longitude - a.longitude) * RADIANS_PER_DEGREE) / 2);
  const h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLon * sinHalfDLon;
  // Haversine rather than the spherical law of cosines, which loses short hops to rounding. Its own
  // weak spot, near-antipodal points (sub-metre error), is far beyond any scheduled flight.
  // Rounding can push h a few ulps past its true maximum of 1; the clamp keeps asin off NaN.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Great-circle distance in km between two airports by IATA code, or undefined if either is unknown. */
export function flightDistanceKm(originIata: string, destinationIata: string): number | undefined {
  const origin = airportByIata(originIata);
  const destination = airportByIata(destinationIata);
  if (origin === undefined || destination === undefined) return undefined;
  return greatCircleKm(origin, destination);
}
