import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html.js";

describe("escapeHtml", () => {
  it("neutralises a script tag", () => {
    expect(escapeHtml("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes both quotes, so the result is safe inside any quoted attribute", () => {
    expect(escapeHtml(`" onmouseover='x'`)).toBe("&quot; onmouseover=&#39;x&#39;");
  });

  it("escapes ampersands first, so existing entities show as written", () => {
    expect(escapeHtml("AT&T &amp; <b>")).toBe("AT&amp;T &amp;amp; &lt;b&gt;");
  });

  it("leaves other text, including CJK and Swedish letters, alone", () => {
    expect(escapeHtml("退款：€250.00 — åäö")).toBe("退款：€250.00 — åäö");
  });
});
