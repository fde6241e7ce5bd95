import { describe, expect, test } from "vitest";
import { renderIssue } from "../i18n/render-issue.js";
import type { Issue } from "../issue.js";
import { loadPromises } from "./load.js";

// The expression under test comes first: `when` is on line 7 and its value starts in column 11.
const doc = (when: string, on = "order.delivered") => `goodfaith: 1
company: Shop
version: 2
currency: USD
promises:
  - id: late
    when: ${when}
    on: ${on}
    title: { en: Late, zh-CN: 迟到, sv: Sen }
    text: { en: We refund, zh-CN: 我们退款, sv: Vi betalar }
    remedy: { kind: refund, amount: { expr: order.shipping } }
`;

function only(text: string): Issue {
  const r = loadPromises(text);
  if (r.ok) throw new Error("expected issues");
  expect(r.issues).toHaveLength(1);
  const [issue] = r.issues;
  if (!issue) throw new Error("expected an issue");
  expect(issue.code).toBe("promise.invalid_expression");
  return issue;
}

/**
 * The issue for `when` (double-quoted: its column is 12 + the offset in the expression) as
 * `column key`, with the parameters that name what is wrong.
 */
const explained = (when: string, on?: string) => {
  const { column, messageKey, params } = only(doc(JSON.stringify(when), on));
  const { eventType: _, ...named } = params;
  return [`${column} ${messageKey}`, named];
};

describe("a CEL expression that does not compile", () => {
  test.each([
    [
      "a misspelt field, with the field it likely meant",
      "order.shiping > order.total",
      "18 promise.cel.unknown_field_suggest",
      { field: "shiping", type: "Order", fields: expect.any(String), suggestion: "shipping" },
    ],
    [
      "a misspelt variable, with the variable it likely meant",
      "ordr.shipped",
      "12 promise.cel.unknown_variable_suggest",
      { name: "ordr", suggestion: "order", available: "event, now, customer, order" },
    ],
    [
      "an operator on types it does not take, at the operator",
      "order.deliveredAt > order.id",
      "30 promise.cel.no_operator",
      { operator: ">", left: "google.protobuf.Timestamp", right: "string" },
    ],
    [
      "a time compared with text, with how to write the time",
      "order.deliveredAt > '2025-01-31T00:00:00Z'",
      "30 promise.cel.no_operator_suggest",
      {
        operator: ">",
        left: "google.protobuf.Timestamp",
        right: "string",
        suggestion: "timestamp('2025-01-31T00:00:00Z')",
      },
    ],
    [
      "a unary operator on a type it does not take",
      "-order.id == 'a'",
      "12 promise.cel.no_unary_operator",
      { operator: "-", operand: "string" },
    ],
    [
      "a function called with the wrong types, with its declaration",
      "money(10, 'USD') > order.total",
      "12 promise.cel.no_call",
      { call: "money(int, string)", signatures: "money(string, string): Money" },
    ],
    [
      "a method called with the wrong types",
      "order.id.startsWith(1)",
      "12 promise.cel.no_call",
      { call: "string.startsWith(int)", signatures: "string.startsWith(string): bool" },
    ],
    [
      "a function that does not exist, with the one it likely meant",
      "order.id.startWith('a')",
      "12 promise.cel.unknown_function_suggest",
      { function: "startWith", suggestion: "startsWith" },
    ],
    [
      "an operand of && that is not bool, at that operand",
      "order.shipped && order.id",
      "29 promise.cel.not_bool",
      { operator: "&&", type: "string" },
    ],
    [
      "a condition of ?: that is not bool",
      "order.id ? true : false",
      "18 promise.cel.not_bool",
      { operator: "?", type: "string" },
    ],
    [
      "branches of ?: of different types",
      "(true ? 1 : 'a') == 1",
      "13 promise.cel.branch_types",
      { left: "int", right: "string" },
    ],
    [
      "an index into what has none, at the bracket",
      "order.id[0] == 'a'",
      "20 promise.cel.not_indexable",
      { type: "string" },
    ],
    [
      "an expression that stops too early, at its end",
      "order.deliveredAt >",
      "31 promise.cel.incomplete",
      {},
    ],
    [
      "a bracket never closed, where it opens",
      "(order.shipped || order.delivered",
      "12 promise.cel.unclosed",
      { char: "(" },
    ],
    ["a quote never closed, where it opens", "order.id == 'a", "24 promise.cel.unclosed_quote", {}],
    ["a missing field name after a dot", "order.", "18 promise.cel.expected_field", {}],
    [
      "a token other than the one required",
      "{'a' 1}.a",
      "17 promise.cel.expected",
      { expected: ":", found: "1" },
    ],
    [
      "an operator spelt as in SQL, with CEL's",
      "order.shipped and order.delivered",
      "26 promise.cel.unexpected_suggest",
      { token: "and", suggestion: "&&" },
    ],
    ["a reserved word", "if", "12 promise.cel.reserved", { name: "if" }],
    [
      "a result of the wrong type",
      "order.total",
      "12 promise.cel.result_type",
      { expected: "bool", actual: "Money" },
    ],
    [
      "anything else, in cel-js's words",
      "has(order)",
      "16 promise.cel.other",
      { detail: "has() invalid argument" },
    ],
  ])("%s", (_, when, at, params) => {
    expect(explained(when)).toEqual([at, params]);
  });

  // Before, each of these was "unknown name i": the checker trips on the macro's variable.
  test.each([
    ["order.items.exist(i, i.price > order.total)", "exists"],
    ["order.items.al(i, i.quantity > 1)", "all"],
    ["order.items.exist_one(i, i.quantity > 1)", "exists_one"],
    ["order.items.mapp(i, i.price).size() > 1", "map"],
    ["order.items.fliter(i, i.quantity > 1).size() > 1", "filter"],
    ["order.items.Exists(i, i.quantity > 1)", "exists"],
  ])("a misspelt macro (%s) is named, with the macro it likely meant", (when, suggestion) => {
    const name = /\.(\w+)\(/.exec(when)?.[1] ?? "";
    expect(explained(when)).toEqual([
      `${12 + when.indexOf(`.${name}(`) + 1} promise.cel.unknown_macro_suggest`,
      { function: name, macros: "all, exists, exists_one, map, filter", suggestion },
    ]);
  });

  test("a call shaped like a macro but named like none lists the macros", () => {
    expect(explained("order.items.any(i, i.quantity > 1)")).toEqual([
      "24 promise.cel.unknown_macro",
      { function: "any", macros: "all, exists, exists_one, map, filter" },
    ]);
    expect(explained("exist(order.items, i, true)")[0]).toBe(
      "12 promise.cel.unknown_macro_suggest",
    );
  });

  test.each([
    ["order.total > 100", "24", ">", "Money", "int", 'money("100.00", "USD")'],
    ["100 < order.total", "16", "<", "int", "Money", 'money("100.00", "USD")'],
    ["order.total >= 99.5", "24", ">=", "Money", "double", 'money("99.50", "USD")'],
    ["order.total - 5u == order.shipping", "24", "-", "Money", "uint", 'money("5.00", "USD")'],
  ])(
    "money compared with a bare number (%s) says how to write the amount",
    (when, column, operator, left, right, suggestion) => {
      expect(explained(when)).toEqual([
        `${column} promise.cel.no_operator_suggest`,
        { operator, left, right, suggestion },
      ]);
    },
  );

  test("money divided by a number suggests no amount: money / money is no answer either", () => {
    expect(explained("order.total / 2 == order.shipping")[0]).toBe("24 promise.cel.no_operator");
  });

  test("misspelt macros and bare amounts in the reader's language", () => {
    const macro = only(doc("order.items.exist(i, i.quantity > 1)"));
    const money = only(doc("order.total > 100"));
    expect(
      ["en", "zh-CN", "sv"].map((l) => renderIssue(macro, l as "en", { lines: false })),
    ).toEqual([
      'promises[0].when: "exist" is not a macro or a function; did you mean "exists"?',
      "promises[0].when: “exist”既不是宏也不是函数；您是否想写“exists”？",
      'promises[0].when: "exist" är varken ett makro eller en funktion; menade du "exists"?',
    ]);
    expect(
      ["en", "zh-CN", "sv"].map((l) => renderIssue(money, l as "en", { lines: false })),
    ).toEqual([
      'promises[0].when: the operator > does not apply to Money and int; did you mean money("100.00", "USD")?',
      'promises[0].when: 运算符 > 不能用于 Money 和 int；您是否想写 money("100.00", "USD")？',
      'promises[0].when: operatorn > går inte att använda på Money och int; menade du money("100.00", "USD")?',
    ]);
  });

  test("a variable of another event says which names this event offers", () => {
    expect(explained("flight.cancelled")).toEqual([
      "12 promise.cel.unavailable_variable",
      { name: "flight", available: "event, now, customer, order" },
    ]);
  });

  test("the end of a folded expression is on its own line, not the next key's", () => {
    const issue = only(doc(">\n      order.deliveredAt >"));
    expect([issue.line, issue.column, issue.messageKey]).toEqual([8, 26, "promise.cel.incomplete"]);
  });

  test("say why in the reader's language, naming what is involved", () => {
    const field = only(doc("order.shiping > order.total"));
    expect(renderIssue(field, "en")).toBe(
      'line 7, column 17: promises[0].when: Order has no field "shiping"; did you mean "shipping"?',
    );
    expect(renderIssue(field, "zh-CN", { lines: false })).toBe(
      "promises[0].when: Order 没有字段“shiping”；您是否想写“shipping”？",
    );
    const operator = only(doc("order.deliveredAt > order.id"));
    expect(renderIssue(operator, "sv", { lines: false })).toBe(
      "promises[0].when: operatorn > går inte att använda på google.protobuf.Timestamp och string",
    );
    const result = only(doc("order.total"));
    expect(renderIssue(result, "zh-CN", { lines: false })).toBe(
      "promises[0].when: 此处表达式的结果必须是 bool，实际为 Money",
    );
    const other = only(doc("has(order)"));
    expect(renderIssue(other, "sv", { lines: false })).toBe(
      "promises[0].when: uttrycket är inte giltig CEL: has() invalid argument",
    );
  });
});
