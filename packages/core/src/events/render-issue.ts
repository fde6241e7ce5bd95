import { interpolate, type Lang } from "../i18n/lang.js";
import { formatPath, type Issue } from "../issue.js";
import { VALUE_KINDS, type ValueKind } from "./issue-codes.js";
import { eventMessages, kindKey } from "./messages.js";

const KINDS: ReadonlySet<string> = new Set(VALUE_KINDS);
// Parameters that name a kind of value ("string", "array") are words, so they are translated too.
const KIND_PARAMS = ["expected", "received"] as const;

function localizedParams(
  issue: Issue,
  catalog: Readonly<Record<string, string>>,
): Readonly<Record<string, string | number>> {
  let params = issue.params;
  for (const name of KIND_PARAMS) {
    const value = params[name];
    if (typeof value === "string" && KINDS.has(value)) {
      params = { ...params, [name]: catalog[kindKey(value as ValueKind)] ?? value };
    }
  }
  return params;
}

/** Where an issue is, in words: "line 3, column 5", "line 3: data.items[2].price", or "". */
function location(issue: Issue, catalog: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  if (issue.line !== undefined) {
    const key = issue.column === undefined ? "event.at_line" : "event.at_line_column";
    const template = catalog[key] ?? "";
    parts.push(interpolate(template, { line: issue.line, column: issue.column ?? 1 }));
  }
  const path = formatPath(issue.path);
  if (path !== "") parts.push(path);
  return parts.join(": ");
}

/** Renders an event issue in a language, e.g. `data.items[2].price: expected a decimal string such as "12.50"`. */
export function renderEventIssue(issue: Issue, lang: Lang): string {
  const catalog = eventMessages[lang];
  const template = catalog[issue.messageKey] ?? eventMessages.en[issue.messageKey] ?? issue.code;
  const message = interpolate(template, localizedParams(issue, catalog));
  const where = location(issue, catalog);
  return where === "" ? message : `${where}: ${message}`;
}
