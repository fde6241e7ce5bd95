/**
 * Values of the expressions that read only an event's shared variables (the flight, its
 * route, `now`), kept for the one event being processed: they are the same for every booking
 * and passenger it reaches, so a delayed flight with 30 passengers evaluates its condition,
 * amount, cause and their explanations once instead of 30 times. The remedies' times are
 * printed once per event too.
 */
import type { CompiledExpression } from "../cel/compile.js";
import { type ExplainedExpression, explainExpression, plainValue } from "../cel/explain.js";
import { readsOnlyShared } from "../cel/hoist.js";

/**
 * Shared-only expression values and explanations for one event of type `eventType`. The
 * maps are made on first use: most events with listeners (a booking, say) never need them.
 */
export class SharedMemo {
  private values: Map<CompiledExpression, unknown> | undefined;
  private explained: Map<CompiledExpression, ExplainedExpression> | undefined;
  private printed: Map<number, string> | undefined;
  private contexts: Map<object, object> | undefined;

  constructor(private readonly eventType: string) {}

  /** The value of `expr` in `context`; undefined when it does not apply to this event type. */
  value(expr: CompiledExpression, context: object): unknown {
    const fn = expr.byEvent.get(this.eventType);
    if (!fn || !readsOnlyShared(expr, this.eventType)) return fn?.(context);
    this.values ??= new Map();
    if (this.values.has(expr)) return this.values.get(expr);
    // A throw is not kept: each target then reports the failure itself, as it always has.
    const value = fn(context);
    this.values.set(expr, value);
    return value;
  }

  /**
   * The evaluation context of `target` (made by `build` on first use): every promise that
   * listens to the event and reaches the same booking or customer reads the same context.
   */
  context<C extends object>(target: object, build: () => C): C {
    this.contexts ??= new Map();
    let ctx = this.contexts.get(target) as C | undefined;
    if (ctx === undefined) {
      ctx = build();
      this.contexts.set(target, ctx);
    }
    return ctx;
  }

  /** `ms` (epoch ms) in RFC 3339, as `Date#toISOString` prints it. */
  iso(ms: number): string {
    this.printed ??= new Map();
    let text = this.printed.get(ms);
    if (text === undefined) {
      text = new Date(ms).toISOString();
      this.printed.set(ms, text);
    }
    return text;
  }

  /** `explainExpression` of `expr` in `context` for a remedy whose value was `value`. */
  explain(expr: CompiledExpression, context: object, value: unknown): ExplainedExpression {
    if (!readsOnlyShared(expr, this.eventType))
      return explainExpression(expr, this.eventType, context, value);
    this.explained ??= new Map();
    let known = this.explained.get(expr);
    if (!known) {
      known = explainExpression(expr, this.eventType, context, value);
      this.explained.set(expr, known);
    }
    // Each remedy gets its own objects, as when every explanation was computed afresh.
    return {
      expr: known.expr,
      value: plainValue(value),
      terms: known.terms.map((t) => ({ expr: t.expr, value: t.value })),
    };
  }
}
