import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGS } from "../i18n/lang.js";
import type { Issue } from "../issue.js";
import { EVENT_ISSUE_CODES, VALUE_KINDS } from "./issue-codes.js";
import { eventMessages, kindKey } from "./messages.js";
import { renderEventIssue } from "./render-issue.js";
import { eventIssue } from "./zod-issues.js";

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every `"event.…"` literal in this folder's code: what the validator can actually emit.
const codesInSource = new Set(
  readdirSync(new URL(".", import.meta.url))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .flatMap((file) => [
      ...readFileSync(new URL(file, import.meta.url), "utf8").matchAll(/"(event\.[a-z_]+)"/g),
    ])
    .map((match) => match[1] as string),
);

describe("event messages", () => {
  it("finds the codes the source uses (the scan works)", () => {
    expect(codesInSource.has("event.invalid_decimal")).toBe(true);
    expect(codesInSource.has("event.customer_forbidden")).toBe(true);
  });

  it.each(LANGS)(
    "has a %s message for every code used in the source and every declared code",
    (lang) => {
      const missing = [...codesInSource, ...EVENT_ISSUE_CODES].filter(
        (code) => !eventMessages[lang][code],
      );
      expect(missing).toEqual([]);
    },
  );

  it.each(LANGS)("names every kind of value in %s", (lang) => {
    expect(VALUE_KINDS.filter((kind) => !eventMessages[lang][kindKey(kind)])).toEqual([]);
  });

  it.each(["zh-CN", "sv"] as const)(
    "%s uses the same placeholders as English, and says something else",
    (lang) => {
      for (const [key, english] of Object.entries(eventMessages.en)) {
        const translated = eventMessages[lang][key] ?? "";
        expect({ key, params: placeholders(translated) }).toEqual({
          key,
          params: placeholders(english),
        });
        if (key !== "event.kind.null")
          expect({ key, translated }).not.toEqual({ key, translated: english });
      }
    },
  );

  it("has no catalog entries that no code or kind needs", () => {
    const needed = new Set<string>([
      ...EVENT_ISSUE_CODES,
      ...VALUE_KINDS.map(kindKey),
      "event.at_line",
      "event.at_line_column",
    ]);
    for (const lang of LANGS)
      expect(Object.keys(eventMessages[lang]).filter((k) => !needed.has(k))).toEqual([]);
  });
});

describe("renderEventIssue", () => {
  const price = eventIssue("event.invalid_decimal", ["data", "items", 2, "price"]);

  it("renders the path and the message in each language", () => {
    expect(renderEventIssue(price, "en")).toBe(
      'data.items[2].price: expected a decimal string such as "12.50"',
    );
    expect(renderEventIssue(price, "zh-CN")).toBe(
      "data.items[2].price: 应为十进制数字字符串，例如“12.50”",
    );
    expect(renderEventIssue(price, "sv")).toBe(
      "data.items[2].price: förväntade ett decimaltal som sträng, till exempel ”12.50”",
    );
  });

  it("translates the kinds of value in invalid_type", () => {
    const issue = eventIssue("event.invalid_type", ["data", "gift"], {
      expected: "boolean",
      received: "string",
    });
    expect(renderEventIssue(issue, "en")).toBe("data.gift: expected true or false, got a string");
    expect(renderEventIssue(issue, "zh-CN")).toBe("data.gift: 应为布尔值，实际为字符串");
    expect(renderEventIssue(issue, "sv")).toBe(
      "data.gift: förväntade sant eller falskt, fick en sträng",
    );
  });

  it("puts the line and column first", () => {
    const json: Issue = { ...eventIssue("event.invalid_json", []), line: 3, column: 19 };
    expect(renderEventIssue(json, "en")).toBe("line 3, column 19: is not valid JSON");
    expect(renderEventIssue(json, "zh-CN")).toBe("第 3 行第 19 列: 不是有效的 JSON");
    expect(renderEventIssue({ ...price, line: 8 }, "sv")).toMatch(
      /^rad 8: data\.items\[2\]\.price: /,
    );
  });

  it("falls back to English, then to the code, for keys a catalog lacks", () => {
    const unknown: Issue = { path: [], code: "other.code", messageKey: "other.code", params: {} };
    expect(renderEventIssue(unknown, "sv")).toBe("other.code");
  });
});
