// An order's case counts the order and each of its viewing sessions as transactions, so an
// explanation lists each of them, and its totals are the counts the figure divides.
import { describe, expect, it } from "vitest";
import type { ScorecardFact } from "./facts.js";
import { eventFact as event, rentalOrder, rentalSession as session } from "./rental-fixtures.js";
import { Scorecard } from "./scorecard.js";

const FACTS: readonly ScorecardFact[] = [
  rentalOrder,
  session("e2", "2026-11-07T19:40:00Z", 0.004),
  session("e3", "2026-11-07T21:10:00Z", 0.035),
];

const ORDER = { at: "2026-11-07T19:00:00.000Z", subject: "order:r1", event: "e1" };
const SMOOTH = {
  at: "2026-11-07T19:40:00.000Z",
  subject: "order:r1",
  event: "e2",
  session: "s-e2",
};
const BROKEN = {
  at: "2026-11-07T21:10:00.000Z",
  subject: "order:r1",
  event: "e3",
  session: "s-e3",
};

function explained(s: Scorecard, figure: "transactionSuccess" | "competence", limit?: number) {
  return s.explain({
    figure,
    period: "week",
    at: Date.parse("2026-11-07T00:00:00Z"),
    ...(limit !== undefined && { limit }),
  });
}

describe("explaining transactions", () => {
  it("lists the order and each of its sessions, totals equal to the figure's counts", () => {
    const s = new Scorecard();
    s.addAll(FACTS);
    const counts = s.report()[0]?.counts;
    // The broken session fails, and with it the order (its case has a problem); the smooth
    // session does not.
    expect(counts).toMatchObject({ transactions: 3, transactionsFailed: 2, incidents: 1 });
    const [failed, transactions] = explained(s, "transactionSuccess");
    expect(transactions?.total).toBe(counts?.transactions);
    expect(transactions?.items).toEqual([ORDER, SMOOTH, BROKEN]);
    expect(failed?.total).toBe(counts?.transactionsFailed);
    expect(failed?.items).toEqual([ORDER, BROKEN]);
    const [incidents, ofTransactions] = explained(s, "competence");
    expect(incidents?.total).toBe(1);
    expect(ofTransactions?.total).toBe(3);
  });

  it("bounds the items by the limit, not the cases", () => {
    const s = new Scorecard();
    s.addAll(FACTS);
    const [, transactions] = explained(s, "transactionSuccess", 2);
    expect(transactions?.total).toBe(3);
    expect(transactions?.items).toEqual([ORDER, SMOOTH]);
  });

  it("still lists each once the case is retired", () => {
    const s = new Scorecard({ retainMs: 86_400_000 });
    const clock = event("e9", "clock", "2026-11-20T00:00:00Z", {});
    s.addAll([...FACTS, clock]);
    expect(s.held().cases).toBe(0);
    const [failed, transactions] = explained(s, "transactionSuccess");
    expect(transactions?.total).toBe(3);
    expect(transactions?.items).toEqual([ORDER, SMOOTH, BROKEN]);
    expect(failed?.total).toBe(2);
    expect(failed?.items).toEqual([ORDER, BROKEN]);
  });
});
