import { describe, expect, test } from "vitest";
import { loadPromises } from "./load.js";

const HEADER = `goodfaith: 1
company: Shop
version: 2
currency: USD
promises:
`;

const PROMISE = `  - id: late
    title: { en: Late, zh-CN: 迟到, sv: Sen }
    text: { en: We refund, zh-CN: 我们退款, sv: Vi betalar }
    on: order.delivered
    when: order.deliveredAt > order.promisedDeliveryBy
    remedy: { kind: refund, amount: { expr: order.shipping }, within: P2D }
`;

function issues(text: string) {
  const r = loadPromises(text);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => ({
    code: i.code,
    messageKey: i.messageKey,
    path: i.path.join("."),
    line: i.line,
    column: i.column,
    params: i.params,
  }));
}

describe("a valid document", () => {
  test("compiles every promise with its defaults", () => {
    const r = loadPromises(HEADER + PROMISE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [p] = r.value.promises;
    expect(p?.id).toBe("late");
    expect(p?.version).toBe("2");
    expect(p?.reach).toBe("customer");
    expect(p?.remedy.tender).toBe("original");
    expect(p?.remedy.withinMs).toBe(2 * 86_400_000);
  });
});

describe("every error, located", () => {
  test("YAML syntax errors give line and column", () => {
    const [i] = issues(HEADER.replace("version: 2", "version: 2\ncompany: Again") + PROMISE);
    expect(i?.code).toBe("promise.yaml_syntax");
    expect(i?.messageKey).toBe("promise.yaml.duplicate_key");
    expect([i?.line, i?.column]).toEqual([4, 1]);
    expect(i?.params).toEqual({ key: "company" });
  });

  test("schema errors: missing, unknown and wrong fields, all at once", () => {
    const text =
      HEADER +
      PROMISE.replace("within: P2D", "within: 2 days").replace(
        "    on: order.delivered\n",
        "    on: order.delivered\n    colour: blue\n",
      );
    const got = issues(
      text.replace("title: { en: Late, zh-CN: 迟到, sv: Sen }", "title: { en: Late, sv: Sen }"),
    );
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "promise.required",
          path: "promises.0.title.zh-CN",
          line: 7,
          column: 12,
        }),
        expect.objectContaining({
          code: "promise.unknown_field",
          path: "promises.0.colour",
          line: 10,
        }),
        expect.objectContaining({
          code: "promise.invalid_duration",
          path: "promises.0.remedy.within",
          line: 12,
        }),
      ]),
    );
  });

  test("a CEL type error points inside the expression", () => {
    const got = issues(
      HEADER +
        PROMISE.replace(
          "order.deliveredAt > order.promisedDeliveryBy",
          "order.deliveredAt > order.shiping",
        ),
    );
    expect(got).toEqual([
      expect.objectContaining({
        code: "promise.invalid_expression",
        path: "promises.0.when",
        line: 10,
        column: 37,
      }),
    ]);
    expect(got[0]?.params).toMatchObject({ field: "shiping", type: "Order" });
  });

  test("a condition must be boolean and an amount must be money", () => {
    const got = issues(
      HEADER +
        PROMISE.replace("order.deliveredAt > order.promisedDeliveryBy", "order.shipping").replace(
          "expr: order.shipping",
          "expr: order.id",
        ),
    );
    expect(got.map((g) => [g.code, g.path])).toEqual([
      ["promise.invalid_expression", "promises.0.when"],
      ["promise.invalid_expression", "promises.0.remedy.amount.expr"],
    ]);
  });

  test("unknown event types, duplicate ids and reach that does not fit", () => {
    const second = PROMISE.replace("on: order.delivered", "on: flight.arived");
    const third = PROMISE.replace("id: late", "id: late2").replace(
      "    on: order.delivered\n",
      "    on: order.delivered\n    reach: bookings\n",
    );
    const got = issues(HEADER + PROMISE + second + third);
    expect(got.map((g) => [g.code, g.path])).toEqual([
      ["promise.duplicate_id", "promises.1.id"],
      ["promise.unknown_event", "promises.1.on"],
      ["promise.reach_mismatch", "promises.2.reach"],
    ]);
  });

  test("money must fit its currency", () => {
    const got = issues(
      HEADER +
        PROMISE.replace(
          "within: P2D }",
          'within: P2D }\n    governance: { autoApproveUpTo: "10.005" }',
        ),
    );
    expect(got).toEqual([
      expect.objectContaining({
        code: "promise.invalid_money",
        path: "promises.0.governance.autoApproveUpTo",
        line: 12,
      }),
    ]);
  });

  test("governance limits are per currency, each checked against its own currency", () => {
    const ok = loadPromises(
      HEADER +
        PROMISE.replace(
          "within: P2D }",
          'within: P2D }\n    governance: { autoApproveUpTo: { USD: "50.00", JPY: "6000" } }',
        ),
    );
    expect(ok.ok && ok.value.promises[0]?.governance.autoApproveUpTo).toEqual([
      { minor: 5000n, currency: "USD" },
      { minor: 6000n, currency: "JPY" },
    ]);
    const got = issues(
      HEADER +
        PROMISE.replace(
          "within: P2D }",
          'within: P2D }\n    governance: { autoApproveUpTo: { USD: "50.00", JPY: "60.5" } }',
        ),
    );
    expect(got).toEqual([
      expect.objectContaining({
        code: "promise.invalid_money",
        path: "promises.0.governance.autoApproveUpTo.JPY",
        line: 12,
      }),
    ]);
  });

  test("a monetary remedy needs an amount; a warning needs guard.check", () => {
    const got = issues(
      HEADER +
        PROMISE.replace(", amount: { expr: order.shipping }", "").replace(
          "kind: refund",
          "kind: refund",
        ),
    );
    expect(got.map((g) => g.code)).toEqual(["promise.amount_required"]);
    const warn = issues(
      HEADER +
        PROMISE.replace("kind: refund, amount: { expr: order.shipping }, ", "kind: warning, "),
    );
    expect(warn.map((g) => g.code)).toEqual(["promise.guard_required"]);
  });

  test("non-documents never crash", () => {
    for (const text of ["", "42", "[1, 2]", "goodfaith: 2", "\u0000", "a: &x [*x]"]) {
      const r = loadPromises(text);
      expect(r.ok).toBe(false);
    }
  });
});
