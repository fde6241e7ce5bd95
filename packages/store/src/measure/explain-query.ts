/** An explanation request in words (`toldFirst`, `2026-W45`), checked once for the CLI and the API. */
import {
  COUNTERS,
  type Dimension,
  type Explainable,
  type ExplainQuery,
  MONEY_COUNTERS,
  RATIO_FIGURES,
} from "@goodfaith/measure";
import { parseBucket } from "./bucket.js";

/**
 * Every figure that can be explained, each once: shares first, then time to remedy, money and
 * counts (a money counter is a counter too, so the lists overlap).
 */
export const EXPLAINABLE: readonly Explainable[] = Object.freeze([
  ...new Set<Explainable>([...RATIO_FIGURES, "timeToRemedy", ...MONEY_COUNTERS, ...COUNTERS]),
]);

/** Whether `name` is a figure that can be explained. */
export const isExplainable = (name: string): name is Explainable =>
  (EXPLAINABLE as readonly string[]).includes(name);

/** What to explain, as a person writes it. */
export interface ExplainRequest {
  readonly figure: string;
  /** A bucket name: `2026-11-02`, `2026-W45`, `2026-11` or `all`. */
  readonly period: string;
  readonly dimension?: Dimension;
  readonly value?: string;
  readonly limit?: number;
}

/** The scorecard query, or which field is wrong. */
export type ExplainQueryResult =
  | { readonly ok: true; readonly query: ExplainQuery }
  | { readonly ok: false; readonly field: "figure" | "period" };

/** Checks a request and turns it into the scorecard's `ExplainQuery`. */
export function explainQuery(request: ExplainRequest): ExplainQueryResult {
  const { figure } = request;
  if (!isExplainable(figure)) return { ok: false, field: "figure" };
  const bucket = parseBucket(request.period);
  if (!bucket) return { ok: false, field: "period" };
  return {
    ok: true,
    query: {
      figure,
      period: bucket.period,
      at: bucket.at,
      ...(request.dimension !== undefined && { dimension: request.dimension }),
      ...(request.value !== undefined && { value: request.value }),
      ...(request.limit !== undefined && { limit: request.limit }),
    },
  };
}
