/**
 * Hoisting: the part of a condition that depends only on a shared event (the flight, its
 * route, the outage, the price) is the same for every customer the event reaches. Compiled
 * on its own, it is checked once per event, so a flight that arrived on time is not fanned
 * out over its bookings at all. The full condition still runs for each target that remains.
 */
import { type CompiledExpression, compileExpression } from "./compile.js";

/** Variables that are the same for every target of an event of the given type. */
const FLIGHT: ReadonlySet<string> = new Set(["flight", "route", "now"]);
export const SHARED_VARIABLES: Readonly<Record<string, ReadonlySet<string>>> = {
  "flight.arrived": FLIGHT,
  "flight.cancelled": FLIGHT,
  "service.outage": new Set(["outage", "now"]),
  "price.changed": new Set(["price", "now"]),
};

interface AstNode {
  readonly op: string;
  readonly args: unknown;
  readonly start?: number;
  readonly end?: number;
}

const isNode = (x: unknown): x is AstNode => typeof x === "object" && x !== null && "op" in x;

function conjuncts(node: AstNode, out: AstNode[]): void {
  if (node.op === "&&" && Array.isArray(node.args)) {
    for (const arg of node.args) if (isNode(arg)) conjuncts(arg, out);
  } else out.push(node);
}

function identifiers(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) identifiers(child, out);
    return;
  }
  if (!isNode(node)) return;
  if (node.op === "id" && typeof node.args === "string") out.add(node.args);
  else identifiers(node.args, out);
}

/**
 * The conjunction of the top-level `&&` terms of `when` that read only shared variables, or
 * undefined when there is none (or the promise listens to events without shared subjects).
 */
export function hoistSharedTerms(
  when: CompiledExpression,
  eventTypes: readonly string[],
): CompiledExpression | undefined {
  const first = eventTypes[0];
  if (first === undefined) return undefined;
  const shared = SHARED_VARIABLES[first];
  if (!shared || eventTypes.some((t) => SHARED_VARIABLES[t] !== shared)) return undefined;
  const ast = (when.byEvent.get(first) as { ast?: unknown } | undefined)?.ast;
  if (!isNode(ast)) return undefined;
  const terms: AstNode[] = [];
  conjuncts(ast, terms);
  const hoisted: string[] = [];
  for (const term of terms) {
    const ids = new Set<string>();
    identifiers(term, ids);
    // A term with no variable at all is a constant; a term naming a macro's loop variable is
    // not hoistable by this rule either — both simply stay in the per-target condition.
    if (ids.size === 0 || [...ids].some((id) => !shared.has(id))) continue;
    if (term.start === undefined || term.end === undefined) continue;
    hoisted.push(`(${when.source.slice(term.start, term.end)})`);
  }
  if (hoisted.length === 0) return undefined;
  const compiled = compileExpression(hoisted.join(" && "), eventTypes, "bool");
  return compiled.ok ? compiled.value : undefined;
}

const sharedOnly = new WeakMap<CompiledExpression, Map<string, boolean>>();

/**
 * Whether `expr`, on events of `eventType`, reads nothing but the variables shared by every
 * target of such an event (a constant counts): its value is then the same for all of them.
 */
export function readsOnlyShared(expr: CompiledExpression, eventType: string): boolean {
  let perType = sharedOnly.get(expr);
  if (!perType) {
    perType = new Map();
    sharedOnly.set(expr, perType);
  }
  let only = perType.get(eventType);
  if (only === undefined) {
    const shared = SHARED_VARIABLES[eventType];
    const ast = (expr.byEvent.get(eventType) as { ast?: unknown } | undefined)?.ast;
    const ids = new Set<string>();
    identifiers(ast, ids);
    only = shared !== undefined && isNode(ast) && [...ids].every((id) => shared.has(id));
    perType.set(eventType, only);
  }
  return only;
}
