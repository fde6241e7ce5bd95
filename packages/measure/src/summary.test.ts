import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTransactionsCsv } from "./parse-csv.js";
import { summarize } from "./summary.js";

const log = (csv: string) => {
  const parsed = parseTransactionsCsv(`customer,date,amount\n${csv}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.customers;
};

describe("summarize", () => {
  it("computes x, t_x, T in weeks and the mean of repeat transactions only", () => {
    const customers = log(
      [
        "a,2024-01-01,100", // first purchase: not part of z̄
        "a,2024-01-15,10",
        "a,2024-01-15,5", // same day: one transaction of 15
        "a,2024-01-29,25",
        "a,2024-03-01,999", // after the calibration end: holdout
        "b,2024-01-08,20",
        "c,2024-02-20,30", // acquired after the calibration end: not summarised
      ].join("\n"),
    );
    const [a, b, ...rest] = summarize(customers, "2024-01-29");
    expect(rest).toEqual([]);
    expect(a).toEqual({
      customer: "a",
      firstPurchase: "2024-01-01",
      x: 2,
      tx: 4,
      T: 4,
      meanRepeatSpend: 20,
      holdoutTransactions: 1,
    });
    expect(b).toEqual({
      customer: "b",
      firstPurchase: "2024-01-08",
      x: 0,
      tx: 0,
      T: 3,
      meanRepeatSpend: 0,
      holdoutTransactions: 0,
    });
  });

  it("throws on a malformed calibration end (a programming error, not bad data)", () => {
    expect(() => summarize([], "2024-02-30")).toThrow(RangeError);
  });

  it("always gives 0 ≤ t_x ≤ T and x + holdout = transactions − 1", () => {
    const row = fc.tuple(
      fc.constantFrom("a", "b", "c"),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 9999 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 200 }),
        (rows, end) => {
          const date = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
          const customers = log(
            rows.map(([c, d, cents]) => `${c},${date(d)},${cents / 100}`).join("\n"),
          );
          const summaries = summarize(customers, date(end));
          return summaries.every((s) => {
            const n = customers.find((c) => c.customer === s.customer)?.transactions.length ?? -1;
            return (
              s.tx >= 0 &&
              s.tx <= s.T &&
              s.x + s.holdoutTransactions === n - 1 &&
              (s.x > 0 || s.meanRepeatSpend === 0)
            );
          });
        },
      ),
    );
  });
});
