/** Conformance: governance spend — caps and budgets checked and recorded atomically. */
import type { SpendRequest, Store } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { day, T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

const HOUR = 3_600_000;

function spend(key: string, changes: Partial<SpendRequest> = {}): SpendRequest {
  return {
    key,
    promise: "late-delivery",
    customer: "c-1",
    currency: "EUR",
    amountMinor: "400",
    at: T0,
    ...changes,
  };
}

/** Registers the spend tests. */
export function spendConformance(target: ConformanceTarget): void {
  describe("governance spend", () => {
    storeTest(target, "a per-customer cap over a window", async ({ store }) => {
      const capped = { capMinor: "1000", capPeriodMs: 24 * HOUR };
      expect(await store.reserveSpend(spend("r1", capped))).toEqual({ ok: true, duplicate: false });
      expect(await store.reserveSpend(spend("r2", { ...capped, at: T0 + HOUR }))).toEqual({
        ok: true,
        duplicate: false,
      });
      expect(await store.reserveSpend(spend("r3", { ...capped, at: T0 + 2 * HOUR }))).toEqual({
        ok: false,
        exceeded: ["over_customer_cap"],
      });
      // A refused reservation records nothing, so a smaller one still fits.
      expect(
        await store.reserveSpend(spend("r4", { ...capped, amountMinor: "200", at: T0 + 2 * HOUR })),
      ).toEqual({
        ok: true,
        duplicate: false,
      });
      // Another customer, another currency and another promise have caps of their own.
      expect((await store.reserveSpend(spend("r5", { ...capped, customer: "c-2" }))).ok).toBe(true);
      expect((await store.reserveSpend(spend("r6", { ...capped, currency: "SEK" }))).ok).toBe(true);
      expect((await store.reserveSpend(spend("r7", { ...capped, promise: "price-drop" }))).ok).toBe(
        true,
      );
      // Once r1 (at T0) leaves the 24 h window, its 400 no longer counts: 400 + 200 + 400 fits.
      expect((await store.reserveSpend(spend("r8", { ...capped, at: T0 + 24 * HOUR }))).ok).toBe(
        true,
      );
      // The same key twice counts once.
      expect(await store.reserveSpend(spend("r8", { ...capped, at: T0 + 24 * HOUR }))).toEqual({
        ok: true,
        duplicate: true,
      });
      // No window: the cap counts forever.
      expect(
        await store.reserveSpend(spend("r9", { capMinor: "1000", at: T0 + 1000 * HOUR })),
      ).toEqual({
        ok: false,
        exceeded: ["over_customer_cap"],
      });
    });

    storeTest(target, "a daily budget per UTC day, all customers together", async ({ store }) => {
      const budget = { dailyBudgetMinor: "1000" };
      expect((await store.reserveSpend(spend("a", { ...budget, at: day(0) }))).ok).toBe(true);
      expect(
        (await store.reserveSpend(spend("b", { ...budget, customer: "c-2", at: day(1) - 1 }))).ok,
      ).toBe(true);
      expect(
        await store.reserveSpend(spend("c", { ...budget, customer: "c-3", at: day(0) + HOUR })),
      ).toEqual({
        ok: false,
        exceeded: ["over_daily_budget"],
      });
      expect((await store.reserveSpend(spend("d", { ...budget, at: day(1) }))).ok).toBe(true);
      // Both limits at once are both reported.
      expect(
        await store.reserveSpend(spend("e", { ...budget, capMinor: "500", at: day(0) + 2 * HOUR })),
      ).toEqual({ ok: false, exceeded: ["over_customer_cap", "over_daily_budget"] });
      // Giving a reservation back frees its share of the budget.
      expect(await store.releaseSpend("a")).toBe(true);
      expect(await store.releaseSpend("a")).toBe(false);
      expect(
        (await store.reserveSpend(spend("c", { ...budget, customer: "c-3", at: day(0) + HOUR })))
          .ok,
      ).toBe(true);
    });

    storeTest(target, "amounts past 2^53 stay exact", async ({ store }) => {
      const big = "9007199254740993"; // 2^53 + 1: a float would round it to 2^53
      const budget = { dailyBudgetMinor: "18014398509481986" }; // exactly twice `big`
      expect((await store.reserveSpend(spend("a", { ...budget, amountMinor: big }))).ok).toBe(true);
      expect((await store.reserveSpend(spend("b", { ...budget, amountMinor: big }))).ok).toBe(true);
      expect(await store.reserveSpend(spend("c", { ...budget, amountMinor: "1" }))).toEqual({
        ok: false,
        exceeded: ["over_daily_budget"],
      });
    });

    storeTest(
      target,
      "N concurrent reservations for a budget that fits K: exactly K succeed",
      async ({ store, open }) => {
        const stores: Store[] = [store, await open(), await open()];
        const attempts = Array.from({ length: 12 }, (_, i) =>
          (stores[i % stores.length] ?? store).reserveSpend(
            spend(`k${i}`, { customer: `c-${i}`, amountMinor: "300", dailyBudgetMinor: "1000" }),
          ),
        );
        const results = await Promise.all(attempts);
        expect(results.filter((r) => r.ok)).toHaveLength(3);
        for (const r of results.filter((r) => !r.ok)) {
          expect(r).toEqual({ ok: false, exceeded: ["over_daily_budget"] });
        }
        // The same race for one customer's cap.
        const capped = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (stores[i % stores.length] ?? store).reserveSpend(
              spend(`cap${i}`, { promise: "price-drop", amountMinor: "250", capMinor: "1000" }),
            ),
          ),
        );
        expect(capped.filter((r) => r.ok)).toHaveLength(4);
      },
    );
  });
}
