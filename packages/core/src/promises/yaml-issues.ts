/**
 * The YAML layer of loading a Bill of Rights: text → plain data, or issues that say what is
 * wrong in the writer's terms. The `yaml` library's own messages are English and repeat the
 * position, so each kind of error (its `code`) gets a message of ours instead.
 */
import { type Alias, type ErrorCode, isMap, type Node, visit, type YAMLError } from "yaml";
import type { Issue, Result } from "../issue.js";
import { parseYaml, position, type YamlSource } from "./yaml-source.js";

/** The `yaml` error codes with a message of their own; any other says "YAML syntax error". */
const EXPLAINED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "BAD_INDENT",
  "TAB_AS_INDENT",
  "BLOCK_AS_IMPLICIT_KEY",
  "MULTILINE_IMPLICIT_KEY",
  "DUPLICATE_KEY",
  "MISSING_CHAR",
  "UNEXPECTED_TOKEN",
  "BAD_SCALAR_START",
  "BAD_DQ_ESCAPE",
  "BLOCK_IN_FLOW",
  "MULTIPLE_DOCS",
  "RESOURCE_EXHAUSTION",
]);

type At = { line: number; column: number };

function documentIssue(code: string, at: At, params: Record<string, string> = {}): Issue {
  return { code, messageKey: code, params, path: [], ...at };
}

// Every YAML error keeps the code `promise.yaml_syntax`; its kind only chooses the words.
function syntaxIssue(kind: string, at: At, params: Record<string, string> = {}): Issue {
  return {
    ...documentIssue("promise.yaml_syntax", at, params),
    messageKey: `promise.yaml.${kind.toLowerCase()}`,
  };
}

// A duplicate key is named from its line: the error only points at where it starts.
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset).split(/\r?\n/, 1)[0] ?? "";
  return (line.split(/:(?:\s|$)/, 1)[0] ?? "").trim().replace(/^(["'])(.*)\1$/, "$2");
}

interface Opener {
  readonly start: number;
  readonly kind: "unclosed" | "unclosed_quote";
}

/**
 * Where each quoted string and each `[…]`/`{…}` ends, mapped to where it opens. An unclosed
 * one is reported where the parser gave up, often many lines later; the writer needs to see
 * where it was opened.
 */
function openers(src: YamlSource): Map<number, Opener> {
  const ends = new Map<number, Opener>();
  const note = (node: Node, kind: Opener["kind"]): void => {
    const [start, end] = node.range ?? [];
    if (start !== undefined && end !== undefined) ends.set(end, { start, kind });
  };
  visit(src.doc, {
    Scalar: (_, node) => {
      if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")
        note(node, "unclosed_quote");
    },
    Map: (_, node) => {
      if (node.flow) note(node, "unclosed");
    },
    Seq: (_, node) => {
      if (node.flow) note(node, "unclosed");
    },
  });
  return ends;
}

// The text of the line that holds `offset`, and where that line starts.
function lineAt(text: string, offset: number): { start: number; line: string } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { start, line: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "") };
}

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;

/**
 * Where a "- " sits among the keys of a mapping, when the line at `offset` is a key that the
 * parser could not place: the nearest line above at the same indentation (skipping deeper
 * lines) starts with "- ". That dash, not the key, is what to fix.
 */
function strayDashAbove(text: string, offset: number): number | undefined {
  const { start, line } = lineAt(text, offset);
  if (!/^ *[^\s#-][^:]*:(\s|$)/.test(line)) return undefined;
  const indent = indentOf(line);
  // `end` is the line break that ends the line above.
  for (let end = start - 1; end >= 0; ) {
    const above = lineAt(text, end);
    end = above.start - 1;
    if (above.line.trim() === "" || above.line.trim().startsWith("#")) continue;
    const at = indentOf(above.line);
    if (at > indent) continue;
    return at === indent && /^ *- /.test(above.line) ? above.start + at : undefined;
  }
  return undefined;
}

/**
 * A line indented under `key: value`, as if under a key with no value of its own (often the
 * key above is the one out of line): where that line starts, and the key.
 */
function indentedUnderValue(text: string, start: number, line: string) {
  const key = /^ *([^\s#:-][^:]*):[ \t]+[^\s#]/.exec(line)?.[1];
  if (key === undefined) return undefined;
  let at = text.indexOf("\n", start);
  while (at >= 0) {
    const next = lineAt(text, at + 1);
    if (next.line.trim() !== "" && !next.line.trim().startsWith("#")) {
      const indent = indentOf(next.line);
      return indent > indentOf(line) ? { at: next.start + indent, key } : undefined;
    }
    at = text.indexOf("\n", at + 1);
  }
  return undefined;
}

function explainError(src: YamlSource, err: YAMLError, ends: () => Map<number, Opener>): Issue {
  const [offset] = err.pos;
  const char = (at: number): string => src.text.charAt(at);
  const open = (err.code === "MISSING_CHAR" || err.code === "BAD_INDENT") && ends().get(offset);
  if (open) return syntaxIssue(open.kind, position(src, open.start), { char: char(open.start) });
  const at = position(src, offset);
  if (err.code === "DUPLICATE_KEY")
    return syntaxIssue(err.code, at, { key: keyAt(src.text, offset) });
  if (err.code === "BAD_SCALAR_START") return syntaxIssue(err.code, at, { char: char(offset) });
  // A mapping entry that starts a list ("- key: value" among "key: value" lines).
  const { start, line } = lineAt(src.text, offset);
  if (err.code === "BLOCK_AS_IMPLICIT_KEY" && /^ *- /.test(line))
    return syntaxIssue("stray_dash", position(src, start + indentOf(line)));
  if (err.code === "BLOCK_AS_IMPLICIT_KEY") {
    const under = indentedUnderValue(src.text, start, line);
    if (under) return syntaxIssue("under_value", position(src, under.at), { key: under.key });
  }
  // A key out of line, which the parser takes for a list item with no dash.
  const unplaced =
    err.code === "BAD_INDENT" || (err.code === "MISSING_CHAR" && /without -/.test(err.message));
  if (unplaced) {
    if (/^ *-[^\s-]/.test(line))
      return syntaxIssue("dash_space", position(src, start + indentOf(line)));
    const dash = strayDashAbove(src.text, offset);
    if (dash !== undefined) return syntaxIssue("stray_dash", position(src, dash));
    return syntaxIssue("BAD_INDENT", at);
  }
  return syntaxIssue(EXPLAINED.has(err.code) ? err.code : "syntax", at);
}

// Errors the parser finds while still in step with the text. After any other error it has
// lost the shape of the document and trips again on most lines that follow (after a tab, a
// key out of line, a stray "- "), so that first one is the cause and the rest are dropped.
const INDEPENDENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["DUPLICATE_KEY", "BAD_DQ_ESCAPE"]);

function parseIssues(src: YamlSource): Issue[] {
  let ends: Map<number, Opener> | undefined;
  const issues = new Map<string, Issue>();
  const errors = [...src.doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const err of errors) {
    const issue = explainError(src, err, () => (ends ??= openers(src)));
    // One issue a line: the parser can trip several times on the same text.
    const line = String(issue.line);
    if (!issues.has(line)) issues.set(line, issue);
    if (!INDEPENDENT.has(err.code)) break;
  }
  return [...issues.values()];
}

// Aliases are resolved only when converting to data: an alias with no anchor before it, or
// one that expands too often (an "alias bomb"), fails there, with no position of its own.
function aliasIssue(src: YamlSource): Issue {
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  visit(src.doc, {
    Alias(_, node) {
      first ??= node;
      if (!node.resolve(src.doc)) {
        unresolved = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const alias = unresolved ?? first;
  const at = position(src, alias?.range?.[0] ?? 0);
  return unresolved
    ? syntaxIssue("unresolved_alias", at, { name: unresolved.source })
    : syntaxIssue("RESOURCE_EXHAUSTION", at);
}

// A file saved as UTF-16 or Latin-1 and read as UTF-8 shows NULs or replacement characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL is what such a file shows.
const NOT_UTF8 = /[\u0000\uFFFD]/;

/**
 * Parses a promise document's YAML into plain data whose top level is a mapping. A leading
 * byte-order mark is dropped first so columns count as editors count them.
 */
export function readYaml(
  input: string,
): Result<{ readonly src: YamlSource; readonly data: Record<string, unknown> }> {
  const text = input.replace(/^\uFEFF/, "");
  const src = parseYaml(text);
  const bad = NOT_UTF8.exec(text);
  if (bad)
    return { ok: false, issues: [documentIssue("promise.not_utf8", position(src, bad.index))] };
  const issues = parseIssues(src);
  if (issues.length > 0) return { ok: false, issues };
  let data: unknown;
  try {
    data = src.doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { ok: false, issues: [aliasIssue(src)] };
  }
  const top = src.doc.contents;
  if (!isMap(top)) {
    const empty = data === null || data === undefined;
    const code = empty ? "promise.empty_document" : "promise.not_mapping";
    return { ok: false, issues: [documentIssue(code, position(src, top?.range[0] ?? 0))] };
  }
  return { ok: true, value: { src, data: data as Record<string, unknown> } };
}
