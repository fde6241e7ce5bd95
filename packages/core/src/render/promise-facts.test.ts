import { describe, expect, it } from "vitest";
import { money } from "../money/index.js";
import type { CompiledPromise } from "../promises/document.js";
import { describeAmount, describeWithin, promiseFacts } from "./promise-facts.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NBSP = "\u00a0";

function promise(remedy: CompiledPromise["remedy"]): CompiledPromise {
  const text = { en: "x", "zh-CN": "x", sv: "x" };
  return {
    id: "p",
    version: "1",
    company: "C",
    title: text,
    text,
    on: [],
    reach: "customer",
    remedy,
    governance: {},
  };
}

describe("describeAmount", () => {
  const eur250 = { type: "fixed", money: money(25_000n, "EUR") } as const;

  it("formats a fixed amount the way each locale writes money", () => {
    expect(describeAmount(eur250, "en")).toBe("€250.00");
    expect(describeAmount(eur250, "zh-CN")).toBe("€250.00");
    expect(describeAmount(eur250, "sv")).toBe(`250,00${NBSP}€`);
  });

  it("says the whole amount and half of it in words", () => {
    const whole = { type: "fraction", numerator: 1n, denominator: 1n } as const;
    const half = { type: "fraction", numerator: 1n, denominator: 2n } as const;
    expect(describeAmount(whole, "en")).toBe("the whole amount you paid");
    expect(describeAmount(half, "en")).toBe("half of what you paid");
    expect(describeAmount(whole, "zh-CN")).toBe("您支付的全部金额");
    expect(describeAmount(half, "sv")).toBe("hälften av det du betalade");
  });

  it("gives any other share as a percentage in the locale's style", () => {
    const third = { type: "fraction", numerator: 1n, denominator: 3n } as const;
    expect(describeAmount(third, "en")).toBe("33.3% of what you paid");
    expect(describeAmount(third, "zh-CN")).toBe("您所付金额的 33.3%");
    expect(describeAmount(third, "sv")).toBe(`33,3${NBSP}% av det du betalade`);
  });
});

describe("describeWithin", () => {
  it("uses the largest unit that divides the deadline, with plurals", () => {
    expect(describeWithin(7 * DAY, "en")).toBe("Within 7 days");
    expect(describeWithin(DAY, "en")).toBe("Within 1 day");
    expect(describeWithin(36 * HOUR, "en")).toBe("Within 36 hours");
    expect(describeWithin(HOUR, "sv")).toBe("Inom 1 timme");
    expect(describeWithin(2 * HOUR, "sv")).toBe("Inom 2 timmar");
    expect(describeWithin(90 * 60_000, "sv")).toBe("Inom 90 minuter");
    expect(describeWithin(7 * DAY, "zh-CN")).toBe("7 天内");
  });

  it("rounds a deadline between minutes up, and says 'right away' under a minute", () => {
    expect(describeWithin(90_000, "en")).toBe("Within 2 minutes");
    expect(describeWithin(0, "en")).toBe("Right away");
  });

  it("groups large counts the local way", () => {
    expect(describeWithin(1500 * DAY, "sv")).toBe(`Inom 1${NBSP}500 dagar`);
  });
});

describe("promiseFacts", () => {
  it("lists what, where to, how fast and that nothing is needed", () => {
    const facts = promiseFacts(
      promise({
        kind: "refund",
        amount: { type: "fraction", numerator: 1n, denominator: 1n },
        tender: "original",
        withinMs: 7 * DAY,
        compensation: false,
      }),
      "en",
    );
    expect(facts).toEqual([
      "A refund of the whole amount you paid",
      "Back the way you paid",
      "Within 7 days",
      "You need to do nothing",
    ]);
  });

  it("does not repeat where a credit goes when it goes to credit", () => {
    const credit = promise({
      kind: "credit",
      amount: { type: "fixed", money: money(1000n, "EUR") },
      tender: "credit",
      compensation: false,
    });
    expect(promiseFacts(credit, "sv")).toEqual([
      "Ett tillgodohavande på 10,00\u00a0€",
      "Du behöver inte göra något",
    ]);
  });

  it("does say where a refund goes when it is not back the way you paid", () => {
    const points = promise({
      kind: "points",
      amount: { type: "fixed", money: money(500n, "PTS") },
      tender: "points",
      compensation: false,
    });
    const cash = promise({ ...points.remedy, kind: "refund", tender: "cash" });
    expect(promiseFacts(points, "en")).toEqual([
      "Loyalty points: 500 points",
      "You need to do nothing",
    ]);
    expect(promiseFacts(cash, "zh-CN")[1]).toBe("以现金支付，而非代金券");
  });

  it("describes a computed amount by pointing at the promise's text", () => {
    const expr = promise({
      kind: "refund",
      amount: { type: "expr", expr: { source: "booking.fare", byEvent: new Map() } },
      tender: "original",
      compensation: false,
    });
    expect(promiseFacts(expr, "en")[0]).toBe("A refund of the amount described above");
  });

  it("calls compensation compensation: it is owed, not paid back", () => {
    const owed = promise({
      kind: "refund",
      amount: { type: "expr", expr: { source: "booking.fare", byEvent: new Map() } },
      tender: "cash",
      compensation: true,
    });
    expect(promiseFacts(owed, "en").slice(0, 2)).toEqual([
      "Compensation of the amount described above",
      "In cash, not vouchers",
    ]);
    expect(promiseFacts(owed, "zh-CN")[0]).toBe("赔偿金：按上文所述计算的金额");
    expect(promiseFacts(owed, "sv")[0]).toBe("Ersättning med beloppet som beskrivs ovan");
    const { amount: _, ...unpriced } = owed.remedy;
    expect(promiseFacts(promise(unpriced), "sv")[0]).toBe("Ersättning");
  });

  it("tells nobody to do nothing about a warning: it is shown at the checkout", () => {
    const warning = promise({ kind: "warning", tender: "original", compensation: false });
    expect(promiseFacts(warning, "en")).toEqual(["A word of warning before you pay"]);
  });
});
