import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CDNOW_CALIBRATION_END, parseCdnow } from "./parse-cdnow.js";
import { transactionMessages } from "./transaction-messages.js";

describe("parseCdnow", () => {
  it("reads the format, merges same-day purchases and drops leading zeros from ids", () => {
    const text = [
      " 00004 0001 19970101  2   29.33",
      " 00004 0001 19970118  2   29.73",
      " 00004 0001 19970118  1   10.00",
      "",
      " 00021 0002 19970101  3   63.34",
    ].join("\r\n");
    const parsed = parseCdnow(text);
    expect(parsed).toEqual({
      ok: true,
      value: {
        calibrationEnd: CDNOW_CALIBRATION_END,
        customers: [
          {
            customer: "1",
            transactions: [
              { date: "1997-01-01", day: 9862, amount: 29.33 },
              { date: "1997-01-18", day: 9879, amount: 39.73 },
            ],
          },
          { customer: "2", transactions: [{ date: "1997-01-01", day: 9862, amount: 63.34 }] },
        ],
      },
    });
  });

  it("reports every bad field with its line and column, and keeps going", () => {
    const text = [
      " 00004 0001 19970101  2   29.33",
      " 00004 0001 19970230  2   29.73", // no 30 February
      " 00004 00x1 19970301  2   -5.00",
      " 00004 0001 19970301  two 5.00",
      " 00004 0001 19970301  2",
      " 00004 0001 19970301  2  1.0 extra",
    ].join("\n");
    const parsed = parseCdnow(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: "bad-date", line: 2, column: 13 },
      { code: "bad-customer", line: 3, column: 8 },
      { code: "bad-amount", line: 3, column: 27 },
      { code: "bad-quantity", line: 4, column: 23 },
      { code: "bad-field-count", line: 5, column: 24 },
      { code: "bad-field-count", line: 6, column: 30 },
    ]);
    expect(parsed.issues[0]).toMatchObject({
      messageKey: "transactions.bad_compact_date",
      params: { value: "19970230" },
    });
    expect(parsed.issues[2]?.messageKey).toBe("transactions.negative_amount");
  });

  it("stops after maxIssues and says so", () => {
    const text = Array.from({ length: 50 }, () => "garbage").join("\n");
    const parsed = parseCdnow(text, { maxIssues: 5 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toHaveLength(6);
    expect(parsed.issues.at(-1)?.code).toBe("too-many-issues");
  });

  it("treats input without transactions as an issue", () => {
    const parsed = parseCdnow("\n  \n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.code).toBe("no-transactions");
  });

  it("never throws, and every issue has a line and column inside the input", () => {
    const token = fc.oneof(
      fc.constantFrom(
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "00004",
        "0001",
        "19970101",
        "19971301",
        "2",
        "29.33",
        "-1",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        const lineCount = text.split(/\r\n|\n|\r/).length;
        const parsed = parseCdnow(text);
        return (
          parsed.ok ||
          parsed.issues.every(
            (i) =>
              i.line >= 1 &&
              i.line <= lineCount &&
              i.column >= 1 &&
              i.messageKey in transactionMessages.en,
          )
        );
      }),
    );
  });
});
