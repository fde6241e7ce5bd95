import type { CompiledExpression } from "../cel/compile.js";
import type { Localized } from "../i18n/lang.js";
import type { Money } from "../money/index.js";

/** What a remedy gives the customer. `warning` is what the guard says before a purchase. */
export type RemedyKind = "refund" | "credit" | "points" | "notice" | "gesture" | "warning";

/** Where money goes back: the original payment mix (split exactly), cash, points or store credit. */
export type Tender = "original" | "cash" | "points" | "credit";

/** Who a shared-subject event reaches: the event's own customer, or everyone attached to it. */
export type Reach = "customer" | "bookings" | "passengers" | "subscribers" | "buyers";

/** How a remedy's amount is computed. */
export type AmountRule =
  | { readonly type: "expr"; readonly expr: CompiledExpression }
  | { readonly type: "fraction"; readonly numerator: bigint; readonly denominator: bigint }
  | { readonly type: "fixed"; readonly money: Money };

/** An absence clause: the promise fires when `event` has not happened by `by` + `grace`. */
export interface ExpectRule {
  readonly event: string;
  readonly by: CompiledExpression;
  readonly graceMs: number;
}

/**
 * Limits on what a promise may pay without a person's approval, each given per currency: a
 * remedy is measured against the limit in its own currency, and one in a currency with no
 * limit waits for a person.
 */
export interface Governance {
  readonly autoApproveUpTo?: readonly Money[];
  readonly perCustomerCap?: { readonly amount: readonly Money[]; readonly periodMs: number };
  readonly dailyBudget?: readonly Money[];
}

/** Which built-in guard check a `guard.check` promise switches on. */
export interface GuardRule {
  readonly check: "already-owned" | "price-protection";
  readonly windowMs: number;
}

/** One compiled promise, ready for the engine. */
export interface CompiledPromise {
  readonly id: string;
  readonly version: string;
  readonly company: string;
  readonly title: Localized;
  readonly text: Localized;
  readonly on: readonly string[];
  readonly reach: Reach;
  readonly when?: CompiledExpression;
  /** The part of `when` that is the same for every target of a shared event (see cel/hoist.ts). */
  readonly shared?: CompiledExpression;
  readonly expect?: ExpectRule;
  readonly incident?: CompiledExpression;
  readonly cause?: CompiledExpression;
  readonly remedy: {
    readonly kind: RemedyKind;
    readonly amount?: AmountRule;
    readonly tender: Tender;
    readonly withinMs?: number;
    readonly compensation: boolean;
    readonly gesture?: Localized;
  };
  readonly guard?: GuardRule;
  readonly governance: Governance;
  readonly notice?: string;
}

/** A loaded Bill of Rights: the company's promises at one version. */
export interface PromiseDocument {
  readonly source: string;
  readonly company: string;
  readonly version: string;
  readonly currency: string;
  readonly title?: Localized;
  readonly intro?: Localized;
  readonly promises: readonly CompiledPromise[];
}
