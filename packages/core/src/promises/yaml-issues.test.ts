import { describe, expect, test } from "vitest";
import { renderIssue } from "../i18n/render-issue.js";
import type { Issue } from "../issue.js";
import { loadPromises } from "./load.js";

const VALID = `goodfaith: 1
company: Shop
version: 2
currency: USD
promises:
  - id: late
    title: { en: Late, zh-CN: 迟到, sv: Sen }
    text: { en: We refund, zh-CN: 我们退款, sv: Vi betalar }
    on: order.delivered
    remedy: { kind: refund, amount: { expr: order.shipping } }
`;

function issues(text: string): readonly Issue[] {
  const r = loadPromises(text);
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

/** Each issue as `line:column key`, the way a reader scans a list of errors. */
const located = (text: string) => issues(text).map((i) => `${i.line}:${i.column} ${i.messageKey}`);

describe("YAML syntax errors", () => {
  test("say what is wrong in the reader's language, with the position given once", () => {
    const [issue] = issues("goodfaith: 1\ncompany: a: b\n");
    expect(issue).toMatchObject({ code: "promise.yaml_syntax", line: 2, column: 10 });
    if (!issue) return;
    expect(renderIssue(issue, "en")).toBe(
      'line 2, column 10: a value on the same line as its key cannot contain ": " — put the value in quotes, or start a nested mapping on the next line, indented',
    );
    expect(renderIssue(issue, "zh-CN")).toBe(
      "第 2 行第 10 列: 与键同行的值不能包含“: ”：请给值加引号，或将嵌套映射另起一行并缩进",
    );
    expect(renderIssue(issue, "sv", { lines: false })).toBe(
      'ett värde på samma rad som sin nyckel kan inte innehålla ": " – sätt värdet inom citattecken, eller börja en inre mappning på nästa rad, indragen',
    );
  });

  test.each([
    ["a tab as indentation", VALID.replace("    on:", "\ton:"), "9:1 promise.yaml.tab_as_indent"],
    ["keys out of line", VALID.replace("    text:", "     text:"), "8:1 promise.yaml.bad_indent"],
    [
      "a missing space after a colon",
      VALID.replace("company: Shop", "company:Shop"),
      "2:1 promise.yaml.multiline_implicit_key",
    ],
    [
      "a duplicate key",
      VALID.replace("version: 2", "version: 2\nversion: 3"),
      "4:1 promise.yaml.duplicate_key",
    ],
    [
      "a reserved first character",
      VALID.replace("company: Shop", "company: @shop"),
      "2:10 promise.yaml.bad_scalar_start",
    ],
    [
      "a bad escape",
      VALID.replace("company: Shop", 'company: "Sh\\op"'),
      "2:13 promise.yaml.bad_dq_escape",
    ],
    [
      "two documents",
      VALID.replace("promises:", "---\npromises:"),
      "5:1 promise.yaml.multiple_docs",
    ],
    // The parser notices these lines later; the writer is shown where the quote or brace opened.
    [
      "an unclosed quote",
      VALID.replace("company: Shop", 'company: "Shop'),
      "2:10 promise.yaml.unclosed_quote",
    ],
    ["an unclosed brace", VALID.replace("sv: Sen }", "sv: Sen"), "7:12 promise.yaml.unclosed"],
    [
      "an alias with no anchor",
      VALID.replace("version: 2", "version: *v"),
      "3:10 promise.yaml.unresolved_alias",
    ],
  ])("%s", (_, text, expected) => {
    expect(located(text)).toEqual([expected]);
  });

  test("deep nesting is one located error, not a crash or a cascade", () => {
    const deep = VALID.replace("company: Shop", `company: ${"[".repeat(5000)}${"]".repeat(5000)}`);
    const got = located(deep);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^2:\d+ promise\.yaml\.resource_exhaustion$/);
  });

  test("an alias bomb is refused where an alias is", () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
`;
    expect(located(bomb)).toEqual(["2:8 promise.yaml.resource_exhaustion"]);
  });
});

describe("a YAML mistake is reported once, where it is, not on every line after it", () => {
  const promise = (id: string) => `  - id: ${id}
    title:
      en: Late
      zh-CN: 迟到
      sv: Sen
    text:
      en: We refund
      zh-CN: 我们退款
      sv: Vi betalar
    on: order.delivered
    remedy:
      kind: refund
      amount:
        expr: order.shipping
      within: P3D
`;
  // Three promises in block style: line 6 opens the first, 21 the second.
  const BLOCK = `goodfaith: 1\ncompany: Shop\nversion: 2\ncurrency: USD\npromises:\n${promise("a")}${promise("b")}${promise("c")}`;

  test("the block document loads", () => {
    expect(loadPromises(BLOCK).ok).toBe(true);
  });

  test.each([
    [
      "a tab before a key",
      BLOCK.replace("    title:", "\ttitle:"),
      "7:1 promise.yaml.tab_as_indent",
    ],
    [
      "a tab inside the indentation",
      BLOCK.replace("      en: Late", "    \ten: Late"),
      "8:5 promise.yaml.tab_as_indent",
    ],
    [
      "a tab before a list item",
      BLOCK.replace("  - id: b", "\t- id: b"),
      "21:1 promise.yaml.tab_as_indent",
    ],
    [
      "a key one space short, mid-promise",
      BLOCK.replace("    text:", "   text:"),
      "11:1 promise.yaml.bad_indent",
    ],
    [
      "a key one space short, before a nested mapping",
      BLOCK.replace("    remedy:", "   remedy:"),
      "16:1 promise.yaml.bad_indent",
    ],
    [
      "an unclosed flow sequence",
      BLOCK.replace("    on: order.delivered", "    on: [order.delivered"),
      "15:9 promise.yaml.unclosed",
    ],
    [
      "a stray dash among keys",
      BLOCK.replace("    on: order.delivered", "    - on: order.delivered"),
      "15:5 promise.yaml.stray_dash",
    ],
    [
      "a stray dash on a nested key",
      BLOCK.replace("      kind: refund", "      - kind: refund"),
      "17:7 promise.yaml.stray_dash",
    ],
    [
      "a list item at the level of its key",
      BLOCK.replace("  - id: b", "- id: b"),
      "21:1 promise.yaml.stray_dash",
    ],
    [
      "a dash with no space",
      BLOCK.replace("  - id: b", "  -id: b"),
      "21:3 promise.yaml.dash_space",
    ],
    [
      "a key one level short, above a nested mapping",
      BLOCK.replace("      kind: refund", "    kind: refund"),
      "18:7 promise.yaml.under_value",
    ],
    [
      "a duplicated key",
      BLOCK.replace("    on: order.delivered", "    on: order.delivered\n    on: order.shipped"),
      "16:5 promise.yaml.duplicate_key",
    ],
  ])("%s", (_, text, expected) => {
    expect(located(text)).toEqual([expected]);
  });

  test("mistakes the parser stays in step after are each reported", () => {
    const twice = BLOCK.replace(
      "    on: order.delivered",
      "    on: order.delivered\n    on: order.shipped",
    ).replace("company: Shop", 'company: "Sh\\op"');
    expect(located(twice)).toEqual([
      "2:13 promise.yaml.bad_dq_escape",
      "16:5 promise.yaml.duplicate_key",
    ]);
  });

  test("a stray dash in the reader's language", () => {
    const [issue] = issues(BLOCK.replace("    on: order.delivered", "    - on: order.delivered"));
    if (!issue) throw new Error("expected an issue");
    expect(["en", "zh-CN", "sv"].map((l) => renderIssue(issue, l as "en"))).toEqual([
      'line 15, column 5: this "- " starts a list item among "key: value" lines: remove the "- ", or start every entry at this indentation with one',
      "第 15 行第 5 列: 此处的“- ”在若干“键: 值”行之间开始了一个列表项：请删除“- ”，或让此缩进层级的每一项都以它开头",
      'rad 15, kolumn 5: detta "- " börjar en listpost bland rader med "nyckel: värde": ta bort "- ", eller börja varje post på den här indragsnivån med ett',
    ]);
  });
});

describe("a document that is not a Bill of Rights at all", () => {
  test.each([
    ["an empty file", "", "1:1 promise.empty_document"],
    ["only comments", "# promises\n\n", "1:1 promise.empty_document"],
    ["a list", "- id: late\n", "1:1 promise.not_mapping"],
    ["a scalar", "\n\nhello\n", "3:1 promise.not_mapping"],
    ["a file that is not UTF-8", VALID.replace("Sen", "S\uFFFDn"), "7:40 promise.not_utf8"],
  ])("%s says so", (_, text, expected) => {
    expect(located(text)).toEqual([expected]);
  });

  test("the empty document in each language", () => {
    const [issue] = issues("");
    if (!issue) throw new Error("expected an issue");
    expect([
      renderIssue(issue, "en"),
      renderIssue(issue, "zh-CN"),
      renderIssue(issue, "sv"),
    ]).toEqual([
      'line 1, column 1: the document is empty; expected a mapping with "goodfaith: 1" and a "promises:" list',
      "第 1 行第 1 列: 文档为空；应为包含“goodfaith: 1”和“promises:”列表的映射",
      'rad 1, kolumn 1: dokumentet är tomt; förväntade en mappning med "goodfaith: 1" och en lista "promises:"',
    ]);
  });
});

describe("line endings and byte-order marks", () => {
  const bad = VALID.replace("goodfaith: 1", "goodfaith: 2");
  test("a byte-order mark does not shift columns; CRLF does not shift lines", () => {
    expect(loadPromises(`\uFEFF${VALID}`).ok).toBe(true);
    expect(loadPromises(VALID.replaceAll("\n", "\r\n")).ok).toBe(true);
    expect(located(`\uFEFF${bad}`)).toEqual(["1:12 promise.invalid_value"]);
    expect(located(bad.replaceAll("\n", "\r\n"))).toEqual(["1:12 promise.invalid_value"]);
  });
});
