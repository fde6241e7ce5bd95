/**
 * Compiling promise expressions: parse and type-check once per event type at load time,
 * so evaluation on the hot path is a call to a prepared closure.
 */
import { environmentFor } from "./environment.js";
import { type ExpressionError, expressionError } from "./expression-errors.js";

export type { ExpressionError } from "./expression-errors.js";

/** A CEL expression compiled for each event type it may run on. */
export interface CompiledExpression {
  readonly source: string;
  readonly byEvent: ReadonlyMap<string, (context: object) => unknown>;
}

/** The CEL result type an expression must have where it is used. */
export type ExpectedType = "bool" | "Money" | "string" | "google.protobuf.Timestamp";

/**
 * Compiles `source` for every event type in `eventTypes`, checking its result type;
 * `currency` (the document's) is used only to word an error's suggestion.
 */
export function compileExpression(
  source: string,
  eventTypes: readonly string[],
  expected: ExpectedType,
  currency?: string,
): { ok: true; value: CompiledExpression } | { ok: false; error: ExpressionError } {
  const byEvent = new Map<string, (context: object) => unknown>();
  for (const eventType of eventTypes) {
    const env = environmentFor(eventType);
    let fn: ((context: object) => unknown) & {
      check(): { valid: boolean; type?: string; error?: unknown };
    };
    try {
      fn = env.parse(source) as typeof fn;
    } catch (err) {
      return { ok: false, error: expressionError(err, source, env, eventType, currency) };
    }
    const checked = fn.check();
    if (!checked.valid)
      return { ok: false, error: expressionError(checked.error, source, env, eventType, currency) };
    if (checked.type !== expected && checked.type !== "dyn") {
      return {
        ok: false,
        error: {
          eventType,
          kind: "result_type",
          params: { expected, actual: checked.type ?? "dyn" },
          message: `must be of type ${expected}, but is ${checked.type ?? "dyn"}`,
          start: 0,
          end: source.length,
        },
      };
    }
    byEvent.set(eventType, fn);
  }
  return { ok: true, value: { source, byEvent } };
}
