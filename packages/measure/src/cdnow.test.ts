// Against the published CDNOW results (Fader, Hardie & Lee 2005; lifetimes' docs and tests),
// on the data in <repo>/../shared/data (see its README).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases, fitBgNbd } from "./bg-nbd.js";
import { fitClv } from "./fit-clv.js";
import { fitGammaGamma } from "./gamma-gamma.js";
import { CDNOW_CALIBRATION_END, parseCdnow } from "./parse-cdnow.js";
import { summarize } from "./summary.js";

const data = (name: string) =>
  readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url), "utf8");

const parsed = parseCdnow(data("CDNOW_sample.txt"));
if (!parsed.ok)
  throw new Error(`CDNOW sample did not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const log = parsed.value;
const summaries = summarize(log.customers, CDNOW_CALIBRATION_END);

/** The published summary: ID, x, t_x, T, zbar, rounded to 2 decimals. */
const published = data("cdnow_customers_summary_with_transactions.csv")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [id = "", x, tx, T, zbar] = line.split(",");
    return {
      customer: id,
      x: Number(x),
      tx: Number(tx),
      T: Number(T),
      meanRepeatSpend: Number(zbar),
    };
  });

const within = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(relative);

describe("CDNOW sample: parsing and summaries", () => {
  it("has 2,357 customers, all acquired in the first quarter of 1997", () => {
    expect(log.customers).toHaveLength(2357);
    expect(summaries).toHaveLength(2357);
    expect(
      summaries.every((s) => s.firstPurchase >= "1997-01-01" && s.firstPurchase <= "1997-03-31"),
    ).toBe(true);
  });

  it("reproduces the published summary for every customer (x, t_x, T, zbar)", () => {
    expect(published).toHaveLength(2357);
    const byId = new Map(summaries.map((s) => [s.customer, s]));
    const rounding = 0.005 + 1e-9;
    const mismatches = published.filter((row) => {
      const s = byId.get(row.customer);
      return (
        s === undefined ||
        s.x !== row.x ||
        Math.abs(s.tx - row.tx) > rounding ||
        Math.abs(s.T - row.T) > rounding ||
        Math.abs(s.meanRepeatSpend - row.meanRepeatSpend) > rounding
      );
    });
    expect(mismatches).toEqual([]);
  });
});

describe("CDNOW sample: BG/NBD", () => {
  const fit = fitBgNbd(summaries);

  it("matches r = 0.243, α = 4.414, a = 0.793, b = 2.426 within 0.5%, log-likelihood −9582.4", () => {
    expect(fit.converged).toBe(true);
    within(fit.r, 0.243, 0.005);
    within(fit.alpha, 4.414, 0.005);
    within(fit.a, 0.793, 0.005);
    within(fit.b, 2.426, 0.005);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it("matches the README's 4-decimal estimates within 0.05%", () => {
    within(fit.r, 0.2426, 5e-4);
    within(fit.alpha, 4.4135, 5e-4);
    within(fit.a, 0.7929, 5e-4);
    within(fit.b, 2.4258, 5e-4);
  });

  it("gives customer 1 (x = 2, t_x = 30.43, T = 38.86) 1.226 expected purchases in the next 39 weeks", () => {
    const customer1 = summaries.find((s) => s.customer === "1");
    expect(customer1).toMatchObject({ x: 2 });
    if (!customer1) return;
    expect(conditionalExpectedPurchases(fit, customer1, 39)).toBeCloseTo(1.226, 3);
    // And exactly the published figure from the published parameters and rounded history.
    const publishedParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    expect(
      conditionalExpectedPurchases(publishedParams, { x: 2, tx: 30.43, T: 38.86 }, 39),
    ).toBeCloseTo(1.226, 3);
  });

  it("fitting the published (rounded) summary itself gives the published estimates", () => {
    const refit = fitBgNbd(published);
    within(refit.r, 0.2426, 2e-4);
    within(refit.alpha, 4.4135, 2e-4);
    within(refit.a, 0.7929, 2e-4);
    within(refit.b, 2.4258, 2e-4);
  });
});

describe("CDNOW sample: Gamma-Gamma", () => {
  it("matches p = 6.25, q = 3.74, v = 15.44 within 0.5% on the 946 repeat customers", () => {
    const fit = fitGammaGamma(summaries);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toBe(2357 - 946);
    within(fit.p, 6.25, 0.005);
    within(fit.q, 3.74, 0.005);
    within(fit.v, 15.44, 0.005);
  });

  it("fitting the published zbar column gives the README's p = 6.2488, q = 3.7446, v = 15.4477", () => {
    const refit = fitGammaGamma(published);
    within(refit.p, 6.2488, 2e-4);
    within(refit.q, 3.7446, 2e-4);
    within(refit.v, 15.4477, 2e-4);
  });
});

describe("CDNOW sample: fitClv end to end", () => {
  it("fits both models and values all 2,357 customers", () => {
    const result = fitClv(log, { horizonWeeks: 52, annualDiscountRate: 0.1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const v = result.value;
    expect(v.calibrationEnd).toBe("1997-09-30");
    expect(v.customers).toHaveLength(2357);
    expect(v.repeaters).toBe(946);
    expect(v.excludedFromGammaGamma).toBe(1411);
    within(v.bgnbd.r, 0.243, 0.005);
    within(v.gammaGamma.p, 6.25, 0.005);
    const total = v.customers.reduce((s, c) => s + c.clv, 0);
    expect(v.equity).toBeCloseTo(total, 6);
    // Customer 1's expected spend lies between their own z̄ = 22.345 and the population mean
    // pv/(q − 1) ≈ 35.2, pulled towards z̄ by their two repeat purchases.
    const { p, q, v: scale } = v.gammaGamma;
    const one = v.customers.find((c) => c.customer === "1");
    expect(one?.expectedSpend).toBeGreaterThan(22.345);
    expect(one?.expectedSpend).toBeLessThan((p * scale) / (q - 1));
    // Every cash flow within the 52 weeks (< 1 year) is discounted by a factor in (1/1.1, 1).
    const undiscounted = (one?.expectedPurchases ?? 0) * (one?.expectedSpend ?? 0);
    expect(one?.clv).toBeLessThan(undiscounted);
    expect(one?.clv).toBeGreaterThan(undiscounted / 1.1);
  });
});
