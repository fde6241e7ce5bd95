import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, postRetailEvents } from "../../test/harness.js";

describe("GET /v1/capital and /v1/report", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    await postRetailEvents(h);
  });
  afterEach(() => h.close());

  it("says, in the reader's language, when the log cannot value relationships yet", async () => {
    const res = await h.call("/v1/capital", {
      as: "agent",
      headers: { "accept-language": "sv" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { code: string; title: string; detail: string };
    expect(problem).toMatchObject({
      code: "capital_unavailable",
      title: "Kundrelationerna går inte att värdera",
    });
    // Why, in the same language (it used to be the model's English text).
    expect(problem.detail).toMatch(/^Kundrelationerna kunde inte värderas: /);
  });

  it("refuses a period that is not one", async () => {
    const res = await h.call("/v1/capital?period=November", {
      as: "agent",
      headers: { "accept-language": "zh-CN" },
    });
    expect(res.status).toBe(400);
    const issue = ((await res.json()) as { issues: { path: string; message: string }[] }).issues[0];
    expect(issue).toEqual({
      code: "request.invalid_period",
      path: "query.period",
      message: "应为月份（2026-11）或日期范围（2026-11-01..2026-11-30）",
    });
  });

  it("serves the report as a standalone HTML page with SVG charts, or as text", async () => {
    const html = await h.call("/v1/report?period=2026-11&lang=zh-CN", { as: "agent" });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    const page = await html.text();
    expect(page).toContain("<svg");
    expect(page).toContain('lang="zh-CN"');
    expect(page).not.toMatch(/<script/);
    const text = await h.call("/v1/report?period=2026-11&format=text", { as: "agent" });
    expect(text.headers.get("content-type")).toContain("text/plain");
    expect(await text.text()).toContain("What customers lived through");
  });
});
