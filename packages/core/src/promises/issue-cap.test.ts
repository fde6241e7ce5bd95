import { describe, expect, test } from "vitest";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";
import { renderIssue } from "../i18n/render-issue.js";
import { capIssues, REPORTED_ISSUES } from "./issue-cap.js";
import { loadPromises } from "./load.js";

function issuesOf(text: string) {
  const r = loadPromises(text);
  if (r.ok) throw new Error("expected issues");
  return r.issues;
}

describe("a report of many issues", () => {
  test("shows the first hundred, counts them all, and says how many more", () => {
    const all = issuesOf(wrongEverywhere(250));
    expect(all).toHaveLength(250);
    const capped = capIssues(all);
    expect(capped.shown).toEqual(all.slice(0, REPORTED_ISSUES));
    expect(capped.total).toBe(250);
    expect(capped.more?.params).toEqual({ count: 150, total: 250 });
    const more = capped.more;
    if (!more) return;
    expect(["en", "zh-CN", "sv"].map((l) => renderIssue(more, l as "en"))).toEqual([
      "… and 150 more not shown (250 problems in all): fix these first, then validate again",
      "……另有 150 个未显示（共 250 个问题）：请先修正以上问题，再重新校验",
      "… och 150 till visas inte (250 problem totalt): rätta dessa först och validera sedan igen",
    ]);
  });

  test("shows every issue, with no line about more, up to the limit", () => {
    const all = issuesOf(wrongEverywhere(REPORTED_ISSUES));
    const capped = capIssues(all);
    expect([capped.shown.length, capped.total, capped.more]).toEqual([100, 100, undefined]);
    expect(capIssues(all, 3).more?.params).toEqual({ count: 97, total: 100 });
  });
});
