/**
 * The scorecard and journey metrics the API serves, kept in memory. The ingest service has no
 * hook to observe events as they are stored, so the measures follow the store instead: on a
 * request, at most once per `refreshMs`, they read the events logged since the last read (by
 * sequence number) and the remedies that are new or newly final. Figures are therefore at most
 * `refreshMs` behind the store, and a read costs only what changed plus one remedy listing.
 */
import { JourneyMetrics, Scorecard } from "@goodfaith/measure";
import { type MeasuredStore, StoreFollower } from "@goodfaith/store";

/** How stale the served figures may be, ms. */
export const MEASURE_REFRESH_MS = 1000;

/** The measures, fresh to within `refreshMs`. */
export interface Measures {
  readonly scorecard: Scorecard;
  readonly journey: JourneyMetrics;
}

/** In-memory measures over `store`; `read` refreshes them when they are older than `refreshMs`. */
export function liveMeasures(
  store: MeasuredStore,
  now: () => number,
  refreshMs = MEASURE_REFRESH_MS,
): { read(): Promise<Measures> } {
  const measures: Measures = { scorecard: new Scorecard(), journey: new JourneyMetrics() };
  const follower = new StoreFollower(store, measures);
  let polledAt = Number.NEGATIVE_INFINITY;
  let polling: Promise<void> | undefined;
  return {
    async read() {
      if (polling === undefined && now() - polledAt >= refreshMs) {
        // Concurrent requests share one read of the store.
        polling = follower
          .poll()
          .then(() => {
            polledAt = now();
          })
          .finally(() => {
            polling = undefined;
          });
      }
      await polling;
      return measures;
    },
  };
}
