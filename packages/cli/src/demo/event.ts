/** The shape of a generated event: exactly what the contract's schemas accept as input. */
import type { EventInput, KnownType } from "@goodfaith/core";

/** Any event the demo generates, typed by the contract so a wrong field is a compile error. */
export type DemoEvent = { [T in KnownType]: EventInput<T> }[KnownType];

/** An RFC 3339 UTC time, to the second. */
export function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Merges streams into one in event-time order. Stable: events with the same time keep their
 * stream's order (a booking before its arrival, a charge before its duplicate).
 */
export function byEventTime(streams: readonly (readonly DemoEvent[])[]): DemoEvent[] {
  return streams
    .flat()
    .map((event, index) => ({ event, index, at: Date.parse(event.time) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((e) => e.event);
}
