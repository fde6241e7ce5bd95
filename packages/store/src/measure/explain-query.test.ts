import { describe, expect, it } from "vitest";
import { EXPLAINABLE, isExplainable } from "./explain-query.js";

describe("explainable figures", () => {
  it("names each figure once (the API builds an enum of them, the CLI lists them)", () => {
    expect(new Set(EXPLAINABLE).size).toBe(EXPLAINABLE.length);
    expect(EXPLAINABLE).toContain("toldFirst");
    expect(EXPLAINABLE).toContain("timeToRemedy");
    expect(isExplainable("nope")).toBe(false);
  });
});
