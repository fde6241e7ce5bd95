import { describe, expect, it } from "vitest";
import { fitClv } from "./fit-clv.js";
import { parseTransactionsCsv } from "./parse-csv.js";

const log = (csv: string) => {
  const parsed = parseTransactionsCsv(`customer,date,amount\n${csv}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
};

describe("fitClv", () => {
  it("returns an issue, not an exception, when nobody was a customer by the calibration end", () => {
    const result = fitClv(log("a,2024-01-01,10\na,2024-02-01,12"), {
      calibrationEnd: "2023-12-31",
    });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: "no-customers" })],
    });
  });

  it("returns an issue when no repeat purchase has a value to model spend from", () => {
    const result = fitClv(log("a,2024-01-01,10\nb,2024-01-03,12\nb,2024-01-09,0"));
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: "no-repeat-spend" })],
    });
  });

  it("throws on bad options, which are a programming error", () => {
    const data = log("a,2024-01-01,10\na,2024-01-08,12");
    expect(() => fitClv(data, { calibrationEnd: "2024-1-1" })).toThrow(RangeError);
    expect(() => fitClv(data, { horizonWeeks: -5 })).toThrow(RangeError);
  });

  it("values every calibration customer and adds them up", () => {
    const rows: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = `c${i}`;
      const first = 1 + (i % 28);
      rows.push(`${id},2024-02-${String(first).padStart(2, "0")},${10 + (i % 7)}`);
      for (let k = 1; k <= i % 5; k++)
        rows.push(
          `${id},2024-0${3 + k}-${String(1 + ((i * k) % 28)).padStart(2, "0")},${5 + ((i * k) % 11)}`,
        );
    }
    const result = fitClv(log(rows.join("\n")), { calibrationEnd: "2024-08-31", horizonWeeks: 26 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { customers, repeaters, excludedFromGammaGamma, equity } = result.value;
    expect(customers).toHaveLength(60);
    expect(repeaters).toBe(customers.filter((c) => c.x > 0).length);
    expect(excludedFromGammaGamma).toBe(60 - repeaters);
    expect(equity).toBeCloseTo(
      customers.reduce((s, c) => s + c.clv, 0),
      9,
    );
    for (const c of customers) {
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
      expect(c.clv).toBeGreaterThanOrEqual(0);
      expect(c.clv).toBeLessThanOrEqual(c.expectedPurchases * c.expectedSpend + 1e-9);
    }
  });
});
