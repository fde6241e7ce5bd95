/**
 * Governance: a promise may pay automatically up to a threshold, within a per-customer cap
 * over a period and a daily budget; beyond them a person approves. Spending is counted in
 * event time, so a replay decides exactly as the live run did.
 */
import type { Money } from "../money/index.js";
import type { Governance } from "../promises/document.js";
import type { ApprovalReason } from "./outcome.js";

const DAY = 86_400_000;

/** Tracks what each promise has granted, per customer and per day. */
export class GovernanceLedger {
  private readonly perCustomer = new Map<string, { at: number; minor: bigint }[]>();
  private readonly perDay = new Map<string, bigint>();

  /** Which approval reasons apply to granting `amount` now; records the grant. */
  decide(promise: string, gov: Governance, customer: string, amount: Money | undefined, at: number): ApprovalReason[] {
    if (!amount) return [];
    const reasons: ApprovalReason[] = [];
    const reference = gov.autoApproveUpTo ?? gov.perCustomerCap?.amount ?? gov.dailyBudget;
    if (!reference) return [];
    if (reference.currency !== amount.currency) return ["other_currency"];
    if (gov.autoApproveUpTo && amount.minor > gov.autoApproveUpTo.minor) reasons.push("over_threshold");
    if (gov.perCustomerCap) {
      const key = `${promise}|${customer}`;
      const since = at - gov.perCustomerCap.periodMs;
      const spent = (this.perCustomer.get(key) ?? []).filter((s) => s.at > since);
      const total = spent.reduce((s, x) => s + x.minor, 0n);
      if (total + amount.minor > gov.perCustomerCap.amount.minor) reasons.push("over_customer_cap");
      spent.push({ at, minor: amount.minor });
      this.perCustomer.set(key, spent);
    }
    if (gov.dailyBudget) {
      const key = `${promise}|${Math.floor(at / DAY)}`;
      const total = this.perDay.get(key) ?? 0n;
      if (total + amount.minor > gov.dailyBudget.minor) reasons.push("over_daily_budget");
      this.perDay.set(key, total + amount.minor);
    }
    return reasons;
  }
}
