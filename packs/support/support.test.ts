import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Remedy } from "../../packages/core/src/engine/outcome.js";
import {
  amountText,
  loadPack,
  remediesOf,
  run,
  sampleEventChecks,
  sampleEvents,
} from "../../test/support/packs.js";

const PACK = ["support"];

let seq = 0;
interface ContactOptions {
  readonly channel?: "phone" | "chat" | "email" | "social" | "in_person";
  readonly waited?: number;
  readonly topic?: string;
  readonly resolved?: boolean;
  readonly customer?: string;
  readonly contact?: string;
  readonly order?: string;
}

/** One support contact; by default a phone call answered in 2 minutes, left unresolved. */
function contact(time: string, o: ContactOptions = {}): EngineEvent {
  seq += 1;
  return {
    id: `t-${seq}`,
    type: "support.contact",
    time,
    customer: o.customer ?? "c-1",
    data: {
      contact: o.contact ?? `ct-${seq}`,
      channel: o.channel ?? "phone",
      waitedSeconds: o.waited ?? 120,
      topic: o.topic ?? "delivery",
      resolved: o.resolved ?? false,
      ...(o.order !== undefined && { order: o.order }),
    },
  };
}

const remedies = (events: readonly EngineEvent[]) => remediesOf(run(PACK, events));
const brief = (r: Remedy) => [r.promise, r.customer, r.kind, amountText(r)];

describe("support pack", () => {
  it("loads with every promise in English, Chinese and Swedish", () => {
    const doc = loadPack("support");
    expect(doc.promises.map((p) => [p.id, p.remedy.kind])).toEqual([
      ["long-wait-apology", "notice"],
      ["long-wait-credit", "credit"],
      ["repeat-contact", "gesture"],
    ]);
    for (const p of doc.promises) {
      for (const lang of ["en", "zh-CN", "sv"] as const) {
        expect(p.title[lang].length, `${p.id} title ${lang}`).toBeGreaterThan(5);
        expect(p.text[lang].length, `${p.id} text ${lang}`).toBeGreaterThan(40);
      }
    }
    const gesture = doc.promises[2]?.remedy.gesture;
    expect(gesture && Object.keys(gesture).sort()).toEqual(["en", "sv", "zh-CN"]);
  });

  describe("sample events", () => {
    sampleEventChecks("support");

    it("produce exactly the expected remedies", () => {
      const rs = remedies(sampleEvents("support"));
      expect(rs.map((r) => [r.promise, r.customer, r.incident, amountText(r), r.language])).toEqual(
        [
          ["long-wait-apology", "c-ingrid", "contact:ct-9002", "", "sv"],
          ["long-wait-credit", "c-ingrid", "contact:ct-9002", "5.00 EUR", "sv"],
          ["long-wait-apology", "c-tom", "contact:ct-9004", "", "en"],
          ["long-wait-credit", "c-tom", "contact:ct-9004", "5.00 EUR", "en"],
          ["repeat-contact", "c-chen", "contact:ct-9006", "", "zh-CN"],
          // Chen's third contact about the refund (ct-9010), still unsolved, is kept waiting:
          // apology and credit, but no second escalation; ct-9006 already escalated it.
          ["long-wait-apology", "c-chen", "contact:ct-9010", "", "zh-CN"],
          ["long-wait-credit", "c-chen", "contact:ct-9010", "5.00 EUR", "zh-CN"],
        ],
      );
    });

    it("escalate each unresolved run of contacts on a topic once", () => {
      const events = sampleEvents("support");
      const runs = events.filter(
        (e) => e.customer === "c-chen" && (e.data as { topic?: string }).topic === "refund-status",
      );
      expect(
        runs.map((e) => [e.time.slice(0, 10), (e.data as { resolved: boolean }).resolved]),
      ).toEqual([
        ["2026-11-03", false],
        ["2026-11-05", false],
        ["2026-11-12", false],
      ]);
      const escalations = remedies(events).filter((r) => r.promise === "repeat-contact");
      expect(escalations.map((r) => [r.customer, r.incident, r.at])).toEqual([
        ["c-chen", "contact:ct-9006", "2026-11-05T14:00:00.000Z"],
      ]);
    });
  });

  it("runs alongside the retail pack: the late parcel Ingrid called about has its shipping refunded", () => {
    const rs = remediesOf(run(["retail", "support"], sampleEvents("support")));
    expect(
      rs.filter((r) => r.customer === "c-ingrid").map((r) => [r.promise, amountText(r), r.at]),
    ).toEqual([
      ["long-wait-apology", "", "2026-11-03T09:12:00.000Z"],
      ["long-wait-credit", "5.00 EUR", "2026-11-03T09:12:00.000Z"],
      ["late-delivery", "6.90 EUR", "2026-11-04T18:00:00.000Z"],
    ]);
  });

  describe("a wait longer than promised brings an apology and a credit", () => {
    it("does nothing for a call answered at exactly 10 minutes", () => {
      expect(remedies([contact("2026-11-03T09:00:00Z", { waited: 600 })])).toEqual([]);
    });

    it("apologises and credits 5.00 EUR after 10 minutes and 1 second", () => {
      const rs = remedies([contact("2026-11-03T09:00:00Z", { waited: 601, customer: "c-7" })]);
      expect(rs.map(brief)).toEqual([
        ["long-wait-apology", "c-7", "notice", ""],
        ["long-wait-credit", "c-7", "credit", "5.00 EUR"],
      ]);
      expect(
        rs.map((r) => [r.notice, r.dueBy, r.split.map((p) => `${p.method} ${amountText(r)}`)]),
      ).toEqual([
        ["support.long-wait-apology", "2026-11-03T10:00:00.000Z", []],
        ["support.long-wait-credit", "2026-11-04T09:00:00.000Z", ["credit 5.00 EUR"]],
      ]);
    });

    it("holds chat to 10 minutes and email to 24 hours", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { channel: "chat", waited: 720, customer: "c-chat" }),
        contact("2026-11-03T09:00:00Z", {
          channel: "email",
          waited: 86_400,
          customer: "c-mail-ok",
        }),
        contact("2026-11-03T09:00:00Z", {
          channel: "email",
          waited: 86_401,
          customer: "c-mail-late",
        }),
      ]);
      expect(rs.map((r) => [r.promise, r.customer])).toEqual([
        ["long-wait-apology", "c-chat"],
        ["long-wait-credit", "c-chat"],
        ["long-wait-apology", "c-mail-late"],
        ["long-wait-credit", "c-mail-late"],
      ]);
    });

    it("makes no wait promise for social media or visits in person", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { channel: "social", waited: 20_000 }),
        contact("2026-11-03T10:00:00Z", { channel: "in_person", waited: 3_600, topic: "returns" }),
      ]);
      expect(rs).toEqual([]);
    });

    it("credits a contact once, even when it is reported again", () => {
      const call = contact("2026-11-03T09:00:00Z", {
        waited: 900,
        contact: "ct-1",
        resolved: true,
      });
      const again = contact("2026-11-03T09:05:00Z", {
        waited: 900,
        contact: "ct-1",
        resolved: true,
      });
      const rs = remedies([call, call, again]);
      expect(rs.map((r) => r.promise)).toEqual(["long-wait-apology", "long-wait-credit"]);
    });

    it("asks a person to approve wait credits beyond 15.00 EUR in 30 days, and keeps apologising", () => {
      const waits = ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-12-02"].map(
        (day, i) =>
          contact(`${day}T09:00:00Z`, { waited: 900, topic: `topic-${i}`, resolved: true }),
      );
      const rs = remedies(waits);
      const credits = rs.filter((r) => r.promise === "long-wait-credit");
      expect(
        credits.map((r) => [r.at.slice(0, 10), r.approval.required, r.approval.reasons]),
      ).toEqual([
        ["2026-11-01", false, []],
        ["2026-11-08", false, []],
        ["2026-11-15", false, []],
        ["2026-11-22", true, ["over_customer_cap"]],
        ["2026-12-02", true, ["over_customer_cap"]],
      ]);
      expect(rs.filter((r) => r.promise === "long-wait-apology")).toHaveLength(5);
      expect(
        rs.filter((r) => r.promise === "long-wait-apology").every((r) => !r.approval.required),
      ).toBe(true);
    });
  });

  describe("a second contact about the same unresolved topic within 7 days escalates", () => {
    it("escalates a repeat contact two days later, for a person to act on", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { customer: "c-2", topic: "refund-status" }),
        contact("2026-11-05T14:00:00Z", {
          customer: "c-2",
          topic: "refund-status",
          channel: "chat",
        }),
      ]);
      expect(rs.map(brief)).toEqual([["repeat-contact", "c-2", "gesture", ""]]);
      expect(rs[0]?.gesture?.en).toMatch(/^Escalate: a senior agent/);
      expect(rs[0]?.dueBy).toBe("2026-11-06T14:00:00.000Z");
    });

    it("escalates at exactly 7 days, not a minute later", () => {
      const exactly = remedies([contact("2026-11-03T09:00:00Z"), contact("2026-11-10T09:00:00Z")]);
      expect(exactly.map((r) => r.promise)).toEqual(["repeat-contact"]);
      const later = remedies([contact("2026-11-03T09:00:00Z"), contact("2026-11-10T09:01:00Z")]);
      expect(later).toEqual([]);
    });

    it("does not escalate a different topic, another customer, or a topic that was solved", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { topic: "delivery" }),
        contact("2026-11-03T10:00:00Z", { topic: "invoice" }),
        contact("2026-11-03T11:00:00Z", { topic: "delivery", customer: "c-other" }),
        contact("2026-11-04T09:00:00Z", { topic: "returns", resolved: true }),
        contact("2026-11-05T09:00:00Z", { topic: "returns" }),
      ]);
      expect(rs).toEqual([]);
    });

    it("does not escalate when the second contact solves it, and starts afresh after that", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z"),
        contact("2026-11-04T09:00:00Z", { resolved: true }),
        contact("2026-11-06T09:00:00Z"),
      ]);
      expect(rs).toEqual([]);
    });

    it("escalates once while the topic stays unresolved: the senior colleague already owns it", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { contact: "ct-a" }),
        contact("2026-11-05T09:00:00Z", { contact: "ct-b" }),
        contact("2026-11-11T09:00:00Z", { contact: "ct-c" }), // 6 days after ct-b, 8 after ct-a
        contact("2026-11-25T09:00:00Z", { contact: "ct-d" }), // 14 days after ct-c
        contact("2026-11-26T09:00:00Z", { contact: "ct-e" }), // 1 day after ct-d
      ]);
      expect(rs.map((r) => [r.promise, r.incident])).toEqual([["repeat-contact", "contact:ct-b"]]);
    });

    it("escalates the first return within 7 days, even when an earlier one came too late", () => {
      const rs = remedies([
        contact("2026-11-01T09:00:00Z", { contact: "day-0" }),
        contact("2026-11-11T09:00:00Z", { contact: "day-10" }),
        contact("2026-11-13T09:00:00Z", { contact: "day-12" }),
        contact("2026-11-14T09:00:00Z", { contact: "day-13" }),
      ]);
      expect(rs.map((r) => [r.promise, r.incident])).toEqual([
        ["repeat-contact", "contact:day-12"],
      ]);
    });

    it("escalates again once the topic was solved and the problem comes back", () => {
      const rs = remedies([
        contact("2026-11-03T09:00:00Z", { contact: "ct-a" }),
        contact("2026-11-04T09:00:00Z", { contact: "ct-b" }),
        contact("2026-11-05T09:00:00Z", { contact: "ct-c" }),
        contact("2026-11-06T09:00:00Z", { contact: "ct-d", resolved: true }),
        contact("2026-11-20T09:00:00Z", { contact: "ct-e" }),
        contact("2026-11-22T09:00:00Z", { contact: "ct-f" }),
        contact("2026-11-23T09:00:00Z", { contact: "ct-g" }),
      ]);
      expect(rs.map((r) => [r.promise, r.incident])).toEqual([
        ["repeat-contact", "contact:ct-b"],
        ["repeat-contact", "contact:ct-f"],
      ]);
    });

    it("measures from the event time, whichever topics come in between", () => {
      const rs = remedies([
        contact("2026-11-01T09:00:00Z", { topic: "a" }),
        contact("2026-11-02T09:00:00Z", { topic: "b" }),
        contact("2026-11-03T09:00:00Z", { topic: "a", waited: 700 }),
        contact("2026-11-12T09:00:00Z", { topic: "b" }),
      ]);
      expect(rs.map((r) => [r.promise, r.at])).toEqual([
        ["long-wait-apology", "2026-11-03T09:00:00.000Z"],
        ["long-wait-credit", "2026-11-03T09:00:00.000Z"],
        ["repeat-contact", "2026-11-03T09:00:00.000Z"],
      ]);
    });
  });
});
