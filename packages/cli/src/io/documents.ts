import { readFile } from "node:fs/promises";
import { type Lang, loadPromises, type PromiseDocument, renderIssue } from "@goodfaith/core";
import { describeError } from "./file-error.js";

/** A promise file that loaded, or the messages saying why it did not (file:line:column first). */
export type LoadedDocuments =
  | { readonly ok: true; readonly documents: PromiseDocument[] }
  | { readonly ok: false; readonly messages: string[] };

/** Reads and compiles promise documents, collecting every problem of every file. */
export async function loadDocuments(
  files: readonly string[],
  lang: Lang,
): Promise<LoadedDocuments> {
  const documents: PromiseDocument[] = [];
  const messages: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      messages.push(describeError(err, lang, file));
      continue;
    }
    const result = loadPromises(text, file);
    if (result.ok) documents.push(result.value);
    else
      for (const issue of result.issues)
        messages.push(
          `${file}:${issue.line ?? 1}:${issue.column ?? 1}: ${renderIssue(issue, lang, { lines: false })}`,
        );
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, documents };
}
