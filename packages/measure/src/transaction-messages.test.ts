import { describe, expect, it } from "vitest";
import { parseCdnow } from "./parse-cdnow.js";
import { parseTransactionsCsv } from "./parse-csv.js";
import { renderInputIssue, transactionMessages } from "./transaction-messages.js";

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("transactionMessages", () => {
  it("says every message in each language with the parameters English uses", () => {
    for (const [key, english] of Object.entries(transactionMessages.en)) {
      for (const lang of ["zh-CN", "sv"] as const) {
        const template = transactionMessages[lang][key as keyof typeof transactionMessages.en];
        expect(placeholders(template), `${lang} ${key}`).toEqual(placeholders(english));
      }
    }
  });
});

describe("renderInputIssue", () => {
  it("says why a line was refused in the reader's language, the location left to the caller", () => {
    const csv = parseTransactionsCsv("customer,date,amount\nc1,2026-01-0x,5\nc1,2026-01-01\n");
    const cdnow = parseCdnow(" 00004 0001 19970101  2   -5.00\n");
    if (csv.ok || cdnow.ok) throw new Error("expected issues");
    const [date, count] = csv.issues;
    expect(date).toMatchObject({
      code: "bad-date",
      line: 2,
      column: 4,
      params: { value: "2026-01-0x" },
    });
    expect(count).toMatchObject({
      code: "bad-field-count",
      line: 3,
      params: { expected: 3, found: 2 },
    });
    const said = (lang: "en" | "zh-CN" | "sv") =>
      [...csv.issues, ...cdnow.issues].map((i) => renderInputIssue(i, lang));
    expect(said("en")).toEqual([
      'expected a date YYYY-MM-DD, got "2026-01-0x"',
      "expected 3 fields as in the header, found 2",
      'negative amount "-5.00" (returns are not supported)',
    ]);
    expect(said("zh-CN")).toEqual([
      "应为 YYYY-MM-DD 格式的日期，实际为“2026-01-0x”",
      "应与表头一样有 3 个字段，实际为 2 个",
      "金额“-5.00”为负数（不支持退货）",
    ]);
    expect(said("sv")).toEqual([
      'förväntade ett datum ÅÅÅÅ-MM-DD, fick "2026-01-0x"',
      "förväntade 3 fält som i rubriken, fann 2",
      'negativt belopp "-5.00" (returer stöds inte)',
    ]);
  });
});
