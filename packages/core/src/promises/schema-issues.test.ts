import { describe, expect, test } from "vitest";
import { renderIssue } from "../i18n/render-issue.js";
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
    remedy:
      kind: refund
      amount: { expr: order.shipping }
      within: P2D
`;

/** Each issue as `line:column path key`, in English. */
function located(text: string): string[] {
  const r = loadPromises(text);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => `${i.line}:${i.column} ${renderIssue(i, "en", { lines: false })}`);
}

describe("the first mistakes in a Bill of Rights", () => {
  test.each([
    [
      "a misspelt key names the key it most likely meant, once",
      VALID.replace("currency:", "curency:"),
      ['4:1 curency: unknown field "curency"; did you mean "currency"?'],
    ],
    [
      "an optional key misspelt too",
      VALID.replace("within:", "witin:"),
      ['13:7 promises[0].remedy.witin: unknown field "witin"; did you mean "within"?'],
    ],
    [
      "a language code in the wrong case",
      VALID.replace("zh-CN: 迟到", "zh-cn: 迟到"),
      ['7:24 promises[0].title.zh-cn: unknown field "zh-cn"; did you mean "zh-CN"?'],
    ],
    [
      "a missing language",
      VALID.replace("zh-CN: 迟到, ", ""),
      ["7:12 promises[0].title.zh-CN: this field is required"],
    ],
    [
      "one text where each language is needed",
      VALID.replace("{ en: We refund, zh-CN: 我们退款, sv: Vi betalar }", "We refund"),
      ["8:11 promises[0].text: expected the text in each language: { en: …, zh-CN: …, sv: … }"],
    ],
    [
      "a number where text is expected",
      VALID.replace("company: Shop", "company: 42"),
      ["2:10 company: expected text"],
    ],
    [
      "a key with no value",
      VALID.replace("version: 2", "version:"),
      ["3:9 version: no value given"],
    ],
    [
      "a scalar where a list is expected",
      `${VALID.split("promises:")[0]}promises: none\n`,
      ['5:11 promises: expected a list (items starting with "- ")'],
    ],
    [
      "yes is not a boolean",
      VALID.replace("within: P2D", "within: P2D\n      compensation: yes"),
      ["14:21 promises[0].remedy.compensation: expected true or false"],
    ],
    [
      "a number of hours is not a duration",
      VALID.replace("within: P2D", "within: 48"),
      [
        '13:15 promises[0].remedy.within: expected an ISO 8601 duration such as "P14D" or "PT2H" (weeks, days, hours, minutes, seconds)',
      ],
    ],
    [
      "an amount written as a number",
      VALID.replace("{ expr: order.shipping }", "{ fixed: 12.5 }"),
      [
        '12:24 promises[0].remedy.amount.fixed: expected a decimal amount in quotes, such as "12.50"',
      ],
    ],
    [
      "a fraction above one",
      VALID.replace("{ expr: order.shipping }", "{ fraction: 1.5 }"),
      ["12:27 promises[0].remedy.amount.fraction: must be at most 1"],
    ],
    [
      "a governance limit in an unknown currency",
      VALID.replace(
        "within: P2D",
        'within: P2D\n    governance: { autoApproveUpTo: { usd: "5" } }',
      ),
      [
        '14:38 promises[0].governance.autoApproveUpTo.usd: expected an ISO 4217 currency code such as "EUR", or "PTS" for points',
      ],
    ],
    [
      "a currency that does not exist",
      VALID.replace("currency: USD", "currency: XYZ"),
      ['4:11 currency: expected an ISO 4217 currency code such as "EUR", or "PTS" for points'],
    ],
    [
      "an empty text",
      VALID.replace("en: Late", 'en: ""'),
      ["7:18 promises[0].title.en: must not be empty"],
    ],
    [
      "an empty list of events",
      VALID.replace("on: order.delivered", "on: []"),
      ["9:9 promises[0].on: must not be empty"],
    ],
    [
      "an event that is not a string",
      VALID.replace("on: order.delivered", "on: 5"),
      ["9:9 promises[0].on: expected an event type, or a list of event types"],
    ],
    [
      "a misspelt event type",
      VALID.replace("on: order.delivered", "on: order.deliverd"),
      [
        '9:9 promises[0].on: "order.deliverd" is not an event type promises can listen to; did you mean "order.delivered"?',
      ],
    ],
  ])("%s", (_, text, expected) => {
    expect(located(text)).toEqual(expected);
  });

  test.each([
    [
      "a key indented too far, into the mapping before it",
      VALID.replace("    on: order.delivered", "      on: order.delivered").replace(
        "text: { en: We refund, zh-CN: 我们退款, sv: Vi betalar }",
        "text:\n      en: We refund\n      zh-CN: 我们退款\n      sv: Vi betalar",
      ),
      '12:7 promises[0].text.on: "on" is not a field here but of promises[0]',
    ],
    [
      "a key indented too little, out of its mapping",
      VALID.replace("      within: P2D", "    within: P2D"),
      '13:5 promises[0].within: "within" is not a field here but of promises[0].remedy',
    ],
    [
      "the only key of a mapping indented too little, leaving it empty",
      VALID.replace("amount: { expr: order.shipping }", "amount:\n      expr: order.shipping"),
      '13:7 promises[0].remedy.expr: "expr" is not a field here but of promises[0].remedy.amount',
    ],
  ])("%s is one issue, saying where it belongs", (_, text, expected) => {
    const got = located(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(expected);
  });

  test("a key in the wrong mapping, in each language", () => {
    const r = loadPromises(VALID.replace("      within: P2D", "    within: P2D"));
    if (r.ok) throw new Error("expected issues");
    const [issue] = r.issues;
    if (!issue) return;
    expect(
      ["en", "zh-CN", "sv"].map((l) => renderIssue(issue, l as "en", { lines: false })),
    ).toEqual([
      'promises[0].within: "within" is not a field here but of promises[0].remedy: change its indentation to line up with the keys of promises[0].remedy',
      "promises[0].within: “within”不是此处的字段，而属于 promises[0].remedy：请调整缩进，使其与 promises[0].remedy 的键对齐",
      'promises[0].within: "within" är inget fält här utan hör till promises[0].remedy: ändra indraget så att det står i linje med nycklarna i promises[0].remedy',
    ]);
  });

  test("the suggestion reads naturally in each language", () => {
    const r = loadPromises(VALID.replace("kind:", "knd:"));
    if (r.ok) throw new Error("expected issues");
    expect(r.issues).toHaveLength(1);
    const [issue] = r.issues;
    if (!issue) return;
    expect(renderIssue(issue, "zh-CN", { lines: false })).toBe(
      "promises[0].remedy.knd: 未知字段“knd”；您是否想写“kind”？",
    );
    expect(renderIssue(issue, "sv", { lines: false })).toBe(
      'promises[0].remedy.knd: okänt fält "knd"; menade du "kind"?',
    );
  });
});
