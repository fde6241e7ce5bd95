/**
 * Outcomes as JSON: money as decimal strings with a currency, never floats or bigints,
 * so every consumer (CLI, HTTP, webhooks, the store) reads the same shape.
 */
import { type Money, toDecimalString } from "../money/index.js";
import type { Outcome } from "./outcome.js";

function isMoney(v: unknown): v is Money {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Money).minor === "bigint" &&
    typeof (v as Money).currency === "string"
  );
}

/** Replaces Money with `{ amount, currency }` and any other bigint with its decimal string. */
export function jsonSafe(value: unknown): unknown {
  if (isMoney(value)) return { amount: toDecimalString(value), currency: value.currency };
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

/**
 * An outcome as a flat JSON object: a remedy's `amount` and `currency` sit at the top level
 * and each tender part is `{ method, amount, currency }`.
 */
export function outcomeToJson(outcome: Outcome): Record<string, unknown> {
  if (outcome.type !== "remedy") return jsonSafe(outcome) as Record<string, unknown>;
  const { amount, split, ...rest } = outcome;
  return {
    ...(jsonSafe(rest) as Record<string, unknown>),
    ...(amount && { amount: toDecimalString(amount), currency: amount.currency }),
    split: split.map((p) => ({
      method: p.method,
      amount: toDecimalString(p.amount),
      currency: p.amount.currency,
    })),
  };
}
