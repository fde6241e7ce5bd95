// The worked example of docs/scorecard.md, "Relationship capital": every number here was
// derived by hand there (closed forms of ₂F₁ for these parameters), not read off the code.
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../dates.js";
import type { TransactionLog } from "../transactions.js";
import { relationshipCapital } from "./capital.js";
import type { RemedyRecord } from "./incidents.js";

const MODELS = { bgnbd: { r: 1, alpha: 1, a: 2, b: 2 }, gammaGamma: { p: 1, q: 3, v: 10 } };
// Rate 0 and a one-week horizon: CLV = expected spend × E[purchases in the next week].
const OPTIONS = { horizonWeeks: 1, annualDiscountRate: 0, aliveThreshold: 0.3 };
const D = parseIsoDate("2026-10-05") as number;
const day = (n: number) => ({ date: "", day: D + n, amount: 0 });
const LOG: TransactionLog = {
  calibrationEnd: "2026-10-26",
  customers: [
    {
      customer: "A",
      transactions: [
        { ...day(0), amount: 50 },
        { ...day(7), amount: 20 },
      ],
    },
    { customer: "B", transactions: [{ ...day(0), amount: 30 }] },
    { customer: "C", transactions: [{ ...day(0), amount: 80 }] },
  ],
};
const PERIOD = { from: "2026-10-13", to: "2026-10-26" }; // days 8..21
const ms = (d: number, h = 0) => (D + d) * 86_400_000 + h * 3_600_000;
const REMEDIES: RemedyRecord[] = [
  // B: a refund due on day 10, executed on day 12: late.
  {
    key: "ld:o-b",
    promise: "late-delivery",
    customer: "B",
    kind: "refund",
    subject: "order:o-b",
    at: ms(9),
    dueBy: ms(10),
    executedAt: ms(12),
    withdrawn: false,
  },
  // C: a refund due within a day, executed after 2 hours: on time; its notice protects nothing.
  {
    key: "ld:o-c",
    promise: "late-delivery",
    customer: "C",
    kind: "refund",
    subject: "order:o-c",
    at: ms(9),
    dueBy: ms(10),
    executedAt: ms(9, 2),
    withdrawn: false,
  },
  {
    key: "tell:o-c",
    promise: "tell-late",
    customer: "C",
    kind: "notice",
    subject: "order:o-c",
    at: ms(9),
    withdrawn: false,
  },
  // A: an incident before the period does not count in it.
  {
    key: "ld:o-a",
    promise: "late-delivery",
    customer: "A",
    kind: "refund",
    subject: "order:o-a",
    at: ms(3),
    withdrawn: true,
  },
];

// Hand-derived (docs/scorecard.md): A at the start x=1, t_x=1, T=1; at the end T=3.
const A_PALIVE_START = 0.5;
const A_PALIVE_END = 0.2;
const A_CLV_START = 3.8697556758; // 10 × 0.5 × 4 × (1 − 4/9 × 1.8146524865)
const A_CLV_END = 0.8712370466; // 10 × 0.2 × 4 × (1 − 16/25 × 1.3923365143)
const ONE_TIMER_CLV_END = 1.1138692115; // 5 × 1 × 3 × (1 − 4/5 × 1.1571775657)

describe("relationship capital (worked example)", () => {
  const capital = relationshipCapital(MODELS, LOG, REMEDIES, PERIOD, OPTIONS);
  const customer = (id: string) => capital.customers.find((c) => c.customer === id);

  it("values each customer at the start and the end of the period", () => {
    const a = customer("A");
    expect(a?.start?.pAlive).toBeCloseTo(A_PALIVE_START, 12);
    expect(a?.pAlive).toBeCloseTo(A_PALIVE_END, 12);
    expect(a?.expectedSpend).toBeCloseTo(10, 12); // p(v + x z̄)/(px + q − 1) = 30/3
    expect(a?.start?.clv).toBeCloseTo(A_CLV_START, 8);
    expect(a?.clv).toBeCloseTo(A_CLV_END, 8);
    expect(customer("B")?.pAlive).toBe(1); // no repeat purchase: BG/NBD cannot see B leave
    expect(customer("B")?.expectedSpend).toBeCloseTo(5, 12); // pv/(q − 1)
    expect(customer("B")?.clv).toBeCloseTo(ONE_TIMER_CLV_END, 8);
  });

  it("sums equity over customers", () => {
    expect(capital.equity).toBeCloseTo(A_CLV_END + 2 * ONE_TIMER_CLV_END, 8);
  });

  it("puts the late-remedied customer's CLV at risk, under the promise that was late", () => {
    expect(capital.valueAtRisk.customers).toBe(1);
    expect(capital.valueAtRisk.value).toBeCloseTo(ONE_TIMER_CLV_END, 8);
    expect(Object.keys(capital.valueAtRisk.byPromise)).toEqual(["late-delivery"]);
  });

  it("writes down A at its start-of-period CLV when P(alive) crosses the threshold", () => {
    expect(capital.writeDown.written).toEqual(["A"]);
    expect(capital.writeDown.value).toBeCloseTo(A_CLV_START, 8);
  });

  it("credits on-time remedies to the promise that made them, not to the notice", () => {
    expect(capital.protectedByPromise).toEqual({
      "late-delivery": { value: expect.closeTo(ONE_TIMER_CLV_END, 8), customers: 1 },
    });
  });

  it("counts only incidents in the period", () => {
    expect(capital.incidents.map((i) => `${i.customer} ${i.status}`).sort()).toEqual([
      "B late",
      "C on-time",
    ]);
  });

  it("does not write down with a threshold nobody crosses", () => {
    const loose = relationshipCapital(MODELS, LOG, [], PERIOD, { ...OPTIONS, aliveThreshold: 0.1 });
    expect(loose.writeDown).toEqual({ value: 0, customers: 0, written: [] });
  });
});
