import { describe, expect, it } from "vitest";
import { possessive } from "./possessive.js";

describe("possessive", () => {
  it("adds 's in English, or only an apostrophe after an s", () => {
    expect(possessive("Northwind Air", "en")).toBe("Northwind Air's");
    expect(possessive("Acme Widgets", "en")).toBe("Acme Widgets'");
  });

  it("adds s in Swedish, but not after s, x or z", () => {
    expect(possessive("Northwind Air", "sv")).toBe("Northwind Airs");
    expect(possessive("Hans", "sv")).toBe("Hans");
    expect(possessive("Fox", "sv")).toBe("Fox");
  });

  it("joins 的 in Chinese, with a space after a Latin name only", () => {
    expect(possessive("Northwind Air", "zh-CN")).toBe("Northwind Air 的");
    expect(possessive("北风航空", "zh-CN")).toBe("北风航空的");
  });
});
