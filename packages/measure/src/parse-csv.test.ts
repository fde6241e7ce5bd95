import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay } from "./dates.js";
import { parseTransactionsCsv } from "./parse-csv.js";
import { transactionMessages } from "./transaction-messages.js";

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
        const parsed = parseTransactionsCsv(text);
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
