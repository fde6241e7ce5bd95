/**
 * Test support for `metrics --watch`: a store holding the first two of the airline pack's
 * sample events, ingested under its promises, so a test can add the rest while a watch runs.
 */
import { readFileSync } from "node:fs";
import { loadPromises } from "@goodfaith/core";
import { Ingestor, openStore } from "@goodfaith/store";
import { AIRLINE_EVENTS as EVENTS, AIRLINE_PROMISES as PROMISES, tempDb } from "./cli.js";

/** The airline pack's sample events, parsed. */
export const airlineEvents: readonly unknown[] = readFileSync(EVENTS, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);

/** Polls `done` every 50 ms; the test's own timeout bounds the wait on a loaded machine. */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A new store with the first two sample events; the ingestor takes the rest later. */
export async function storeWithTwoEvents() {
  const db = tempDb();
  const store = await openStore(db);
  const docs = PROMISES.map((file) => {
    const loaded = loadPromises(readFileSync(file, "utf8"), file);
    if (!loaded.ok) throw new Error(file);
    return loaded.value;
  });
  const ingestor = await Ingestor.open(store, docs);
  await ingestor.ingest(airlineEvents.slice(0, 2));
  return { db, store, ingestor };
}
