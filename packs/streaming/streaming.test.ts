import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Remedy } from "../../packages/core/src/engine/outcome.js";
import { toDecimalString } from "../../packages/core/src/money/index.js";
import {
  amountText,
  engineFor,
  loadPack,
  remediesOf,
  run,
  sampleEventChecks,
  sampleEvents,
} from "../../test/support/packs.js";

const PACK = ["streaming"];

let seq = 0;
function ev(type: string, time: string, customer: string | undefined, data: object): EngineEvent {
  seq += 1;
  return { id: `t-${seq}`, type, time, ...(customer !== undefined && { customer }), data };
}

/** A 48-hour rental of one title, paid by card unless told otherwise. */
const rent = (order: string, customer: string, price: string, payments?: readonly object[]) =>
  ev("order.placed", "2026-11-07T19:00:00Z", customer, {
    order,
    currency: "USD",
    items: [{ sku: `rent-${order}`, kind: "digital", title: "Arrival", price }],
    payments: payments ?? [{ method: "card", amount: price }],
  });

interface SessionOptions {
  readonly order?: string;
  readonly rental?: boolean;
  readonly rebuffer?: number;
  readonly kbps?: number;
  readonly quality?: "SD" | "HD" | "UHD";
  readonly time?: string;
}

let sessions = 0;
function session(customer: string, o: SessionOptions = {}): EngineEvent {
  sessions += 1;
  return ev("stream.session", o.time ?? "2026-11-07T21:00:00Z", customer, {
    session: `ss-${sessions}`,
    title: "Arrival",
    ...(o.order !== undefined && { order: o.order }),
    rental: o.rental ?? true,
    rebufferRatio: o.rebuffer ?? 0.001,
    bitrateKbps: o.kbps ?? 16_000,
    ...(o.quality !== undefined && { promisedQuality: o.quality }),
  });
}

const subscribe = (
  order: string,
  customer: string,
  price: string,
  period: "month" | "year",
  service = "play-video",
) =>
  ev("order.placed", "2026-11-01T09:00:00Z", customer, {
    order,
    currency: "USD",
    items: [{ sku: `plan-${period}`, kind: "subscription", price, service, period }],
    payments: [{ method: "card", amount: price }],
  });

const outage = (id: string, start: string, end: string, service = "play-video", cause?: string) =>
  ev("service.outage", end, undefined, {
    outage: id,
    service,
    start,
    end,
    ...(cause !== undefined && { cause }),
  });

const remedies = (events: readonly EngineEvent[]) => remediesOf(run(PACK, events));
const splitText = (r: Remedy) =>
  r.split.map((p) => `${p.method} ${toDecimalString(p.amount)} ${p.amount.currency}`);

describe("streaming pack", () => {
  it("loads with every promise in English, Chinese and Swedish", () => {
    const doc = loadPack("streaming");
    expect(doc.promises.map((p) => [p.id, p.reach, p.remedy.kind, p.remedy.tender])).toEqual([
      ["rental-quality", "customer", "refund", "original"],
      ["outage-credit", "subscribers", "credit", "credit"],
    ]);
    for (const p of doc.promises) {
      for (const lang of ["en", "zh-CN", "sv"] as const) {
        expect(p.title[lang].length, `${p.id} title ${lang}`).toBeGreaterThan(5);
        expect(p.text[lang].length, `${p.id} text ${lang}`).toBeGreaterThan(40);
      }
    }
  });

  describe("sample events", () => {
    sampleEventChecks("streaming");

    it("produce exactly the expected remedies", () => {
      const rs = remedies(sampleEvents("streaming"));
      expect(
        rs.map((r) => [
          r.promise,
          r.customer,
          r.incident,
          amountText(r),
          splitText(r),
          r.at,
          r.language,
        ]),
      ).toEqual([
        [
          "rental-quality",
          "c-maya",
          "order:r-2001",
          "5.99 USD",
          ["card 5.99 USD"],
          "2026-11-07T21:10:00.000Z",
          "en",
        ],
        [
          "rental-quality",
          "c-wei",
          "order:r-2002",
          "3.99 USD",
          ["card 1.99 USD", "points 200 PTS"],
          "2026-11-08T20:20:00.000Z",
          "zh-CN",
        ],
        [
          "outage-credit",
          "c-maya",
          "outage:inc-7781:customer:c-maya",
          "0.15 USD",
          ["credit 0.15 USD"],
          "2026-11-16T02:30:00.000Z",
          "en",
        ],
        [
          "outage-credit",
          "c-wei",
          "outage:inc-7781:customer:c-wei",
          "0.12 USD",
          ["credit 0.12 USD"],
          "2026-11-16T02:30:00.000Z",
          "zh-CN",
        ],
      ]);
      expect(rs[2]?.cause).toBe(
        "A database failover did not complete, so playback could not start.",
      );
    });
  });

  describe("a rental that streamed below its promised quality is refunded", () => {
    it("refunds on rebuffering above 2%, not at exactly 2%", () => {
      const at = remedies([
        rent("r-1", "c-1", "5.99"),
        session("c-1", { order: "r-1", rebuffer: 0.02, quality: "HD", kbps: 6000 }),
      ]);
      expect(at).toEqual([]);
      const above = remedies([
        rent("r-1", "c-1", "5.99"),
        session("c-1", { order: "r-1", rebuffer: 0.0201, quality: "HD", kbps: 6000 }),
      ]);
      expect(
        above.map((r) => [r.promise, r.customer, r.subject.id, amountText(r), splitText(r)]),
      ).toEqual([["rental-quality", "c-1", "r-1", "5.99 USD", ["card 5.99 USD"]]]);
    });

    it.each([
      ["UHD", 15_000, 14_999],
      ["HD", 5_000, 4_999],
      ["SD", 1_500, 1_499],
    ] as const)("holds %s to its floor: %i kbps is fine, %i is not", (quality, floor, below) => {
      const ok = remedies([
        rent("r-1", "c-1", "4.99"),
        session("c-1", { order: "r-1", quality, kbps: floor }),
      ]);
      expect(ok).toEqual([]);
      const bad = remedies([
        rent("r-1", "c-1", "4.99"),
        session("c-1", { order: "r-1", quality, kbps: below }),
      ]);
      expect(bad.map((r) => [r.promise, amountText(r)])).toEqual([["rental-quality", "4.99 USD"]]);
    });

    it("holds a rental sold without a stated quality to the SD floor", () => {
      const hd = remedies([
        rent("r-1", "c-1", "3.99"),
        session("c-1", { order: "r-1", kbps: 3000 }),
      ]);
      expect(hd).toEqual([]);
      const poor = remedies([
        rent("r-1", "c-1", "3.99"),
        session("c-1", { order: "r-1", kbps: 1200 }),
      ]);
      expect(poor.map((r) => amountText(r))).toEqual(["3.99 USD"]);
    });

    it("refunds once per rental, however many sessions fell short", () => {
      const rs = remedies([
        rent("r-1", "c-1", "5.99"),
        session("c-1", { order: "r-1", quality: "UHD", kbps: 16_500 }),
        session("c-1", {
          order: "r-1",
          quality: "UHD",
          rebuffer: 0.04,
          time: "2026-11-07T21:30:00Z",
        }),
        session("c-1", { order: "r-1", quality: "UHD", kbps: 8_000, time: "2026-11-08T20:00:00Z" }),
        session("c-1", {
          order: "r-1",
          quality: "UHD",
          rebuffer: 0.2,
          kbps: 900,
          time: "2026-11-08T21:00:00Z",
        }),
      ]);
      expect(rs.map((r) => [r.incident, r.at, amountText(r)])).toEqual([
        ["order:r-1", "2026-11-07T21:30:00.000Z", "5.99 USD"],
      ]);
    });

    it("splits the refund of a rental paid with card and points exactly", () => {
      const rs = remedies([
        rent("r-1", "c-1", "3.99", [
          { method: "card", amount: "1.99" },
          { method: "points", amount: "200" },
        ]),
        session("c-1", { order: "r-1", quality: "HD", kbps: 4_200 }),
      ]);
      expect(rs.map((r) => [amountText(r), splitText(r)])).toEqual([
        ["3.99 USD", ["card 1.99 USD", "points 200 PTS"]],
      ]);
    });

    it("ignores subscription viewing, sessions without a rental order, and orders it does not know", () => {
      const rs = remedies([
        rent("r-1", "c-1", "5.99"),
        session("c-1", { order: "r-1", rental: false, rebuffer: 0.3 }),
        session("c-2", { rebuffer: 0.3 }),
        session("c-3", { order: "r-unknown", rebuffer: 0.3 }),
      ]);
      expect(rs).toEqual([]);
    });

    it("treats each customer's rental separately", () => {
      const rs = remedies([
        rent("r-1", "c-1", "5.99"),
        rent("r-2", "c-2", "4.99"),
        session("c-2", { order: "r-2", rebuffer: 0.05 }),
        session("c-1", { order: "r-1", rebuffer: 0.01 }),
      ]);
      expect(rs.map((r) => [r.customer, r.subject.id, amountText(r)])).toEqual([
        ["c-2", "r-2", "4.99 USD"],
      ]);
    });

    it("does not refund a rental the customer was already refunded for in full", () => {
      const rs = remedies([
        rent("r-1", "c-1", "5.99"),
        ev("order.refunded", "2026-11-07T20:00:00Z", "c-1", {
          order: "r-1",
          amount: "5.99",
          currency: "USD",
        }),
        session("c-1", { order: "r-1", rebuffer: 0.05 }),
      ]);
      expect(rs).toEqual([]);
    });
  });

  describe("an outage credits affected subscribers pro rata", () => {
    const subs = () => [
      subscribe("s-1", "c-month", "17.99", "month"),
      subscribe("s-2", "c-year", "179.99", "year"),
      subscribe("s-3", "c-music", "10.99", "month", "play-music"),
    ];

    it("credits price × minutes down ÷ minutes in the period, to each subscriber of the service", () => {
      const rs = remedies([
        ...subs(),
        outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-16T02:00:00Z", "play-video", "failover"),
      ]);
      // 17.99 × 360 / 43 200 = 0.1499…; 179.99 × 360 / 525 600 = 0.1232…
      expect(
        rs.map((r) => [
          r.promise,
          r.customer,
          r.kind,
          amountText(r),
          splitText(r),
          r.cause,
          r.dueBy,
        ]),
      ).toEqual([
        [
          "outage-credit",
          "c-month",
          "credit",
          "0.15 USD",
          ["credit 0.15 USD"],
          "failover",
          "2026-11-18T02:00:00.000Z",
        ],
        [
          "outage-credit",
          "c-year",
          "credit",
          "0.12 USD",
          ["credit 0.12 USD"],
          "failover",
          "2026-11-18T02:00:00.000Z",
        ],
      ]);
    });

    it("credits a whole day down as a thirtieth of a monthly plan", () => {
      const rs = remedies([
        subscribe("s-1", "c-1", "30.00", "month"),
        outage("inc-1", "2026-11-15T00:00:00Z", "2026-11-16T00:00:00Z"),
      ]);
      expect(rs.map(amountText)).toEqual(["1.00 USD"]);
    });

    it("skips outages under 15 minutes and credits one of exactly 15", () => {
      const short = remedies([
        ...subs(),
        outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-15T20:14:00Z"),
      ]);
      expect(short).toEqual([]);
      const fifteen = remedies([
        ...subs(),
        outage("inc-2", "2026-11-15T20:00:00Z", "2026-11-15T20:15:00Z"),
      ]);
      // 17.99 × 15 / 43 200 = 0.0062 → 0.01; the yearly plan's share (0.0051) also rounds to 0.01.
      expect(fifteen.map((r) => [r.customer, amountText(r)])).toEqual([
        ["c-month", "0.01 USD"],
        ["c-year", "0.01 USD"],
      ]);
    });

    it("credits an outage once, even when it is reported again under another event id", () => {
      const first = outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-15T23:00:00Z");
      const again = {
        ...outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-15T23:00:00Z"),
        time: "2026-11-16T09:00:00Z",
      };
      const engine = engineFor("streaming");
      const rs = remediesOf(engine.processAll([...subs(), first, first, again]));
      expect(rs.map((r) => r.customer)).toEqual(["c-month", "c-year"]);
    });

    it("does not credit a cancelled subscription or a refunded one", () => {
      const rs = remedies([
        ...subs(),
        ev("order.cancelled", "2026-11-10T09:00:00Z", "c-month", {
          order: "s-1",
          reason: "customer request",
        }),
        ev("order.refunded", "2026-11-10T09:00:00Z", "c-year", {
          order: "s-2",
          amount: "179.99",
          currency: "USD",
        }),
        outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-16T02:00:00Z"),
      ]);
      expect(rs).toEqual([]);
    });

    it("does not credit a subscription that started after the outage ended", () => {
      const late = ev("order.placed", "2026-11-16T01:00:00Z", "c-late", {
        order: "s-9",
        currency: "USD",
        items: [
          {
            sku: "plan-month",
            kind: "subscription",
            price: "17.99",
            service: "play-video",
            period: "month",
          },
        ],
        payments: [{ method: "card", amount: "17.99" }],
      });
      const reported = {
        ...outage("inc-9", "2026-11-15T18:00:00Z", "2026-11-16T00:00:00Z"),
        time: "2026-11-16T02:00:00Z",
      };
      const rs = remedies([...subs(), late, reported]);
      expect(rs.map((r) => r.customer)).toEqual(["c-month", "c-year"]);
    });

    it("explains the credit with the values it was computed from", () => {
      const [r] = remedies([
        ...subs(),
        outage("inc-1", "2026-11-15T20:00:00Z", "2026-11-15T21:00:00Z"),
      ]);
      const amount = r?.explanation.amount;
      expect(amount && "terms" in amount ? amount.terms : []).toEqual(
        expect.arrayContaining([
          { expr: "outage.durationMinutes", value: 60 },
          { expr: "subscription.periodMinutes", value: 43_200 },
          { expr: "subscription.price", value: { amount: "17.99", currency: "USD" } },
        ]),
      );
    });
  });
});
