import { describe, expect, test } from "vitest";
import { money } from "../money/index.js";
import { GovernanceLedger } from "./governance.js";

const DAY = 86_400_000;
const usd = (minor: bigint) => money(minor, "USD");

describe("governance", () => {
  test("within every limit: approved automatically", () => {
    const g = new GovernanceLedger();
    expect(g.decide("p", { autoApproveUpTo: [usd(5000n)] }, "c1", usd(5000n), 0)).toEqual([]);
  });

  test("over the threshold waits for a person", () => {
    const g = new GovernanceLedger();
    expect(g.decide("p", { autoApproveUpTo: [usd(5000n)] }, "c1", usd(5001n), 0)).toEqual([
      "over_threshold",
    ]);
  });

  test("a currency without a limit waits for a person; one with its own limit does not", () => {
    const g = new GovernanceLedger();
    const gov = { autoApproveUpTo: [usd(5000n), money(500000n, "SEK")] };
    expect(g.decide("p", gov, "c1", money(100n, "EUR"), 0)).toEqual(["other_currency"]);
    expect(g.decide("p", gov, "c1", money(400000n, "SEK"), 0)).toEqual([]);
  });

  test("the per-customer cap counts grants inside the period only, per customer", () => {
    const g = new GovernanceLedger();
    const gov = { perCustomerCap: { amount: [usd(1000n)], periodMs: 30 * DAY } };
    expect(g.decide("p", gov, "c1", usd(600n), 0)).toEqual([]);
    expect(g.decide("p", gov, "c1", usd(600n), 1 * DAY)).toEqual(["over_customer_cap"]);
    expect(g.decide("p", gov, "c2", usd(600n), 1 * DAY)).toEqual([]);
    expect(g.decide("p", gov, "c1", usd(400n), 31 * DAY)).toEqual([]);
  });

  test("the daily budget resets each day (UTC, event time)", () => {
    const g = new GovernanceLedger();
    const gov = { dailyBudget: [usd(1000n)] };
    expect(g.decide("p", gov, "c1", usd(700n), 0)).toEqual([]);
    expect(g.decide("p", gov, "c2", usd(400n), DAY - 1)).toEqual(["over_daily_budget"]);
    expect(g.decide("p", gov, "c3", usd(900n), DAY)).toEqual([]);
  });
});
