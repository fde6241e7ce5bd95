import { describe, expect, it } from "vitest";
import { MoneyTotals } from "./decimal.js";

describe("MoneyTotals", () => {
  it("sums exactly where floats would not, per currency", () => {
    const t = new MoneyTotals();
    for (let i = 0; i < 10; i++) t.add({ amount: "0.10", currency: "EUR" }, 1);
    t.add({ amount: "1500", currency: "PTS" }, 1);
    t.add({ amount: "0.005", currency: "BHD" }, 1);
    expect(t.toJSON()).toEqual({ BHD: "0.005", EUR: "1", PTS: "1500" });
  });

  it("prints the same total whatever came and went before", () => {
    const t = new MoneyTotals();
    t.add({ amount: "12.50", currency: "EUR" }, 1);
    t.add({ amount: "0.255", currency: "EUR" }, 1);
    t.add({ amount: "0.255", currency: "EUR" }, -1);
    expect(t.toJSON()).toEqual({ EUR: "12.5" });
    t.add({ amount: "12.5", currency: "EUR" }, -1);
    t.add({ amount: "0.07", currency: "EUR" }, -1);
    expect(t.toJSON()).toEqual({ EUR: "-0.07" });
  });

  it("rejects an amount that is not a decimal (a caller bug)", () => {
    expect(() => new MoneyTotals().add({ amount: "1e3", currency: "EUR" }, 1)).toThrow(/decimal/);
  });
});
