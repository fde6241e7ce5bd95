/**
 * The business promises the scorecard checks from events alone, whatever the Bill of Rights
 * says: an order delivered by its promised date, a flight arrived on time, a session streamed
 * at its promised quality.
 */
import type { ResolvedScorecardOptions } from "./options.js";
import type { CaseState, Session, State } from "./state.js";

/** The names of the business promises, as they appear in the `promise` breakdown. */
export const BUSINESS_PROMISES = {
  delivery: "delivered-by-promised-date",
  arrival: "arrived-on-time",
  quality: "streamed-at-promised-quality",
} as const;

/** A business promise's state: settled at a time (kept or not), or waiting for a deadline. */
export type BusinessPromise =
  | { readonly name: string; readonly at: number; readonly kept: boolean }
  | { readonly name: string; readonly pendingUntil: number };

/** The business promise of the case's order or booking, if it made one that can be judged (or will be). */
export function businessPromise(
  c: CaseState,
  state: State,
  watermark: number,
  options: ResolvedScorecardOptions,
): BusinessPromise | undefined {
  const tx = c.transaction;
  if (!tx) return undefined;
  switch (tx.kind) {
    case "order": {
      const due = tx.promisedBy;
      if (due === undefined) return undefined;
      const name = BUSINESS_PROMISES.delivery;
      if (c.delivered) return { name, at: due, kept: c.delivered.at <= due };
      // Cancelled before the date: nothing was owed. Cancelled after it: it was already late.
      if (c.cancelled && c.cancelled.at <= due) return undefined;
      // Absence is a fact once event time has passed the date.
      return watermark > due ? { name, at: due, kept: false } : { name, pendingUntil: due };
    }
    case "booking": {
      const flight = tx.flight === undefined ? undefined : state.flights.get(tx.flight);
      const name = BUSINESS_PROMISES.arrival;
      if (flight?.arrived) {
        const { scheduled, actual } = flight.arrived;
        return { name, at: scheduled, kept: actual - scheduled <= options.onTimeToleranceMs };
      }
      if (flight?.cancelled) return { name, at: flight.cancelled.scheduled, kept: false };
      return undefined;
    }
    default: {
      const never: never = tx.kind;
      throw new Error(`unknown transaction kind ${String(never)}`);
    }
  }
}

/** A session's promise to stream at the quality it was sold with, if it was sold with one. */
export function sessionPromise(s: Session): BusinessPromise | undefined {
  return s.qualityKept === undefined
    ? undefined
    : { name: BUSINESS_PROMISES.quality, at: s.at, kept: s.qualityKept };
}
