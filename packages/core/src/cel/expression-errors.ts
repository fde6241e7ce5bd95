/**
 * Why an expression did not compile, as data: cel-js reports its errors in English with a
 * code and the AST node at fault; each code we explain becomes a kind with the names
 * involved (field, operator, operand types) so promise messages can say it in any language.
 * Runs only when compiling fails, never while evaluating.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { parseMoney, toDecimalString } from "../money/index.js";
import { closest } from "./closest.js";
import { fieldsOf, VARIABLE_TYPES, variablesOf } from "./environment.js";

/** What is wrong with an expression; each kind has its own message. */
export type ExpressionErrorKind =
  | "incomplete"
  | "unexpected"
  | "expected"
  | "expected_field"
  | "unclosed"
  | "unclosed_quote"
  | "reserved"
  | "unknown_variable"
  | "unavailable_variable"
  | "unknown_field"
  | "unknown_function"
  | "unknown_macro"
  | "no_operator"
  | "no_unary_operator"
  | "no_call"
  | "not_bool"
  | "branch_types"
  | "not_indexable"
  | "result_type"
  | "other";

/** Why an expression did not compile, with the character range inside the expression. */
export interface ExpressionError {
  readonly eventType: string;
  readonly kind: ExpressionErrorKind;
  /** The names involved; `suggestion`, when present, is what a misspelt name likely meant. */
  readonly params: Readonly<Record<string, string>>;
  /** cel-js's own (English) text, quoted by the `other` kind. */
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

// The parts of cel-js's errors and AST nodes used here (`checkedType` is set by its checker).
interface Node {
  readonly op: string;
  readonly args: unknown;
  readonly start: number;
  readonly end: number;
  readonly checkedType?: { readonly name: string };
}

interface CelError {
  readonly code?: string;
  readonly summary?: string;
  readonly message: string;
  readonly node?: Node;
  readonly range?: { readonly start: number; readonly end: number };
}

type Found = Pick<ExpressionError, "kind" | "params"> & { readonly start?: number | undefined };

const typeOf = (node: unknown): string => (node as Node).checkedType?.name ?? "dyn";
const isBool = (type: string): boolean => type === "bool" || type === "dyn";

// Words from other languages that CEL spells as operators.
const OPERATOR_FOR: Readonly<Record<string, string>> = {
  "=": "==",
  and: "&&",
  or: "||",
  not: "!",
  AND: "&&",
  OR: "||",
  NOT: "!",
};

const CLOSER: Readonly<Record<string, string>> = { RPAREN: ")", RBRACKET: "]", RBRACE: "}" };
const TOKEN_TEXT: Readonly<Record<string, string>> = { ...CLOSER, COLON: ":", LPAREN: "(" };

// Brackets outside quoted text; a bracket inside quotes closes nothing.
const BRACKETS = /'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|[([{)\]}]/g;

/** Where the last bracket still open at the end of `source` was opened. */
function unclosedAt(source: string): number | undefined {
  const open: number[] = [];
  for (const m of source.matchAll(BRACKETS)) {
    if (m[0].length > 1) continue;
    if ("([{".includes(m[0])) open.push(m.index);
    else open.pop();
  }
  return open.at(-1);
}

const withSuggestion = (params: Record<string, string>, suggestion: string | undefined) =>
  suggestion === undefined ? params : { ...params, suggestion };

function syntax(e: CelError, source: string, start: number, end: number): Found | undefined {
  const token = source.slice(start, end).trim();
  // cel-js puts an error at the end on the last character it read, past any trailing space.
  const atEnd = { start: source.trimEnd().length };
  switch (e.code) {
    case "unexpected_token":
    case "unexpected_character": {
      if (token === "") return { kind: "incomplete", params: {}, ...atEnd };
      return { kind: "unexpected", params: withSuggestion({ token }, OPERATOR_FOR[token]) };
    }
    case "expected_token": {
      const expected = /^Expected (\w+)/.exec(e.summary ?? "")?.[1] ?? "";
      if (expected === "IDENTIFIER") return { kind: "expected_field", params: {} };
      const opened = token === "" && expected in CLOSER ? unclosedAt(source) : undefined;
      if (opened !== undefined)
        return { kind: "unclosed", params: { char: source.charAt(opened) }, start: opened };
      if (token === "") return { kind: "incomplete", params: {}, ...atEnd };
      const text = TOKEN_TEXT[expected];
      return text === undefined
        ? undefined
        : { kind: "expected", params: { expected: text, found: token } };
    }
    case "unterminated_string":
    case "unterminated_triple_quoted_string":
      return { kind: "unclosed_quote", params: {} };
    case "reserved_identifier":
      return { kind: "reserved", params: { name: token } };
    default:
      return undefined;
  }
}

// Times and durations are written as text wrapped in a conversion; text alone compares with
// nothing else, so say how to write it.
const CONVERSION: Readonly<Record<string, string>> = {
  "google.protobuf.Timestamp": "timestamp",
  "google.protobuf.Duration": "duration",
};

/** `text` written as a value of `typed`'s type, when `text` is a string literal. */
function literalOf(typed: Node | undefined, text: Node | undefined, source: string) {
  const conversion = CONVERSION[typeOf(typed)];
  if (conversion === undefined || text?.op !== "value" || typeOf(text) !== "string") return;
  return `${conversion}(${source.slice(text.start, text.end)})`;
}

// Money is written as money("12.50", "EUR"): a bare number is no amount, so say how to
// write it in the document's currency, where it is compared with, added to or taken from money.
const MONEY_OPERATORS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">=", "+", "-"]);
const NUMBER_TYPES: ReadonlySet<string> = new Set(["int", "uint", "double"]);

/** `number` written as money, when it is a number literal and `typed` is money. */
function moneyOf(typed: Node | undefined, number: Node | undefined, source: string, currency = "") {
  if (currency === "" || typeOf(typed) !== "Money" || number?.op !== "value") return;
  if (!NUMBER_TYPES.has(typeOf(number))) return;
  const amount = source.slice(number.start, number.end).replace(/u$/i, "");
  const parsed = parseMoney(amount, currency);
  return `money("${parsed.ok ? toDecimalString(parsed.value) : amount}", "${currency}")`;
}

function names(env: Environment, receiver: boolean): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const f of env.getDefinitions().functions) {
    if ((f.receiverType !== null) !== receiver) continue;
    byName.set(f.name, [...(byName.get(f.name) ?? []), f.signature]);
  }
  return byName;
}

// The macros over a list (all, exists, map…) are declared as taking two `ast` parameters:
// a variable name, then an expression of it.
const isMacro = (signature: string): boolean => signature.includes("(ast, ast");

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && "op" in value;

/** Every node of `root`, parents before children, left to right. */
function* nodes(root: unknown): Generator<Node> {
  if (Array.isArray(root)) for (const item of root) yield* nodes(item);
  else if (isNode(root)) {
    yield root;
    if (typeof root.args === "object") yield* nodes(root.args);
  }
}

/**
 * A call to a name that is neither a function nor a macro, written as a macro is (a variable
 * first, as in `items.exist(i, i.gift)`, or a name close to a macro's). The checker trips on
 * the variable first and would call it an unknown name; the misspelt macro is the mistake.
 */
function misspeltMacro(root: unknown, env: Environment, source: string): Found | undefined {
  const functions = env.getDefinitions().functions;
  const macros = [...new Set(functions.filter((f) => isMacro(f.signature)).map((f) => f.name))];
  for (const node of nodes(root)) {
    if (node.op !== "call" && node.op !== "rcall") continue;
    const method = node.op === "rcall";
    const [name, ...rest] = node.args as [string, ...unknown[]];
    const known = names(env, method);
    if (known.has(name)) continue;
    const suggestion = closest(name, macros);
    const first = (rest.at(-1) as unknown[])[0];
    const variableFirst =
      isNode(first) && first.op === "id" && !env.hasVariable(String(first.args));
    // A misspelt function (`sze(x)`) is not a macro, whatever its arguments.
    if (suggestion === undefined && (!variableFirst || closest(name, known.keys()))) continue;
    const start = method ? source.indexOf(name, (rest[0] as Node).end) : node.start;
    const params = withSuggestion({ function: name, macros: macros.join(", ") }, suggestion);
    return { kind: "unknown_macro", params, start };
  }
  return undefined;
}

function call(node: Node, env: Environment): Found {
  const method = node.op === "rcall";
  const [name, ...rest] = node.args as [string, ...unknown[]];
  const args = (rest.at(-1) as unknown[]).map(typeOf).join(", ");
  const known = names(env, method);
  const signatures = known.get(name);
  if (signatures === undefined) {
    const suggestion = closest(name, known.keys());
    return { kind: "unknown_function", params: withSuggestion({ function: name }, suggestion) };
  }
  const receiver = method ? `${typeOf(rest[0])}.` : "";
  return {
    kind: "no_call",
    params: { call: `${receiver}${name}(${args})`, signatures: signatures.join(" | ") },
  };
}

function typing(
  e: CelError,
  node: Node,
  source: string,
  env: Environment,
  eventType: string,
  currency: string | undefined,
): Found | undefined {
  const [left, right] = Array.isArray(node.args) ? (node.args as Node[]) : [];
  // Where `text` (an operator, a bracket) is written after the operand `from`.
  const after = (text: string, from: Node | undefined) => {
    const at = source.indexOf(text, from?.end ?? 0);
    return at < 0 ? undefined : at;
  };
  switch (e.code) {
    case "unknown_variable": {
      const name = String(node.args);
      const offered = variablesOf(eventType);
      const available = offered.join(", ");
      if (name in VARIABLE_TYPES)
        return { kind: "unavailable_variable", params: { name, eventType, available } };
      const params = withSuggestion({ name, eventType, available }, closest(name, offered));
      return { kind: "unknown_variable", params };
    }
    case "no_such_key": {
      const field = typeof right === "string" ? right : String(right?.args);
      const fields = fieldsOf(typeOf(left));
      const params = { field, type: typeOf(left), fields: fields.join(", ") };
      return { kind: "unknown_field", params: withSuggestion(params, closest(field, fields)) };
    }
    case "no_such_overload": {
      const operator = node.op.replace("_", "");
      if (!right)
        return { kind: "no_unary_operator", params: { operator, operand: typeOf(node.args) } };
      const params = { operator, left: typeOf(left), right: typeOf(right) };
      const money = MONEY_OPERATORS.has(operator)
        ? (moneyOf(left, right, source, currency) ?? moneyOf(right, left, source, currency))
        : undefined;
      const suggestion = money ?? literalOf(left, right, source) ?? literalOf(right, left, source);
      return {
        kind: "no_operator",
        params: withSuggestion(params, suggestion),
        start: after(operator, left),
      };
    }
    case "no_matching_overload":
      return node.op === "call" || node.op === "rcall" ? call(node, env) : undefined;
    case "invalid_condition_type":
      return { kind: "not_bool", params: { operator: "?", type: typeOf(node) } };
    case "invalid_logical_operand": {
      const bad = isBool(typeOf(left)) ? right : left;
      return {
        kind: "not_bool",
        params: { operator: node.op, type: typeOf(bad) },
        start: bad?.start,
      };
    }
    case "incompatible_ternary_branches": {
      const [, yes, no] = node.args as Node[];
      return { kind: "branch_types", params: { left: typeOf(yes), right: typeOf(no) } };
    }
    case "cannot_index_type":
      return { kind: "not_indexable", params: { type: typeOf(left) }, start: after("[", left) };
    default:
      return undefined;
  }
}

/**
 * Turns what cel-js threw for `source` into an `ExpressionError`; `other` quotes its text.
 * `currency` (the document's) is the one a suggested money literal is written in.
 */
export function expressionError(
  err: unknown,
  source: string,
  env: Environment,
  eventType: string,
  currency?: string,
): ExpressionError {
  const e = (err ?? {}) as CelError;
  const message = (e.summary ?? String(e.message).split("\n")[0] ?? "").trim();
  const start = e.range?.start ?? 0;
  const end = e.range?.end ?? start;
  let found: Found | undefined;
  try {
    found = e.node?.op
      ? (misspeltMacro((env.parse(source) as { ast?: unknown }).ast, env, source) ??
        typing(e, e.node, source, env, eventType, currency))
      : syntax(e, source, start, end);
  } catch {
    // An error shaped unlike the ones above is still reported, in cel-js's words.
  }
  const { kind, params, start: at } = found ?? { kind: "other", params: { detail: message } };
  return { eventType, kind, params, message, start: at ?? start, end };
}
