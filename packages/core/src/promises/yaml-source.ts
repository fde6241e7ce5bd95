/**
 * Locating things in YAML source: every issue in a promise document carries the line and
 * column of the node it is about, including positions inside a CEL expression.
 */
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";

/** A parsed YAML document with the means to point into its text. */
export interface YamlSource {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Parses YAML text, keeping line positions. */
export function parseYaml(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  return { text, doc, lines };
}

/** The deepest node on `path` that exists (a missing key points at its parent). */
export function nodeAt(src: YamlSource, path: readonly (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true);
    if (node && typeof node === "object" && "range" in (node as object)) return node as Node;
  }
  return undefined;
}

/** Line and column (1-based) of a character offset in the source. */
export function position(src: YamlSource, offset: number): { line: number; column: number } {
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}

/** Line and column of the node at `path`. */
export function positionOf(
  src: YamlSource,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const node = nodeAt(src, path);
  return position(src, node?.range?.[0] ?? 0);
}

/** Line and column of the key that ends `path`, for issues about the key rather than its value. */
export function keyPositionOf(
  src: YamlSource,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const parent = src.doc.getIn(path.slice(0, -1), true);
  const name = path.at(-1);
  const pair = isMap(parent)
    ? parent.items.find((p) => isScalar(p.key) && p.key.value === name)
    : undefined;
  const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return start === undefined ? positionOf(src, path) : position(src, start);
}

/**
 * Line and column of character `offset` inside the string value at `path`. Folded and
 * quoted scalars do not map one-to-one onto their source, so walk both texts together,
 * skipping the whitespace and quotes that folding adds or removes.
 */
export function positionInScalar(
  src: YamlSource,
  path: readonly (string | number)[],
  offset: number,
): { line: number; column: number } {
  const node = nodeAt(src, path);
  if (!node || !isScalar(node) || !node.range || typeof node.value !== "string") {
    return position(src, node?.range?.[0] ?? 0);
  }
  const value = node.value;
  const raw = src.text.slice(node.range[0], node.range[1]);
  let j = 0;
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") j = raw.indexOf("\n") + 1;
  else if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") j = 1;
  let i = 0;
  while (i < offset && i < value.length && j < raw.length) {
    if (value[i] === raw[j]) {
      i++;
      j++;
    } else if (/\s/.test(raw[j] ?? "")) j++;
    else if (/\s/.test(value[i] ?? "")) i++;
    else {
      i++;
      j++;
    }
  }
  while (j < raw.length && /\s/.test(raw[j] ?? "") && /\S/.test(value[i] ?? "")) j++;
  return position(src, node.range[0] + j);
}
