import { describe, expect, it } from "vitest";
import { airportByIata } from "./airports.js";
import {
  eu261Scope,
  isEu261Airport,
  isEu261Territory,
  isIntraEu,
  isUsTerritory,
} from "./regions.js";

describe("isEu261Territory", () => {
  it("includes the 27 member states, the EEA states and Switzerland", () => {
    const inside = [
      ..."AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(
        " ",
      ),
      ..."IS NO LI CH".split(" "),
    ];
    expect(inside).toHaveLength(31);
    expect(inside.filter((code) => !isEu261Territory(code))).toEqual([]);
  });

  it("includes the outermost regions that ISO codes separately, and Åland", () => {
    for (const code of ["GP", "GF", "MQ", "RE", "YT", "MF", "AX"]) {
      expect(isEu261Territory(code), code).toBe(true);
    }
  });

  it("excludes the UK since 2021 and territories where EU law does not apply", () => {
    const outside = ["GB", "GI", "JE", "GG", "IM", "FO", "GL", "NC", "PF", "WF", "PM", "BL"];
    outside.push("AW", "CW", "SX", "BQ", "SJ", "TR", "US", "AD", "");
    expect(outside.filter((code) => isEu261Territory(code))).toEqual([]);
  });

  it("ignores case", () => {
    expect(isEu261Territory("de")).toBe(true);
  });
});

describe("isUsTerritory", () => {
  it("includes the states and the territories and possessions", () => {
    for (const code of ["US", "PR", "VI", "GU", "AS", "MP", "UM", "us"]) {
      expect(isUsTerritory(code), code).toBe(true);
    }
  });

  it("excludes the freely associated states and neighbours", () => {
    for (const code of ["FM", "MH", "PW", "VG", "CA", "MX"]) {
      expect(isUsTerritory(code), code).toBe(false);
    }
  });

  it("agrees with the airports' codes", () => {
    expect(isUsTerritory(airportByIata("SJU")?.country ?? "")).toBe(true); // San Juan, PR
    expect(isUsTerritory(airportByIata("GUM")?.country ?? "")).toBe(true); // Guam
    expect(isUsTerritory(airportByIata("EIS")?.country ?? "")).toBe(false); // Tortola, BVI
  });
});

describe("isEu261Airport", () => {
  it("excludes airports coded CY where EU law does not run", () => {
    const airport = (iata: string) => {
      const found = airportByIata(iata);
      if (found === undefined) throw new Error(`test data: no airport ${iata}`);
      return found;
    };
    expect(isEu261Airport(airport("LCA"))).toBe(true);
    expect(isEu261Airport(airport("ECN"))).toBe(false);
    expect(isEu261Airport(airport("AKT"))).toBe(false);
  });
});

describe("isIntraEu", () => {
  it.each([
    ["CDG", "FDF", true], // Martinique is an outermost region
    ["AMS", "ATH", true],
    ["ARN", "OSL", true], // Norway applies the regulation through the EEA
    ["ZRH", "KEF", true],
    ["LHR", "CDG", false], // the UK left in 2021
    ["CDG", "SBH", false], // Saint-Barthélemy is an overseas territory, not EU
    ["CPH", "FAE", false], // the Faroe Islands are outside the EU
    ["OSL", "LYR", false], // Svalbard is outside the EEA
    ["LCA", "ECN", false],
  ])("%s–%s is %s", (origin, destination, expected) => {
    expect(isIntraEu(origin, destination)).toBe(expected);
  });

  it("is undefined when an airport is unknown", () => {
    expect(isIntraEu("CDG", "ZZZ")).toBeUndefined();
  });
});

describe("eu261Scope", () => {
  it.each([
    // Art. 3(1)(a): every departure from EU territory, whoever operates it.
    ["FRA", "JFK", false, true, "departs_eu"],
    ["ARN", "OSL", false, true, "departs_eu"],
    ["OSL", "ARN", false, true, "departs_eu"],
    ["ZRH", "JFK", false, true, "departs_eu"],
    ["KEF", "JFK", false, true, "departs_eu"],
    ["CPH", "FAE", false, true, "departs_eu"],
    ["FDF", "JFK", false, true, "departs_eu"],
    // Art. 3(1)(b): arrivals from a third country only on a Community carrier.
    ["JFK", "FRA", true, true, "arrives_eu_on_eu_carrier"],
    ["JFK", "FRA", false, false, "outside_scope"],
    ["JFK", "ZRH", true, true, "arrives_eu_on_eu_carrier"],
    ["FAE", "CPH", true, true, "arrives_eu_on_eu_carrier"],
    ["FAE", "CPH", false, false, "outside_scope"],
    // The UK is a third country: departing LHR is not a departure from the EU.
    ["LHR", "JFK", false, false, "outside_scope"],
    ["LHR", "JFK", true, false, "outside_scope"],
    ["LHR", "CDG", false, false, "outside_scope"],
    ["LHR", "CDG", true, true, "arrives_eu_on_eu_carrier"],
    ["ECN", "IST", true, false, "outside_scope"],
    ["SBH", "SXM", true, false, "outside_scope"],
  ] as const)(
    "%s–%s, EU carrier %s: covered %s (%s)",
    (origin, destination, euCarrier, covered, reason) => {
      expect(eu261Scope(origin, destination, euCarrier)).toEqual({ covered, reason });
    },
  );

  it("reports an unknown origin, or an unknown destination when it matters", () => {
    expect(eu261Scope("ZZZ", "FRA", true)).toEqual({ covered: false, reason: "unknown_airport" });
    expect(eu261Scope("JFK", "ZZZ", true)).toEqual({ covered: false, reason: "unknown_airport" });
    // A departure from the EU is covered wherever it goes (Art. 3(1)(a)).
    expect(eu261Scope("FRA", "ZZZ", false)).toEqual({ covered: true, reason: "departs_eu" });
  });

  it("ignores the case of the codes", () => {
    expect(eu261Scope("jfk", "fra", true).covered).toBe(true);
  });
});
