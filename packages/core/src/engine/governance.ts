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

  /** What has been granted so far, for a snapshot. */
  dump(): {
    perCustomer: Map<string, { at: number; minor: bigint }[]>;
    perDay: Map<string, bigint>;
  } {
    return { perCustomer: this.perCustomer, perDay: this.perDay };
  }

  /** Restores what `dump` saved. */
  load(dump: {
    perCustomer: Map<string, { at: number; minor: bigint }[]>;
    perDay: Map<string, bigint>;
  }): void {
    for (const [k, v] of dump.perCustomer) this.perCustomer.set(k, v);
    for (const [k, v] of dump.perDay) this.perDay.set(k, v);
  }

  /** Which approval reasons apply to granting `amount` now; records the grant. */
  decide(
    promise: string,
    gov: Governance,
    customer: string,
    amount: Money | undefined,
    at: number,
  ): ApprovalReason[] {
    if (!amount) return [];
    const reasons = new Set<ApprovalReason>();
    const limitOf = (list: readonly Money[] | undefined): bigint | undefined => {
      if (!list) return undefined;
      const hit = list.find((m) => m.currency === amount.currency);
      if (!hit) reasons.add("other_currency");
      return hit?.minor;
    };
    const threshold = limitOf(gov.autoApproveUpTo);
    if (threshold !== undefined && amount.minor > threshold) reasons.add("over_threshold");
    if (gov.perCustomerCap) {
      const cap = limitOf(gov.perCustomerCap.amount);
      const key = `${promise}|${customer}|${amount.currency}`;
      const since = at - gov.perCustomerCap.periodMs;
      const spent = (this.perCustomer.get(key) ?? []).filter((s) => s.at > since);
      const total = spent.reduce((s, x) => s + x.minor, 0n);
      if (cap !== undefined && total + amount.minor > cap) reasons.add("over_customer_cap");
      spent.push({ at, minor: amount.minor });
      this.perCustomer.set(key, spent);
    }
    const budget = limitOf(gov.dailyBudget);
    if (gov.dailyBudget) {
      const key = `${promise}|${amount.currency}|${Math.floor(at / DAY)}`;
      const total = this.perDay.get(key) ?? 0n;
      if (budget !== undefined && total + amount.minor > budget) reasons.add("over_daily_budget");
      this.perDay.set(key, total + amount.minor);
    }
    return [...reasons];
  }
}
