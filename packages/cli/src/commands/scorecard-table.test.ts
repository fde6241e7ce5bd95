import type { ExplainedCount } from "@goodfaith/measure";
import { describe, expect, it } from "vitest";
import { explanationLines } from "./scorecard-table.js";

// An order and its two viewing sessions: three transactions of one case, two listed.
const TRANSACTIONS: ExplainedCount = {
  counter: "transactions",
  total: 3,
  items: [
    { at: "2026-11-07T19:00:00.000Z", subject: "order:r1", event: "e1" },
    { at: "2026-11-07T19:40:00.000Z", subject: "order:r1", event: "e2", session: "s-2" },
  ],
  events: ["e1", "e2", "e3"],
  remedies: [],
  notices: [],
  warnings: [],
};

describe("an explanation's lines", () => {
  it("list each transaction, and say how many more the total holds", () => {
    expect(explanationLines("en", "transactions", "2026-W45", [TRANSACTIONS])).toEqual([
      "Transactions, 2026-W45:",
      "  Transactions: 3",
      "    2026-11-07T19:00:00.000Z  order:r1  event e1",
      "    2026-11-07T19:40:00.000Z  order:r1  event e2, session s-2",
      "    events: e1 e2 e3",
      "    … and 1 more",
    ]);
  });

  it("exist in Swedish and Chinese", () => {
    expect(explanationLines("sv", "transactions", "all", [TRANSACTIONS])[3]).toBe(
      "    2026-11-07T19:40:00.000Z  order:r1  händelse e2, visning s-2",
    );
    expect(explanationLines("zh-CN", "transactions", "all", [TRANSACTIONS])[3]).toBe(
      "    2026-11-07T19:40:00.000Z  order:r1  事件 e2, 观看会话 s-2",
    );
  });
});
