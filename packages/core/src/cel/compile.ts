/**
 * Compiling promise expressions: parse and type-check once per event type at load time,
 * so evaluation on the hot path is a call to a prepared closure.
 */
import { environmentFor } from "./environment.js";

/** A CEL expression compiled for each event type it may run on. */
export interface CompiledExpression {
  readonly source: string;
  readonly byEvent: ReadonlyMap<string, (context: object) => unknown>;
}

/** Why an expression did not compile, with the character range inside the expression. */
export interface ExpressionError {
  readonly eventType: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** The CEL result type an expression must have where it is used. */
export type ExpectedType = "bool" | "Money" | "string" | "google.protobuf.Timestamp";

interface CelError {
  readonly summary?: string;
  readonly message: string;
  readonly range?: { readonly start: number; readonly end: number };
}

function describe(err: unknown): { message: string; start: number; end: number } {
  const e = err as CelError;
  const message = (e.summary ?? e.message.split("\n")[0] ?? "invalid expression").trim();
  return { message, start: e.range?.start ?? 0, end: e.range?.end ?? 0 };
}

/** Compiles `source` for every event type in `eventTypes`, checking its result type. */
export function compileExpression(
  source: string,
  eventTypes: readonly string[],
  expected: ExpectedType,
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
      return { ok: false, error: { eventType, ...describe(err) } };
    }
    const checked = fn.check();
    if (!checked.valid) return { ok: false, error: { eventType, ...describe(checked.error) } };
    if (checked.type !== expected && checked.type !== "dyn") {
      return {
        ok: false,
        error: {
          eventType,
          message: `must be of type ${expected}, but is ${checked.type ?? "unknown"}`,
          start: 0,
          end: source.length,
        },
      };
    }
    byEvent.set(eventType, fn);
  }
  return { ok: true, value: { source, byEvent } };
}
