/**
 * Explanations: the value of an expression and of each of its sub-expressions, so that a
 * remedy can say exactly which facts and values made it happen. Only runs when a promise
 * fires, never on the hot path; sub-expressions are compiled once and cached.
 */
import type { CompiledExpression } from "./compile.js";
import { environmentFor } from "./environment.js";
import { MoneyValue } from "./money-value.js";

/** A plain, JSON-safe value as explanations carry it. */
export type ExplainedValue =
  | string
  | number
  | boolean
  | null
  | { readonly amount: string; readonly currency: string }
  | readonly ExplainedValue[];

/** One expression with its value. */
export interface Term {
  readonly expr: string;
  readonly value: ExplainedValue;
}

/** An expression's value and the values of the sub-expressions it is made of. */
export interface ExplainedExpression extends Term {
  readonly terms: readonly Term[];
}

interface AstNode {
  readonly op: string;
  readonly args: unknown;
  readonly start?: number;
  readonly end?: number;
}

const MAX_TERMS = 24;
const SKIPPED_OPS = new Set(["value", "id", "list", "map"]);

/** Makes a CEL value JSON-safe: ints as numbers (or strings when huge), times as RFC 3339. */
export function plainValue(value: unknown): ExplainedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof MoneyValue) return value.toJSON();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 10).map(plainValue);
  const seconds = (value as { seconds?: unknown }).seconds;
  if (typeof seconds === "number" || typeof seconds === "bigint") return `${String(seconds)}s`;
  // A view (an item, an order, a flight…) by what names it, so `order.items` reads as the
  // skus rather than as nulls; one with no such name stays null.
  const named = value as { sku?: unknown; id?: unknown };
  if (typeof named.sku === "string") return named.sku;
  if (typeof named.id === "string") return named.id;
  return null;
}

function isAst(x: unknown): x is AstNode {
  return typeof x === "object" && x !== null && "op" in x && "args" in x;
}

function collect(node: unknown, out: AstNode[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out);
    return;
  }
  if (!isAst(node)) return;
  if (!SKIPPED_OPS.has(node.op)) out.push(node);
  collect(node.args, out);
}

const termCache = new WeakMap<
  CompiledExpression,
  Map<string, readonly { expr: string; fn: (c: object) => unknown }[]>
>();

function termsFor(compiled: CompiledExpression, eventType: string) {
  let perType = termCache.get(compiled);
  if (!perType) {
    perType = new Map();
    termCache.set(compiled, perType);
  }
  let terms = perType.get(eventType);
  if (terms) return terms;
  const fn = compiled.byEvent.get(eventType) as { ast?: unknown } | undefined;
  const nodes: AstNode[] = [];
  collect(fn?.ast, nodes);
  const env = environmentFor(eventType);
  const seen = new Set<string>([compiled.source.trim()]);
  const built: { expr: string; fn: (c: object) => unknown }[] = [];
  for (const node of nodes) {
    if (node.start === undefined || node.end === undefined) continue;
    const expr = compiled.source.slice(node.start, node.end).trim();
    if (expr === "" || seen.has(expr)) continue;
    seen.add(expr);
    try {
      const fn = env.parse(expr) as ((c: object) => unknown) & { check(): { valid: boolean } };
      // Checked here, once: an unchecked expression is type-checked on every call, and one
      // that fails (a fragment that names a macro's loop variable) would throw each time.
      if (fn.check().valid) built.push({ expr, fn });
    } catch {
      // A fragment that does not parse on its own.
    }
    if (built.length >= MAX_TERMS) break;
  }
  terms = built;
  perType.set(eventType, terms);
  return terms;
}

/** Evaluates an expression and all its sub-expressions against `context`. */
export function explainExpression(
  compiled: CompiledExpression,
  eventType: string,
  context: object,
  value: unknown,
): ExplainedExpression {
  const terms: Term[] = [];
  for (const term of termsFor(compiled, eventType)) {
    try {
      terms.push({ expr: term.expr, value: plainValue(term.fn(context)) });
    } catch {
      // Short-circuited branches (e.g. a field absent on this path) have no value to show.
    }
  }
  return { expr: compiled.source.trim(), value: plainValue(value), terms };
}
