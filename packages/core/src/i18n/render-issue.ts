import { renderEventIssue } from "../events/index.js";
import { formatPath, type Issue } from "../issue.js";
import { promiseMessages } from "../promises/messages.js";
import { interpolate, type Lang } from "./lang.js";
import { moneyMessages } from "./messages.js";

const LOCATION: Readonly<Record<Lang, string>> = {
  en: "line {line}, column {column}",
  "zh-CN": "第 {line} 行第 {column} 列",
  sv: "rad {line}, kolumn {column}",
};

/**
 * Renders any Goodfaith issue in a language: where (line, column, field path) and why.
 * Event issues use the event catalog; promise-document and money issues use theirs.
 * With `lines: false` the line and column are left out (for callers that print `file:line:col`).
 */
export function renderIssue(
  issue: Issue,
  lang: Lang,
  options: { readonly lines?: boolean } = {},
): string {
  if (options.lines === false) {
    const { line: _line, column: _column, ...rest } = issue;
    return renderIssue(rest, lang);
  }
  if (issue.code.startsWith("event.")) return renderEventIssue(issue, lang);
  const catalog = issue.code.startsWith("money.") ? moneyMessages : promiseMessages;
  const template = catalog[lang][issue.messageKey] ?? catalog.en[issue.messageKey] ?? issue.code;
  const where: string[] = [];
  if (issue.line !== undefined)
    where.push(interpolate(LOCATION[lang], { line: issue.line, column: issue.column ?? 1 }));
  const path = formatPath(issue.path);
  if (path !== "") where.push(path);
  const message = interpolate(template, issue.params);
  return where.length > 0 ? `${where.join(": ")}: ${message}` : message;
}
