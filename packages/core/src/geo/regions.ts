import { type Airport, airportByIata } from "./airports.js";

// EU 261/2004 Art. 3(1) reaches airports "in the territory of a Member State to which the Treaty
// applies"; TFEU Art. 355 says where that is. Listed by ISO code, so anything absent is outside:
// the overseas countries and territories (TFEU Art. 355(2), Annex II: Greenland GL, New Caledonia
// NC, French Polynesia PF, Wallis and Futuna WF, Saint Pierre and Miquelon PM, Saint-Barthélemy BL,
// Aruba AW, Curaçao CW, Sint Maarten SX, Bonaire/Sint Eustatius/Saba BQ…), the Faroe Islands FO
// (Art. 355(5)(a)), Svalbard SJ, and the United Kingdom with its dependencies since 2021.
// biome-ignore format: two rows of codes read better than 27 lines
const EU_MEMBER_STATES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;

// The regulation is incorporated into the EEA Agreement (Annex XIII) and applied by Switzerland
// under the EU–Swiss Air Transport Agreement, so their airports count as if in a Member State.
const EEA_AND_SWISS = ["IS", "NO", "LI", "CH"] as const;

// Parts of a Member State that ISO codes separately. Outermost regions are EU territory
// (TFEU Arts. 349 and 355(1)); the Canary Islands, Azores and Madeira carry ES/PT in the data.
// Åland (AX) is EU territory with tax derogations only (TFEU Art. 355(4)).
const EU_REGIONS_WITH_OWN_CODE = ["GP", "GF", "MQ", "RE", "YT", "MF", "AX"] as const;

const EU261_TERRITORY: ReadonlySet<string> = new Set([
  ...EU_MEMBER_STATES,
  ...EEA_AND_SWISS,
  ...EU_REGIONS_WITH_OWN_CODE,
]);

// Airports coded CY where EU law does not run: Ercan, in the north, where the acquis is suspended
// (Protocol No 10 to the 2003 Act of Accession), and RAF Akrotiri, a UK Sovereign Base Area
// (TFEU Art. 355(5)(b)).
const AIRPORTS_OUTSIDE_EU_LAW: ReadonlySet<string> = new Set(["ECN", "AKT"]);

// 49 U.S.C. 40102(a) counts "the territories and possessions of the United States" as the United
// States, so a flight to any of them is not foreign air transportation. UM covers Wake, Midway and
// Johnston. The freely associated states (FM, MH, PW) are independent and excluded.
const US_TERRITORY: ReadonlySet<string> = new Set(["US", "PR", "VI", "GU", "AS", "MP", "UM"]);

/** Whether EU 261/2004 treats this country or territory (alpha-2) as inside the EU, EEA or Switzerland. */
export function isEu261Territory(countryAlpha2: string): boolean {
  return EU261_TERRITORY.has(countryAlpha2.toUpperCase());
}

/** Whether this country or territory (alpha-2) is the United States for US DOT purposes. */
export function isUsTerritory(countryAlpha2: string): boolean {
  return US_TERRITORY.has(countryAlpha2.toUpperCase());
}

/** Whether an airport lies where EU 261/2004 applies; finer than its country code (see Ercan). */
export function isEu261Airport(airport: Airport): boolean {
  return isEu261Territory(airport.country) && !AIRPORTS_OUTSIDE_EU_LAW.has(airport.iata);
}

/**
 * Whether both airports are EU 261 territory (an "intra-Community flight", Art. 7(1)(b)), or
 * undefined if either is unknown. EEA and Swiss airports count, as the regulation applies there
 * as if they were Member States.
 */
export function isIntraEu(originIata: string, destinationIata: string): boolean | undefined {
  const origin = airportByIata(originIata);
  const destination = airportByIata(destinationIata);
  if (origin === undefined || destination === undefined) return undefined;
  return isEu261Airport(origin) && isEu261Airport(destination);
}

/** Why EU 261/2004 does or does not cover a flight (Art. 3(1)). */
export type Eu261Scope =
  | { readonly covered: true; readonly reason: "departs_eu" | "arrives_eu_on_eu_carrier" }
  | { readonly covered: false; readonly reason: "outside_scope" | "unknown_airport" };

/**
 * Whether EU 261/2004 covers a flight by geography and carrier (Art. 3(1)); `carrierEuLicensed`
 * means the operating carrier holds an EU, EEA or Swiss operating licence.
 *
 * Art. 3(1)(a) covers every departure from EU territory, whoever operates it, so the destination
 * is not needed then. Art. 3(1)(b) covers arrivals from a third country only on a Community
 * carrier (Art. 2(c)); its proviso (benefits or compensation already received in that third
 * country) and the booking conditions of Art. 3(2)–(3) are facts of the claim, left to the pack.
 */
export function eu261Scope(
  originIata: string,
  destinationIata: string,
  carrierEuLicensed: boolean,
): Eu261Scope {
  const origin = airportByIata(originIata);
  if (origin === undefined) return { covered: false, reason: "unknown_airport" };
  if (isEu261Airport(origin)) return { covered: true, reason: "departs_eu" };
  const destination = airportByIata(destinationIata);
  if (destination === undefined) return { covered: false, reason: "unknown_airport" };
  if (carrierEuLicensed && isEu261Airport(destination)) {
    return { covered: true, reason: "arrives_eu_on_eu_carrier" };
  }
  return { covered: false, reason: "outside_scope" };
}
