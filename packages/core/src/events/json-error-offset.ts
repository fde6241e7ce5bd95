/**
 * Where JSON text first goes wrong, for error messages: Node 20's `JSON.parse` names a position
 * for some errors ("… at position 6") but not for others ("Unexpected token '}', … is not valid
 * JSON"). This scanner follows RFC 8259 without recursion (deep nesting cannot overflow) and is
 * only run after `JSON.parse` has already failed, so it needs no speed.
 */

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX = /^[0-9a-fA-F]$/;
const DIGIT = /^[0-9]$/;

type Step = { readonly end: number } | { readonly error: number };

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  return i;
}

function scanString(text: string, from: number): Step {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return { end: i + 1 };
    if (c === "\\") {
      const escaped = text.charAt(i + 1);
      if (escaped === "u") {
        for (let k = i + 2; k < i + 6; k++) if (!HEX.test(text.charAt(k))) return { error: k };
        i += 6;
      } else if (ESCAPES.has(escaped)) i += 2;
      else return { error: i + 1 };
    } else if (c < " ") return { error: i };
    else i++;
  }
  return { error: text.length };
}

function scanLiteral(text: string, from: number, word: string): Step {
  for (let k = 0; k < word.length; k++) {
    if (text.charAt(from + k) !== word.charAt(k)) return { error: from + k };
  }
  return { end: from + word.length };
}

function scanScalar(text: string, from: number): Step {
  const c = text.charAt(from);
  if (c === '"') return scanString(text, from);
  if (c === "t") return scanLiteral(text, from, "true");
  if (c === "f") return scanLiteral(text, from, "false");
  if (c === "n") return scanLiteral(text, from, "null");
  return scanNumber(text, from);
}

function scanDigits(text: string, from: number): number {
  let i = from;
  while (DIGIT.test(text.charAt(i))) i++;
  return i;
}

/** A number, failing where V8 does: at the first character that cannot continue it. */
function scanNumber(text: string, from: number): Step {
  let i = text.charAt(from) === "-" ? from + 1 : from;
  if (text.charAt(i) === "0") i++;
  else if (DIGIT.test(text.charAt(i))) i = scanDigits(text, i);
  else return { error: i };
  if (text.charAt(i) === ".") {
    if (!DIGIT.test(text.charAt(i + 1))) return { error: i + 1 };
    i = scanDigits(text, i + 1);
  }
  if (text.charAt(i) === "e" || text.charAt(i) === "E") {
    i++;
    if (text.charAt(i) === "+" || text.charAt(i) === "-") i++;
    if (!DIGIT.test(text.charAt(i))) return { error: i };
    i = scanDigits(text, i);
  }
  return { end: i };
}

/** A key and its colon inside an object; returns where the value starts. */
function scanKey(text: string, from: number): Step {
  const i = skipWhitespace(text, from);
  if (text.charAt(i) !== '"') return { error: i };
  const key = scanString(text, i);
  if ("error" in key) return key;
  const colon = skipWhitespace(text, key.end);
  return text.charAt(colon) === ":" ? { end: colon + 1 } : { error: colon };
}

/** The 0-based offset of the first JSON syntax error in `text`, or undefined if it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  const open: string[] = [];
  let i = 0;
  let expectValue = true;
  for (;;) {
    i = skipWhitespace(text, i);
    if (expectValue) {
      const c = text.charAt(i);
      if (c === "{" || c === "[") {
        open.push(c);
        i = skipWhitespace(text, i + 1);
        if (text.charAt(i) === (c === "{" ? "}" : "]")) {
          open.pop();
          i++;
          expectValue = false;
        } else if (c === "{") {
          const key = scanKey(text, i);
          if ("error" in key) return key.error;
          i = key.end;
        }
        continue;
      }
      const step = scanScalar(text, i);
      if ("error" in step) return step.error;
      i = step.end;
      expectValue = false;
      continue;
    }
    const top = open.at(-1);
    if (top === undefined) return i < text.length ? i : undefined;
    const c = text.charAt(i);
    if (c === ",") {
      expectValue = true;
      if (top === "{") {
        const key = scanKey(text, i + 1);
        if ("error" in key) return key.error;
        i = key.end;
      } else i++;
    } else if (c === (top === "{" ? "}" : "]")) {
      open.pop();
      i++;
    } else return i;
  }
}

const POSITION = /at position (\d+)/;

/**
 * Where `JSON.parse(text)` failed with `error`: 1-based line and column (in code points, as
 * editors count), from V8's message when it names a position, else scanned.
 */
export function jsonErrorLocation(text: string, error: unknown): { line: number; column: number } {
  const named = error instanceof Error ? POSITION.exec(error.message) : null;
  const offset = named?.[1] !== undefined ? Number(named[1]) : jsonErrorOffset(text);
  const before = text.slice(0, Math.min(offset ?? 0, text.length));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}
