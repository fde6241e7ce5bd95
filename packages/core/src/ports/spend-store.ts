/**
 * The governance spend port: per-customer caps and daily budgets, checked and recorded in one
 * atomic step so two workers can never both spend the last of a budget.
 */
import type { ApprovalReason } from "../engine/outcome.js";

/**
 * A request to count a remedy's amount against its promise's limits. Amounts are minor units
 * as decimal integer strings (`"499"` is €4.99), so they stay exact past 2^53.
 */
export interface SpendRequest {
  /** The remedy's idempotency key: reserving again for the same key counts once. */
  readonly key: string;
  readonly promise: string;
  readonly customer: string;
  readonly currency: string;
  readonly amountMinor: string;
  /** Most the promise may grant one customer within `capPeriodMs` (absent: no cap). */
  readonly capMinor?: string;
  /** The cap's window, ending at `at`; absent: the cap counts forever. */
  readonly capPeriodMs?: number;
  /** Most the promise may grant per UTC day of `at`, all customers together. */
  readonly dailyBudgetMinor?: string;
  /** Event time of the grant, epoch ms: spending is counted in event time, like the engine. */
  readonly at: number;
}

/** A limit that would be exceeded, in the engine's words. */
export type SpendLimit = Extract<ApprovalReason, "over_customer_cap" | "over_daily_budget">;

/** Reserved (`duplicate` when this key was already counted), or refused and nothing recorded. */
export type SpendResult =
  | { readonly ok: true; readonly duplicate: boolean }
  | { readonly ok: false; readonly exceeded: readonly SpendLimit[] };

/** Spend counted against caps and budgets. */
export interface SpendStore {
  /** Checks every limit in `request` and, only if none would be exceeded, records the spend. */
  reserveSpend(request: SpendRequest): Promise<SpendResult>;
  /** Gives back what was reserved for `key` (a rejected or cancelled remedy); false if nothing was. */
  releaseSpend(key: string): Promise<boolean>;
}
