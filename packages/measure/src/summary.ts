import type { RecencyFrequency } from "./bg-nbd.js";
import { formatDay, parseIsoDate } from "./dates.js";
import type { AverageSpend } from "./gamma-gamma.js";
import type { CustomerTransactions } from "./transactions.js";

/** Days per week: every duration in the models is in weeks. */
export const DAYS_PER_WEEK = 7;

/** A customer's calibration-period summary: what the BG/NBD and Gamma-Gamma models are fitted on. */
export interface CustomerSummary extends RecencyFrequency, AverageSpend {
  readonly customer: string;
  /** `YYYY-MM-DD` of the first transaction. */
  readonly firstPurchase: string;
  /** Transactions after the calibration end (the holdout period), for checking forecasts. */
  readonly holdoutTransactions: number;
}

/**
 * Summarises each customer acquired by `calibrationEnd` (inclusive, `YYYY-MM-DD`): x repeat
 * transactions, t_x and T in weeks, and z̄ = mean value of the repeat transactions. Customers
 * whose first purchase is later are left out. Throws RangeError on a malformed date.
 */
export function summarize(
  customers: readonly CustomerTransactions[],
  calibrationEnd: string,
): CustomerSummary[] {
  const end = parseIsoDate(calibrationEnd);
  if (end === undefined)
    throw new RangeError(`calibrationEnd must be YYYY-MM-DD, got ${calibrationEnd}`);
  const summaries: CustomerSummary[] = [];
  for (const { customer, transactions } of customers) {
    const first = transactions[0];
    if (first === undefined || first.day > end) continue;
    let x = 0;
    let lastDay = first.day;
    let repeatSpend = 0;
    let holdoutTransactions = 0;
    for (const t of transactions.slice(1)) {
      if (t.day > end) {
        holdoutTransactions++;
        continue;
      }
      x++;
      lastDay = t.day;
      repeatSpend += t.amount;
    }
    summaries.push({
      customer,
      firstPurchase: formatDay(first.day),
      x,
      tx: (lastDay - first.day) / DAYS_PER_WEEK,
      T: (end - first.day) / DAYS_PER_WEEK,
      // Spend convention, as in Fader, Hardie & Lee (2005, "RFM and CLV") and the published
      // CDNOW summary's zbar: the mean value of the *repeat* transactions in calibration; the
      // first (acquisition) purchase is left out, as are holdout purchases. With x = 0 there is
      // no repeat spend: 0 here, and the Gamma-Gamma fit leaves the customer out.
      meanRepeatSpend: x > 0 ? repeatSpend / x : 0,
      holdoutTransactions,
    });
  }
  return summaries;
}
