// A rental that streamed badly breaks a promise about the viewing session, and the engine files
// its refund against the rental's order. The broken promise and the refund that answers it are
// one problem: the session belongs to its order's case.
import { describe, expect, it } from "vitest";
import type { ScorecardFact } from "./facts.js";
import {
  eventFact as event,
  rentalOrder as rental,
  rentalSession as session,
} from "./rental-fixtures.js";
import { Scorecard } from "./scorecard.js";

const t = (iso: string) => Date.parse(iso);

const AT = "2026-11-07T21:10:00Z";
const FACTS: readonly ScorecardFact[] = [
  rental,
  session("e2", "2026-11-07T19:40:00Z", 0.004),
  session("e3", AT, 0.035),
  {
    type: "remedy.planned",
    key: "rental-quality:order:r1",
    promise: "rental-quality",
    customer: "c1",
    subject: { type: "order", id: "r1" },
    kind: "refund",
    amount: { amount: "3.99", currency: "USD" },
    at: t(AT),
    dueBy: t(AT) + 86_400_000,
    proactive: true,
  },
  { type: "remedy.executed", key: "rental-quality:order:r1", at: t(AT) + 60_000 },
  {
    type: "notice",
    id: "rental-quality:order:r1",
    customer: "c1",
    subject: { type: "order", id: "r1" },
    at: t(AT),
    sent: true,
    promise: "rental-quality",
  },
];

function counts(facts: readonly ScorecardFact[]) {
  const s = new Scorecard();
  s.addAll(facts);
  const row = s.report()[0];
  if (!row) throw new Error("no row");
  return row.counts;
}

describe("a rental's session and its order's remedy", () => {
  it("are one problem, remedied and told first", () => {
    expect(counts(FACTS)).toMatchObject({
      incidents: 1,
      incidentsRemedied: 1,
      incidentsRemediedProactively: 1,
      incidentsToldFirst: 1,
      // The order, and each of its two sessions.
      transactions: 3,
      // The rental, and the one session that streamed below its promise.
      transactionsFailed: 2,
      businessPromisesMade: 2,
      businessPromisesKept: 1,
    });
  });

  it("are one problem however many of the rental's sessions fell short", () => {
    const again = session("e4", "2026-11-08T20:30:00Z", 0.051);
    expect(counts([...FACTS, again])).toMatchObject({
      incidents: 1,
      incidentsRemedied: 1,
      transactionsFailed: 3,
      businessPromisesMade: 3,
    });
  });

  it("are counted in the promise breakdown under both the broken promise and the remedy's", () => {
    const s = new Scorecard();
    s.addAll([...FACTS].reverse());
    const byPromise = s.report({ dimension: "promise" });
    const incidents = (value: string) =>
      byPromise.find((r) => r.value === value)?.counts.incidentsRemedied;
    expect(incidents("streamed-at-promised-quality")).toBe(1);
    expect(incidents("rental-quality")).toBe(1);
    const [remedied] = s.explain({
      figure: "remediedProactively",
      period: "all",
      at: 0,
      dimension: "all",
      value: "",
    });
    expect(remedied?.events).toEqual(["e1", "e2", "e3"]);
  });

  it("leaves a session that names no order a case of its own", () => {
    const alone = event("e9", "stream.session", "2026-11-07T19:40:00Z", {
      session: "s9",
      title: "Arrival",
      rental: true,
      rebufferRatio: 0.2,
      bitrateKbps: 16_800,
      promisedQuality: "UHD",
    });
    expect(counts([...FACTS, alone])).toMatchObject({
      incidents: 2,
      incidentsRemedied: 1,
      transactions: 4,
      transactionsFailed: 3,
    });
  });
});
