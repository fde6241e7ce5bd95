import { describe, expect, it } from "vitest";
import { curlExamples, type DemoRun, renderSummary } from "./render.js";
import type { DemoSummary } from "./summary.js";

const run: DemoRun = {
  seed: 261,
  db: ".goodfaith/demo.db",
  flights: { count: 10_000, yearShift: 25 },
  customers: 5000,
  generateSeconds: 0.84,
  ingestSeconds: 9.61,
};

const summary: DemoSummary = {
  events: 38_207,
  remedies: {
    remedies: 3,
    money: [
      { amount: "418.00", currency: "EUR" },
      { amount: "5.00", currency: "USD" },
    ],
    points: "10000",
    awaitingApproval: 1,
  },
  byPromise: {
    "delay-refund": {
      remedies: 2,
      money: [{ amount: "418.00", currency: "EUR" }],
      points: "10000",
      awaitingApproval: 1,
    },
    "repeat-contact": { remedies: 1, money: [], points: "0", awaitingApproval: 0 },
  },
  customersReached: 2,
  toldFirst: { problems: 4, contacted: 3, toldFirst: 2, uncontacted: 1 },
};

describe("the demo's summary text", () => {
  it("lists each promise with its count and amounts, points apart, and the share told first", () => {
    const text = renderSummary(summary, run, "en").join("\n");
    expect(text).toContain("Goodfaith demo · seed 261");
    expect(text).toContain("dates moved 25 years forward to 2026");
    expect(text).toMatch(/delay-refund +2 · €418\.00; 10,000 points {2}\(1 awaiting approval\)/);
    expect(text).toMatch(/repeat-contact +1 · nothing paid/);
    expect(text).toMatch(/all promises +3 · €418\.00; \$5\.00; 10,000 points/);
    expect(text).toContain("Customers told before they contacted us: 2 of 3 (67%)");
    expect(text).toContain("1 more were told and never contacted us");
  });

  it("speaks Swedish and Chinese too", () => {
    const sv = renderSummary(summary, run, "sv").join("\n");
    expect(sv).toContain("Kunder som fick veta innan de hörde av sig: 2 av 3 (67");
    expect(sv).toContain("418,00");
    const zh = renderSummary(summary, run, "zh-CN").join("\n");
    expect(zh).toContain("在客户联系我们之前就已告知：3 个中的 2 个");
  });

  it("gives three calls against the server's own address", () => {
    const calls = curlExamples("http://127.0.0.1:8787", {
      customer: "c-00042",
      owned: { customer: "c-00007", sku: "ebook-pippi", kind: "digital" },
    });
    expect(calls).toHaveLength(3);
    expect(calls[1]).toContain("http://127.0.0.1:8787/v1/customers/c-00042");
    expect(calls[2]).toContain(
      `-d '{"customer":"c-00007","items":[{"sku":"ebook-pippi","kind":"digital"}]}'`,
    );
    for (const call of calls) expect(call).toContain("Authorization: Bearer $GOODFAITH_KEY");
  });
});
