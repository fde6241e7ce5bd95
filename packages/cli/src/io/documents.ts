import { readFile } from "node:fs/promises";
import {
  capIssues,
  type Lang,
  loadPromises,
  type PromiseDocument,
  renderIssue,
} from "@goodfaith/core";
import { EXIT } from "./context.js";
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
      /**
       * The exit code the README gives this: 1 when a file could not be read (even if another
       * did not load), else 2, a promise document that does not load.
       */
      readonly exit: typeof EXIT.failure | typeof EXIT.invalid;
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
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      const problem = describeError(err, lang, file);
      messages.push(problem);
      problems.push(problem);
      count++;
      unreadable = true;
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
  if (messages.length === 0) return { ok: true, documents };
  const exit = unreadable ? EXIT.failure : EXIT.invalid;
  return { ok: false, messages, problems, count, exit };
}
