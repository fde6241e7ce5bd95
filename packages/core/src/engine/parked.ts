/**
 * Events that arrived before the order they are about. Systems report independently — the
 * payment provider's `payment.charged` can reach us before the shop's `order.placed` — so an
 * event about an order we do not know yet waits here, and is decided right after the order
 * is placed, in the order it arrived. One that waits longer than `waitMs` of event time
 * (its order never came) is let go, as it was dropped before this room existed.
 */
import type { EngineEvent } from "./event-data.js";
import type { EngineState } from "./state.js";

/** Event types that need their order to mean anything. */
const NEEDS_ORDER = new Set([
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.refunded",
  "payment.charged",
]);

interface Waiting {
  /** Event time of the first event to wait for this order, epoch ms. */
  readonly since: number;
  readonly events: EngineEvent[];
}

/** The parked events as a snapshot keeps them: [order id, since, events] in arrival order. */
export type ParkedDump = readonly (readonly [string, number, readonly EngineEvent[]])[];

export class ParkedEvents {
  // In arrival order, so the longest-waiting order is always first.
  readonly #byOrder = new Map<string, Waiting>();

  constructor(private readonly waitMs: number) {}

  /** The order `e` waits for, or undefined when it can be decided now. */
  awaitedOrder(state: EngineState, e: EngineEvent): string | undefined {
    if (!NEEDS_ORDER.has(e.type)) return undefined;
    const order = (e.data as { order?: unknown }).order;
    if (typeof order !== "string" || state.orders.has(order)) return undefined;
    return order;
  }

  /** Parks `e` (event time `at`) until `order` is placed. */
  park(order: string, e: EngineEvent, at: number): void {
    const waiting = this.#byOrder.get(order);
    if (waiting) waiting.events.push(e);
    else this.#byOrder.set(order, { since: at, events: [e] });
  }

  /** The events that waited for `order`, in arrival order; they stop waiting. */
  take(order: string): readonly EngineEvent[] {
    const waiting = this.#byOrder.get(order);
    if (!waiting) return [];
    this.#byOrder.delete(order);
    return waiting.events;
  }

  /** Lets go of events whose order has not come within the wait, as of event time `now`. */
  expire(now: number): void {
    for (const [order, waiting] of this.#byOrder) {
      if (waiting.since >= now - this.waitMs) return;
      this.#byOrder.delete(order);
    }
  }

  dump(): ParkedDump {
    return [...this.#byOrder].map(([order, w]) => [order, w.since, w.events] as const);
  }

  load(dump: ParkedDump): void {
    for (const [order, since, events] of dump)
      this.#byOrder.set(order, { since, events: [...events] });
  }
}
