import { describe, expect, it } from "vitest";
import { incidentsOf, type RemedyRecord } from "./incidents.js";

const H = 3_600_000;
const base = {
  promise: "p",
  customer: "c",
  kind: "refund",
  subject: "order:o",
  at: 0,
  withdrawn: false,
} as const;
const statusOf = (rs: RemedyRecord[], asOf = 100 * H) => incidentsOf(rs, asOf).map((i) => i.status);

describe("incidentsOf", () => {
  it("is on time when executed by the deadline, late after it", () => {
    expect(statusOf([{ ...base, key: "k", dueBy: 2 * H, executedAt: 2 * H }])).toEqual(["on-time"]);
    expect(statusOf([{ ...base, key: "k", dueBy: 2 * H, executedAt: 3 * H }])).toEqual(["late"]);
  });

  it("is late once an unexecuted remedy is overdue, pending before", () => {
    const r = { ...base, key: "k", dueBy: 2 * H };
    expect(statusOf([r], H)).toEqual(["pending"]);
    expect(statusOf([r], 3 * H)).toEqual(["late"]);
  });

  it("is unremedied with only a notice or withdrawn remedies", () => {
    expect(statusOf([{ ...base, key: "n", kind: "notice" }])).toEqual(["unremedied"]);
    expect(statusOf([{ ...base, key: "k", withdrawn: true, executedAt: H }])).toEqual([
      "unremedied",
    ]);
  });

  it("groups remedies by customer and subject and measures time to the first fix", () => {
    const incidents = incidentsOf(
      [
        { ...base, key: "a", promise: "a", at: H, executedAt: 5 * H },
        { ...base, key: "b", promise: "b", at: 2 * H, executedAt: 4 * H, dueBy: 9 * H },
        { ...base, key: "c", subject: "order:other", executedAt: H },
      ],
      100 * H,
    );
    expect(incidents).toHaveLength(2);
    expect(incidents[0]).toMatchObject({
      promises: ["a", "b"],
      keptBy: ["a", "b"],
      timeToRemedyMs: 3 * H,
    });
  });

  it("ignores what happens after asOf", () => {
    expect(statusOf([{ ...base, key: "k", dueBy: 2 * H, executedAt: 3 * H }], 2.5 * H)).toEqual([
      "late",
    ]);
    expect(incidentsOf([{ ...base, key: "k", at: 5 * H }], H)).toEqual([]);
  });
});
