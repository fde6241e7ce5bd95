/**
 * Per-airport country corrections (IATA code → ISO 3166-1 alpha-2), applied over the OpenFlights
 * country name. Two kinds:
 * - the name is too coarse: one OpenFlights name lumps places whose EU or US status differs;
 * - the record is mixed: its name and coordinates describe an airport in one country, its
 *   city/country fields another. Coordinates win, because distances are computed from them and
 *   the territory must describe the same place as the distance.
 * Found by checking every record's country against its time zone and coordinates; a test checks
 * that every code here still exists in the data.
 */
const ALPHA2_BY_IATA: Readonly<Record<string, string>> = {
  // Too coarse.
  SFG: "MF", // Grand Case, Saint-Martin: an EU outermost region (TFEU Art. 349); listed as Guadeloupe
  SBH: "BL", // Saint-Barthélemy: an overseas country and territory since 2012, so EU law does not apply; listed as France
  LYR: "SJ", // Longyearbyen, Svalbard: outside the EEA Agreement (its Protocol 40); listed as Norway
  // (Jan Mayen, ZXB, is an integral part of Norway, inside the EEA, so it keeps NO.)
  BON: "BQ", // Bonaire
  EUX: "BQ", // Sint Eustatius
  SAB: "BQ", // Saba
  CUR: "CW", // Curaçao
  SXM: "SX", // Sint Maarten (Dutch side)

  // Mixed records: country follows the coordinates.
  EMP: "US", // Emporia, Kansas; listed as Germany
  LND: "US", // Hunt Field, Lander, Wyoming; listed as Germany
  NDZ: "US", // Whiting Field, Florida; listed as Germany
  EBE: "BE", // coordinates near Antwerp; listed as Germany
  ESX: "SE", // Skå-Edeby, Stockholm; listed as Germany
  TZR: "HU", // Taszár Air Base; listed as United States
  CWT: "AU", // Cowra, New South Wales; listed as United States
  OEL: "RU", // Oryol Yuzhny; listed as United States
  BCV: "US", // Birchwood, Alaska; listed as Belize
  BMQ: "US", // Burnet, Texas; listed as Kenya
  OKB: "US", // Oceanside, California; listed as Australia
  SLI: "US", // Los Alamitos, California; listed as Zambia
  TTS: "US", // NASA Shuttle Landing Facility, Florida; listed as Madagascar
  W63: "US", // Clarksville, Virginia; listed as United Arab Emirates
  MSI: "BR", // Fazenda Palmital, São Paulo state; listed as Maldives
  DEE: "AU", // Cooma, New South Wales; listed as Russia
  BPE: "CN", // Qinhuangdao Beidaihe; listed as Burma
  TDK: "KG", // Ak Bashat, Chüy region; listed as Kazakhstan
};

/** The corrected alpha-2 country for an airport, or undefined when its OpenFlights name stands. */
export function correctedAlpha2ForIata(iata: string): string | undefined {
  return Object.hasOwn(ALPHA2_BY_IATA, iata) ? ALPHA2_BY_IATA[iata] : undefined;
}

/** Every corrected IATA code, so tests can check the table against the data set. */
export function correctedIataCodes(): readonly string[] {
  return Object.keys(ALPHA2_BY_IATA);
}
