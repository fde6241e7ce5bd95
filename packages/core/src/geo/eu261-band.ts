import { airportByIata } from "./airports.js";
import { greatCircleKm } from "./distance.js";
import { isEu261Airport } from "./regions.js";

/** EU 261/2004 compensation band: Art. 7(1)(a), (b) and (c) in that order. */
export type Eu261Band = "short" | "medium" | "long";

/** Compensation per passenger in euros for each band (Art. 7(1)). */
export type Eu261AmountEur = 250 | 400 | 600;

/** A flight's band, with the distance and intra-EU status it was derived from. */
export interface Eu261BandResult {
  readonly band: Eu261Band;
  readonly amountEur: Eu261AmountEur;
  /** Great-circle distance (Art. 7(4)), unrounded so the thresholds compare exactly. */
  readonly distanceKm: number;
  readonly intraEu: boolean;
}

/**
 * The band for a distance and intra-EU status (Art. 7(1)): (a) 1500 km or less; (b) intra-Community
 * flights over 1500 km, and all other flights between 1500 and 3500 km inclusive; (c) the rest.
 */
export function eu261BandForDistance(
  distanceKm: number,
  intraEu: boolean,
): { readonly band: Eu261Band; readonly amountEur: Eu261AmountEur } {
  if (distanceKm <= 1500) return { band: "short", amountEur: 250 };
  // An intra-EU flight never reaches band (c), however far: Paris–Réunion pays €400 (Art. 7(1)(b)).
  if (intraEu || distanceKm <= 3500) return { band: "medium", amountEur: 400 };
  return { band: "long", amountEur: 600 };
}

/**
 * The compensation band between two airports by IATA code, or undefined if either is unknown.
 * Geography only: whether the regulation covers the flight at all is `eu261Scope`'s question.
 */
export function eu261Band(
  originIata: string,
  destinationIata: string,
): Eu261BandResult | undefined {
  const origin = airportByIata(originIata);
  const destination = airportByIata(destinationIata);
  if (origin === undefined || destination === undefined) return undefined;
  const distanceKm = greatCircleKm(origin, destination);
  const intraEu = isEu261Airport(origin) && isEu261Airport(destination);
  const { band, amountEur } = eu261BandForDistance(distanceKm, intraEu);
  // Fields listed, not spread: V8 builds the spread object several times slower, on a hot path.
  return { band, amountEur, distanceKm, intraEu };
}

/**
 * Hours of arrival delay under re-routing within which compensation may be halved (Art. 7(2)):
 * 2 for band (a), 3 for band (b), 4 for band (c).
 */
export function reductionThresholdHours(band: Eu261Band): 2 | 3 | 4 {
  switch (band) {
    case "short":
      return 2;
    case "medium":
      return 3;
    case "long":
      return 4;
    default: {
      const unknown: never = band;
      throw new Error(`reductionThresholdHours: unknown band ${String(unknown)}`);
    }
  }
}
