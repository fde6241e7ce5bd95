import { describe, expect, it } from "vitest";
import { plainValue } from "./explain.js";
import { MoneyValue } from "./money-value.js";
import { ItemView } from "./views.js";

describe("plainValue, as explanations carry a value", () => {
  it("names a view by its sku or id, so a list of items does not read as nulls", () => {
    const item = new ItemView(
      { sku: "ebook-pippi", kind: "digital", price: 899n, quantity: 1 },
      "EUR",
    );
    expect(plainValue([item])).toEqual(["ebook-pippi"]);
    expect(plainValue({ id: "o-1004", total: 1 })).toBe("o-1004");
    expect(plainValue({ other: "x" })).toBeNull();
  });

  it("keeps scalars, money, times and durations as they read", () => {
    expect(plainValue(3n)).toBe(3);
    expect(plainValue(new MoneyValue(7900n, "EUR"))).toEqual({ amount: "79.00", currency: "EUR" });
    expect(plainValue(new Date("2026-11-13T10:00:00Z"))).toBe("2026-11-13T10:00:00.000Z");
    expect(plainValue({ seconds: 90n })).toBe("90s");
  });
});
