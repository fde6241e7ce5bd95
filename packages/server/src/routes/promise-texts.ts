/**
 * Promise documents sent as YAML texts in a JSON body (`POST /v1/backtests`, `POST /v1/promises`):
 * loaded in order, each document's problems located under the field it came in.
 */
import { capIssues, type Lang, loadPromises, type PromiseDocument } from "@goodfaith/core";
import { type ApiIssue, apiIssue, ProblemError } from "../problem.js";

/** Texts loaded: every document that loaded, and the located problems of those that did not. */
export interface LoadedTexts {
  /** In the order given; one per text when `issues` is empty. */
  readonly documents: readonly PromiseDocument[];
  /** At most `REPORTED_ISSUES` per document, at `field[i].<path in the document>`. */
  readonly issues: readonly ApiIssue[];
  /** Every issue found, shown or not. */
  readonly count: number;
}

/** Loads `texts` (one or several), locating each document's problems at `field[i]`. */
export function loadTexts(
  texts: string | readonly string[],
  field: string,
  lang: Lang,
): LoadedTexts {
  const list = typeof texts === "string" ? [texts] : texts;
  const documents: PromiseDocument[] = [];
  const issues: ApiIssue[] = [];
  let count = 0;
  list.forEach((text, i) => {
    const loaded = loadPromises(text, `${field}[${i}]`);
    if (loaded.ok) documents.push(loaded.value);
    else {
      // Bounded as validation is: a document wrong everywhere must not make a huge problem.
      const { shown, total } = capIssues(loaded.issues);
      count += total;
      for (const issue of shown) {
        const located = apiIssue(issue, lang);
        issues.push({
          ...located,
          path: located.path ? `${field}[${i}].${located.path}` : `${field}[${i}]`,
        });
      }
    }
  });
  return { documents, issues, count };
}

/** The 400 for documents that did not load, as `POST /v1/backtests` and `POST /v1/promises` give it. */
export function unloadable(loaded: readonly LoadedTexts[]): ProblemError {
  const issues = loaded.flatMap((l) => l.issues);
  const issueCount = loaded.reduce((n, l) => n + l.count, 0);
  return new ProblemError("invalid_request", 400, {}, { issues, issueCount });
}
