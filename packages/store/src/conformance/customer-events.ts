/** Conformance: reading the event log by customer (the agent's and the customer's timeline). */
import { hasCustomerEvents, type Store } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { event, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

function timelineOf(store: Store) {
  if (!hasCustomerEvents(store)) throw new Error("the store does not implement CustomerEventLog");
  return store;
}

/** Registers the customer timeline tests. */
export function customerEventsConformance(target: ConformanceTarget): void {
  describe("customer events", () => {
    storeTest(target, "the latest events of one customer, oldest first", async ({ store }) => {
      await store.appendEvents([
        event("a1", T0, "c-a"),
        event("b1", T0 + 1, "c-b"),
        event("a2", T0 + 2, "c-a"),
        event("a3", T0 + 3, "c-a"),
      ]);
      const timeline = timelineOf(store);
      const all = await timeline.readCustomerEvents("c-a", 10);
      expect(all.events.map((e) => [e.seq, e.event.id])).toEqual([
        [1, "a1"],
        [3, "a2"],
        [4, "a3"],
      ]);
      expect(all.more).toBe(false);
      const latest = await timeline.readCustomerEvents("c-a", 2);
      expect(latest.events.map((e) => e.event.id)).toEqual(["a2", "a3"]);
      expect(latest.more).toBe(true);
      expect(latest.events[1]?.event).toEqual(event("a3", T0 + 3, "c-a"));
      expect(await timeline.readCustomerEvents("c-nobody", 5)).toEqual({ events: [], more: false });
    });
  });
}
