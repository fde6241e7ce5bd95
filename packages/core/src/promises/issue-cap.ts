/**
 * How much of a long list of issues to report. A document wrong on every line can hold tens
 * of thousands; past the first hundred a reader fixes those and validates again, so the rest
 * are counted, not shown.
 */
import type { Issue } from "../issue.js";

/** How many issues a report shows at most. */
export const REPORTED_ISSUES = 100;

/** The issues to show, how many there are in all, and when some are left out, the line saying so. */
export interface CappedIssues {
  readonly shown: readonly Issue[];
  readonly total: number;
  /** "… and N more": rendered with `renderIssue`, like any issue. */
  readonly more?: Issue;
}

/** The first `limit` of `issues`, and an issue saying how many more there are. */
export function capIssues(issues: readonly Issue[], limit = REPORTED_ISSUES): CappedIssues {
  const total = issues.length;
  if (total <= limit) return { shown: issues, total };
  const params = { count: total - limit, total };
  const more: Issue = {
    code: "promise.more_issues",
    messageKey: "promise.more_issues",
    params,
    path: [],
  };
  return { shown: issues.slice(0, limit), total, more };
}
