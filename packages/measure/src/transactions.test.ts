import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay, parseCompactDate, parseIsoDate } from "./dates.js";
import { CDNOW_CALIBRATION_END, parseCdnow, parseTransactionsCsv } from "./transactions.js";

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
    expect(parsed.issues[0]?.message).toBe(
      'line 2, column 13: expected a date YYYYMMDD, got "19970230"',
    );
    expect(parsed.issues[2]?.message).toContain("negative amount");
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
});

describe("parseTransactionsCsv", () => {
  it("reads columns in any order, quoted fields and a BOM; the calibration end defaults to the last date", () => {
    const text =
      '\uFEFFamount,customer,date\n12.50,"Ann, Ltd",2024-03-01\n7.5,bob,2024-03-02\r\n2.5,"Ann, Ltd",2024-03-01\n';
    const parsed = parseTransactionsCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.calibrationEnd).toBe("2024-03-02");
    expect(parsed.value.customers).toEqual([
      { customer: "Ann, Ltd", transactions: [{ date: "2024-03-01", day: 19783, amount: 15 }] },
      { customer: "bob", transactions: [{ date: "2024-03-02", day: 19784, amount: 7.5 }] },
    ]);
  });

  it("locates bad fields", () => {
    const text = [
      "customer,date,amount",
      "a,2024-02-30,1.00",
      "b,2024-01-05,12,34",
      "c, 2024/01/05 ,abc",
      ',2024-01-05,"1.00',
      '"x"y,2024-01-05,1',
    ].join("\n");
    const parsed = parseTransactionsCsv(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: "bad-date", line: 2, column: 3 },
      { code: "bad-field-count", line: 3, column: 17 },
      { code: "bad-date", line: 4, column: 4 },
      { code: "bad-amount", line: 4, column: 16 },
      { code: "bad-quoting", line: 5, column: 13 },
      { code: "bad-quoting", line: 6, column: 4 },
    ]);
  });

  it("requires a header naming customer, date and amount", () => {
    const missing = parseTransactionsCsv("customer,day,amount\na,2024-01-01,1\n");
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.issues).toEqual([
        expect.objectContaining({ code: "missing-column", line: 1 }),
      ]);
    const twice = parseTransactionsCsv("customer,date,amount,date\n");
    expect(twice.ok).toBe(false);
    if (!twice.ok)
      expect(twice.issues[0]).toMatchObject({ code: "duplicate-column", line: 1, column: 22 });
    expect(parseTransactionsCsv("").ok).toBe(false);
  });

  it("never throws, and every issue has a line and column inside the input", () => {
    const csvish = fc.array(
      fc.oneof(fc.constantFrom(",", '"', "\n", "\r\n", "-", "."), fc.string({ maxLength: 8 })),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(csvish, fc.boolean(), (parts, withHeader) => {
        const text = (withHeader ? "customer,date,amount\n" : "") + parts.join("");
        const lineCount = text.split(/\r\n|\n|\r/).length;
        for (const parsed of [parseTransactionsCsv(text), parseCdnow(text)]) {
          if (parsed.ok) continue;
          for (const issue of parsed.issues) {
            if (!(issue.line >= 1 && issue.line <= lineCount && issue.column >= 1)) return false;
            if (issue.message === "") return false;
          }
        }
        return true;
      }),
    );
  });

  it("keeps every cent and every customer-day of valid input", () => {
    const row = fc.record({
      customer: fc.constantFrom("a", "b", "c", "d"),
      day: fc.integer({ min: 9862, max: 9862 + 400 }),
      cents: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const text = `customer,date,amount\n${rows.map((r) => `${r.customer},${formatDay(r.day)},${(r.cents / 100).toFixed(2)}`).join("\n")}`;
        const parsed = parseTransactionsCsv(text);
        if (!parsed.ok) return false;
        const days = new Set(rows.map((r) => `${r.customer}|${r.day}`));
        const transactions = parsed.value.customers.flatMap((c) => c.transactions);
        const cents = transactions.reduce((s, t) => s + Math.round(t.amount * 100), 0);
        const sorted = parsed.value.customers.every((c) =>
          c.transactions.every((t, i, all) => i === 0 || (all[i - 1]?.day ?? 0) < t.day),
        );
        return (
          transactions.length === days.size &&
          cents === rows.reduce((s, r) => s + r.cents, 0) &&
          sorted
        );
      }),
    );
  });
});

describe("dates", () => {
  it("round-trips every day from year 1 to 9999 through formatDay and parseIsoDate", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const text = formatDay(day);
        return (
          parseIsoDate(text) === day &&
          text === new Date(day * 86_400_000).toISOString().slice(0, 10)
        );
      }),
    );
  });
  it("rejects dates that do not exist", () => {
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("2024-02-29")).toBe(19782);
    expect(parseIsoDate("1900-02-29")).toBeUndefined();
    expect(parseIsoDate("2000-02-29")).toBe(11016);
    expect(parseIsoDate("2024-13-01")).toBeUndefined();
    expect(parseIsoDate("2024-1-01")).toBeUndefined();
    expect(parseCompactDate("19970930")).toBe(10134);
    expect(parseCompactDate("1997093")).toBeUndefined();
  });
});
