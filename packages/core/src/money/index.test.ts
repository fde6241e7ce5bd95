import { describe, expect, it } from "vitest";
import * as api from "./index.js";
import { allocate, formatMoney, multiplyRatio, parseMoney, toDecimalString } from "./index.js";

describe("the public surface", () => {
  it("runs the example in the index doc comment as written", () => {
    const parsed = parseMoney("100.00", "SEK");
    if (!parsed.ok) throw new Error(parsed.issues[0]?.code);
    const refund = multiplyRatio(parsed.value, 1n, 3n, "half-even");
    const parts = allocate(parsed.value, [1n, 1n, 1n]);
    expect(toDecimalString(refund)).toBe("33.33");
    expect(parts.map(toDecimalString)).toEqual(["33.34", "33.33", "33.33"]);
    expect(formatMoney(refund, "sv")).toBe("33,33\u00a0kr");
  });

  it("exports exactly the documented names", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "CURRENCY_CODES",
        "POINTS",
        "add",
        "allocate",
        "compare",
        "currencyExponent",
        "equals",
        "formatMoney",
        "isCurrency",
        "isNegative",
        "isZero",
        "max",
        "min",
        "minorUnits",
        "money",
        "multiplyRatio",
        "negate",
        "parseMoney",
        "parseRatio",
        "subtract",
        "sum",
        "toDecimalString",
        "zero",
      ].sort(),
    );
  });
});
