import { readFile } from "node:fs/promises";
import {
  capIssues,
  type Lang,
  loadPromises,
  type PromiseDocument,
  type PromiseSource,
  renderIssue,
} from "@goodfaith/core";
import { EXIT } from "./context.js";
import { describeError } from "./file-error.js";

/**
 * A promise file that loaded, or the messages saying why it did not (file:line:column first):
 * at most a hundred a file, then a line saying how many more; `count` is every problem found.
 */
export type LoadedDocuments =
  | {
      readonly ok: true;
      readonly documents: PromiseDocument[];
      /** Each document's file and text as read, with its company and version: what a store adopts. */
      readonly sources: PromiseSource[];
    }
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

/** Reads and compiles promise documents, collecting every problem of every file, in file order. */
export async function loadDocuments(
  files: readonly string[],
  lang: Lang,
): Promise<LoadedDocuments> {
  const parts: LoadedDocuments[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      const problem = describeError(err, lang, file);
      parts.push({
        ok: false,
        messages: [problem],
        problems: [problem],
        count: 1,
        exit: EXIT.failure,
      });
      continue;
    }
    parts.push(compileSources([{ file, text }], lang));
  }
  return merged(parts);
}

/** Compiles promise documents already read (e.g. those a store keeps), like `loadDocuments`. */
export function compileSources(sources: readonly PromiseSource[], lang: Lang): LoadedDocuments {
  return merged(sources.map((source) => compileSource(source, lang)));
}

function compileSource({ file, text }: PromiseSource, lang: Lang): LoadedDocuments {
  const result = loadPromises(text, file);
  if (result.ok) {
    const { company, version } = result.value;
    return { ok: true, documents: [result.value], sources: [{ file, text, company, version }] };
  }
  const { shown, total, more } = capIssues(result.issues);
  const problems = shown.map(
    (issue) =>
      `${file}:${issue.line ?? 1}:${issue.column ?? 1}: ${renderIssue(issue, lang, { lines: false })}`,
  );
  const messages = more ? [...problems, `${file}: ${renderIssue(more, lang)}`] : problems;
  return { ok: false, messages, problems, count: total, exit: EXIT.invalid };
}

// One result for several files: every problem in order; exit 1 if any file could not be read.
function merged(parts: readonly LoadedDocuments[]): LoadedDocuments {
  const failed = parts.filter((p) => !p.ok);
  if (failed.length === 0) {
    return {
      ok: true,
      documents: parts.flatMap((p) => (p.ok ? p.documents : [])),
      sources: parts.flatMap((p) => (p.ok ? p.sources : [])),
    };
  }
  return {
    ok: false,
    messages: failed.flatMap((p) => p.messages),
    problems: failed.flatMap((p) => p.problems),
    count: failed.reduce((n, p) => n + p.count, 0),
    exit: failed.some((p) => p.exit === EXIT.failure) ? EXIT.failure : EXIT.invalid,
  };
}
