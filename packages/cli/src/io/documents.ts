import { readFile } from "node:fs/promises";
import {
  capIssues,
  type Lang,
  loadPromises,
  type PromiseDocument,
  renderIssue,
} from "@goodfaith/core";
import { describeError } from "./file-error.js";

/**
 * A promise file that loaded, or the messages saying why it did not (file:line:column first):
 * at most a hundred a file, then a line saying how many more; `count` is every problem found.
 */
export type LoadedDocuments =
  | { readonly ok: true; readonly documents: PromiseDocument[] }
  | {
      readonly ok: false;
      /** What to print, in order: the problems, and after a file's, how many more it has. */
      readonly messages: string[];
      /** The problems alone (for JSON, which gives `count` instead of a line saying it). */
      readonly problems: string[];
      readonly count: number;
    };

/** Reads and compiles promise documents, collecting every problem of every file. */
export async function loadDocuments(
  files: readonly string[],
  lang: Lang,
): Promise<LoadedDocuments> {
  const documents: PromiseDocument[] = [];
  const messages: string[] = [];
  const problems: string[] = [];
  let count = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      const problem = describeError(err, lang, file);
      messages.push(problem);
      problems.push(problem);
      count++;
      continue;
    }
    const result = loadPromises(text, file);
    if (result.ok) documents.push(result.value);
    else {
      const { shown, total, more } = capIssues(result.issues);
      count += total;
      for (const issue of shown) {
        const problem = `${file}:${issue.line ?? 1}:${issue.column ?? 1}: ${renderIssue(issue, lang, { lines: false })}`;
        messages.push(problem);
        problems.push(problem);
      }
      if (more) messages.push(`${file}: ${renderIssue(more, lang)}`);
    }
  }
  return messages.length > 0 ? { ok: false, messages, problems, count } : { ok: true, documents };
}
