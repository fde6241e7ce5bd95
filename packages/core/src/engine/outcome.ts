import type { ExplainedExpression, ExplainedValue } from "../cel/explain.js";
import type { CauseCategory } from "../events/cause-data.js";
import type { Localized } from "../i18n/lang.js";
import type { Issue } from "../issue.js";
import type { Money } from "../money/index.js";
import type { RemedyKind, Tender } from "../promises/document.js";
import type { TenderPart } from "./tender.js";

/** Why a remedy waits for a person instead of being approved automatically. */
export type ApprovalReason =
  | "over_threshold"
  | "over_customer_cap"
  | "over_daily_budget"
  | "other_currency";

/**
 * A fixed or fractional amount: `rule` says how in English (all that explanations stored
 * before `kind` carry), and `kind` with its parts lets each surface say it in the reader's
 * language. `fixed` is the promise's amount, `value` the amount after any cap.
 */
export type ExplainedAmountRule = { readonly rule: string; readonly value: ExplainedValue } & (
  | {
      readonly kind: "fixed";
      readonly fixed: { readonly amount: string; readonly currency: string };
    }
  | {
      readonly kind: "fraction";
      /** Of what was paid; whole numbers (as strings when too large for JSON numbers). */
      readonly numerator: number | string;
      readonly denominator: number | string;
    }
);

/** Everything needed to say why a remedy exists: the promise, the events, the values. */
export interface Explanation {
  readonly promise: {
    readonly id: string;
    readonly version: string;
    readonly company: string;
    readonly title: Localized;
  };
  /** Ids of the events the remedy rests on, oldest first. */
  readonly events: readonly string[];
  readonly condition?: ExplainedExpression;
  readonly deadline?: { readonly expected: string; readonly by: string; readonly passedAt: string };
  readonly amount?: ExplainedExpression | ExplainedAmountRule;
  /** When the amount was reduced so refunds never exceed what was paid. */
  readonly capped?: { readonly from: Money; readonly to: Money };
}

/**
 * The passenger a per-passenger remedy (`reach: passengers`) is for, so that a booker with
 * several passengers can tell their notices apart: the name when the booking gave one, and
 * the passenger's position on the booking (`number` of `of`, from 1).
 */
export interface RemedyPassenger {
  readonly id: string;
  readonly name?: string;
  readonly number: number;
  readonly of: number;
}

/** A remedy the engine decided on: what, for whom, how much, to which tender, and why. */
export interface Remedy {
  readonly type: "remedy";
  /** Idempotency key: promise id + incident. The same incident never gets a second remedy. */
  readonly key: string;
  readonly promise: string;
  readonly version: string;
  readonly customer: string;
  readonly language: string;
  readonly kind: RemedyKind;
  readonly amount?: Money;
  readonly tender: Tender;
  /** True for compensation paid on top of refunds (e.g. EU 261), false for money given back. */
  readonly compensation: boolean;
  readonly split: readonly TenderPart[];
  readonly subject: { readonly type: string; readonly id: string };
  readonly incident: string;
  /** Event time of the incident, RFC 3339. */
  readonly at: string;
  /** By when the promise says the company acts, RFC 3339. */
  readonly dueBy?: string;
  readonly approval: { readonly required: boolean; readonly reasons: readonly ApprovalReason[] };
  /** The honest cause as the company reported it (the event's `cause`, or the promise's own). */
  readonly cause?: string;
  /** The event's cause in our languages (its `causeText`), when `cause` is the event's. */
  readonly causeText?: Partial<Localized>;
  /** The event's well-known cause category, when `cause` is the event's. */
  readonly causeCategory?: CauseCategory;
  /** For a per-passenger remedy: which passenger of the booking it is for. */
  readonly passenger?: RemedyPassenger;
  readonly notice?: string;
  readonly gesture?: Localized;
  readonly explanation: Explanation;
}

/** A promise expression that failed at run time on one event; the run goes on without it. */
export interface EvaluationFailure {
  readonly type: "evaluation_error";
  readonly promise: string;
  readonly event: string;
  readonly customer: string;
  readonly message: string;
}

/** An event the engine could not apply (its money does not fit its currency); nothing changed. */
export interface RejectedEvent {
  readonly type: "rejected";
  readonly event: string;
  readonly issue: Issue;
}

/** What processing an event produced. */
export type Outcome = Remedy | EvaluationFailure | RejectedEvent;
