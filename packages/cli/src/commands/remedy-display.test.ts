import { join } from "node:path";
import { REMEDY_STATUS_WORDS } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";
import { remedyDetailLines, remedyStatusText } from "./remedy-display.js";

const RETAIL = [
  join(ROOT, "packs/retail/events.jsonl"),
  "-p",
  join(ROOT, "packs/retail/promises.yaml"),
];
const SHIPPED = "not-shipped:order:o-1004";

async function retailStore(): Promise<string> {
  const db = tempDb();
  const run = await cli(["ingest", ...RETAIL, "--db", db]);
  expect(run.code).toBe(0);
  return db;
}

describe("a remedy shown to people", () => {
  it("words its status as the API's problems do in Chinese and Swedish", () => {
    for (const lang of ["sv", "zh-CN"] as const)
      for (const [status, words] of Object.entries(REMEDY_STATUS_WORDS[lang]))
        expect(remedyStatusText(lang, status)).toBe(words);
    expect(remedyStatusText("en", "executed")).toBe("executed");
  });

  it("lists and shows statuses in the reader's language, JSON keeping the API's codes", async () => {
    const db = await retailStore();
    const sv = await cli(["remedies", "list", "--db", db, "--lang", "sv"]);
    expect(sv.out.every((l) => l.startsWith("godkänd "))).toBe(true);
    const zh = await cli(["remedies", "show", SHIPPED, "--db", db, "--lang", "zh-CN"]);
    expect(zh.out[1]).toContain("· 已批准");
    expect(zh.out.join("\n")).not.toContain("approved");
    const customer = await cli(["customers", "show", "c-anna", "--db", db, "--lang", "sv"]);
    expect(customer.out).toContain("  godkänd        79.00 EUR  not-shipped:order:o-1004");
    expect(customer.out.join("\n")).toContain("  klar att skicka sv  ");
    const json = await cli(["remedies", "list", "--db", db, "--json", "--lang", "sv"]);
    expect(JSON.parse(json.out[0] ?? "{}").remedies[0].status).toBe("approved");
  });

  it("renders the explanation as lines of facts, not a JSON dump", async () => {
    const db = await retailStore();
    const sv = await cli(["remedies", "show", SHIPPED, "--db", db, "--lang", "sv"]);
    expect(sv.code).toBe(0);
    const text = sv.out.join("\n");
    expect(text).not.toMatch(/^\s*[{}]/m);
    expect(text).not.toContain('"explanation"');
    expect(sv.out).toContain(
      "  löfte: Betalt men inte skickat inom 3 dagar? Du får alla pengar tillbaka. (Northwind Market)",
    );
    expect(sv.out).toContain("  händelser: shop-1004, pay-1006");
    expect(sv.out).toContain("      order.cancelled = falskt");
    expect(sv.out).toContain("  belopp: andel 1/1 av det som betalats = 79.00 EUR");
    const en = await cli([
      "remedies",
      "show",
      "duplicate-charge:order:o-1003:payment:ch-1003-2",
      "--db",
      db,
    ]);
    expect(en.out).toContain("  condition: order.charged > order.paid = true");
    expect(en.out).toContain("      order.charged = 80.00 EUR");
    const json = await cli(["remedies", "show", SHIPPED, "--db", db, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}").remedy.detail.explanation.events).toEqual([
      "shop-1004",
      "pay-1006",
    ]);
  });

  it("words the amount's rule in the reader's language, English keeping the engine's words", async () => {
    const db = await retailStore();
    const show = async (lang: string) =>
      (await cli(["remedies", "show", SHIPPED, "--db", db, "--lang", lang])).out;
    expect(await show("zh-CN")).toContain("  金额：已付金额的 1/1 = 79.00 EUR");
    expect((await show("zh-CN")).join("\n")).not.toContain("of what was paid");
    expect((await show("sv")).join("\n")).not.toContain("of what was paid");
    expect(await show("en")).toContain("  amount: fraction 1/1 of what was paid = 79.00 EUR");
    const json = await cli(["remedies", "show", SHIPPED, "--db", db, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}").remedy.detail.explanation.amount).toEqual({
      rule: "fraction 1/1 of what was paid",
      kind: "fraction",
      numerator: 1,
      denominator: 1,
      value: { amount: "79.00", currency: "EUR" },
    });
  });

  it("words a fixed amount, and keeps the English rule of an explanation stored before kinds", () => {
    const value = { amount: "5.00", currency: "EUR" };
    const fixed = { rule: "fixed", kind: "fixed", fixed: value, value };
    const amountLine = (lang: "sv" | "zh-CN", amount: object) =>
      remedyDetailLines(lang, { explanation: { amount } }, "");
    expect(amountLine("sv", fixed)).toEqual(["belopp: fast belopp = 5.00 EUR"]);
    expect(amountLine("zh-CN", fixed)).toEqual(["金额：固定金额 = 5.00 EUR"]);
    const stored = { rule: "fraction 1/2 of what was paid", value };
    expect(amountLine("sv", stored)).toEqual(["belopp: fraction 1/2 of what was paid = 5.00 EUR"]);
  });
});
