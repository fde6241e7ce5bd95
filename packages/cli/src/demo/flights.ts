/**
 * Real flights: the US on-time records shipped in the `vega-datasets` npm package
 * (`data/flights-10k.json`: 10,000 flights of January–March 2001 with their arrival delays,
 * distances, origins and destinations). Only the year is changed: every date moves forward
 * by the same whole number of years, to 2026, so that the flights sit in the packs' time.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** One row of the dataset, as shipped. */
export interface FlightRow {
  /** Scheduled departure, local-looking but treated as UTC: "2001/01/01 00:47". */
  readonly date: string;
  /** Arrival delay in minutes (negative: early). */
  readonly delay: number;
  /** Great-circle distance in miles. */
  readonly distance: number;
  readonly origin: string;
  readonly destination: string;
}

/** The year the demo moves the flights to. */
export const DEMO_YEAR = 2026;

/**
 * The dataset's rows. The package's `exports` map hides both its `package.json` and its data
 * files (and names a build it does not ship), so the file is looked for where Node would look
 * for the package: in each `node_modules` folder from here up.
 */
export function loadFlightRows(): FlightRow[] {
  const folders = createRequire(import.meta.url).resolve.paths("vega-datasets") ?? [];
  const file = folders
    .map((folder) => join(folder, "vega-datasets", "data", "flights-10k.json"))
    .find((candidate) => existsSync(candidate));
  if (file === undefined) throw new Error("vega-datasets is not installed: run npm ci");
  return JSON.parse(readFileSync(file, "utf8")) as FlightRow[];
}

/** A row's scheduled departure in epoch ms, moved to `DEMO_YEAR` (same month, day and minute). */
export function scheduledDeparture(row: FlightRow): number {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/.exec(row.date);
  if (!m) throw new Error(`vega-datasets flights: unexpected date ${row.date}`);
  const [, , month, day, hour, minute] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(DEMO_YEAR, month - 1, day, hour, minute);
}

/** How many years the dataset's dates move (2001 → 2026: 25). */
export function yearShift(rows: readonly FlightRow[]): number {
  const first = rows[0]?.date.slice(0, 4);
  return first === undefined ? 0 : DEMO_YEAR - Number(first);
}
