/**
 * Geography for the EU 261/2004 and US DOT promise packs: airports by IATA code, great-circle
 * distances, the territories where each regime applies, and EU 261 compensation bands.
 *
 * @example
 * ```ts
 * import { eu261Band, eu261Scope, flightDistanceKm } from "./geo/index.js";
 *
 * eu261Scope("JFK", "FRA", true); // { covered: true, reason: "arrives_eu_on_eu_carrier" }
 * eu261Scope("JFK", "FRA", false); // { covered: false, reason: "outside_scope" }
 * Math.round(flightDistanceKm("FRA", "JFK") ?? 0); // 6189
 * eu261Band("CDG", "FDF"); // { band: "medium", amountEur: 400, distanceKm: 6869.7…, intraEu: true }
 * ```
 *
 * Airport data: OpenFlights (https://openflights.org/data), Open Database License 1.0.
 */

export {
  type Airport,
  airportByIata,
} from "./airports.js";
export {
  EARTH_MEAN_RADIUS_KM,
  flightDistanceKm,
  greatCircleKm,
  type LatLon,
} from "./distance.js";
export {
  type Eu261AmountEur,
  type Eu261Band,
  type Eu261BandResult,
  eu261Band,
  eu261BandForDistance,
  reductionThresholdHours,
} from "./eu261-band.js";
export {
  type Eu261Scope,
  eu261Scope,
  isEu261Airport,
  isEu261Territory,
  isIntraEu,
  isUsTerritory,
} from "./regions.js";
