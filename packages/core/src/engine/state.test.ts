import { describe, expect, it } from "vitest";
import { EngineState } from "./state.js";

const DAY = 86_400_000;

function order(state: EngineState, id: string, customer: string, at: number): void {
  state.placeOrder(`e-${id}`, customer, at, {
    order: id,
    currency: "EUR",
    items: [{ sku: "lamp", kind: "physical", price: "40.00" }],
    payments: [{ method: "card", amount: "40.00" }],
  } as never);
}

describe("purchases kept for price protection", () => {
  it("drops every purchase older than the window, also one stored behind newer ones", () => {
    const state = new EngineState(14 * DAY);
    order(state, "o-new", "c-1", 20 * DAY);
    order(state, "o-late", "c-2", 1 * DAY); // stored late: behind a newer purchase
    order(state, "o-mid", "c-3", 19 * DAY);
    const kept = state.recentPurchases("lamp", 25 * DAY).map((p) => p.order);
    expect(kept).toEqual(["o-new", "o-mid"]);
    // The same customers' purchases kept alone give the same answer (a shard of the replay).
    const alone = new EngineState(14 * DAY);
    order(alone, "o-late", "c-2", 1 * DAY);
    expect(alone.recentPurchases("lamp", 25 * DAY)).toEqual([]);
    expect(state.recentPurchases("lamp", 40 * DAY)).toEqual([]);
  });
});
