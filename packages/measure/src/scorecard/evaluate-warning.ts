/** A guard warning's contributions: issued, and once settled, heeded or not. */
import type { Contribution, Evaluation } from "./contribution.js";
import { count } from "./contribution.js";
import type { WarningFact } from "./facts.js";
import type { ResolvedScorecardOptions } from "./options.js";
import { type Dated, earliest, type State, type Transaction } from "./state.js";

/** Whether a transaction is a purchase that ignores the warning: its SKU, within the heed window. */
export function ignores(
  w: WarningFact,
  tx: Transaction | undefined,
  options: ResolvedScorecardOptions,
): tx is Transaction {
  return (
    tx?.kind === "order" &&
    tx.at >= w.at &&
    tx.at <= w.at + options.heedWindowMs &&
    tx.skus?.includes(w.sku) === true
  );
}

/** The first order (by time, then id) the warned customer placed that ignores the warning. */
export function ignoringPurchase(
  w: WarningFact,
  state: State,
  options: ResolvedScorecardOptions,
): string | undefined {
  let first: Dated | undefined;
  for (const key of state.customers.get(w.customer)?.cases ?? []) {
    const tx = state.cases.get(key)?.transaction;
    if (ignores(w, tx, options)) first = earliest(first, tx);
  }
  return first?.event;
}

/** Evaluates one warning at the given watermark. */
export function evaluateWarning(
  w: WarningFact,
  state: State,
  watermark: number,
  options: ResolvedScorecardOptions,
): Evaluation {
  const out: Contribution[] = [count("warningsIssued", w.at)];
  const end = w.at + options.heedWindowMs;
  if (ignoringPurchase(w, state, options) !== undefined) out.push(count("warningsSettled", w.at));
  else if (watermark > end) {
    out.push(count("warningsSettled", w.at), count("warningsHeeded", w.at));
    const none: readonly string[] = [];
    out.push({
      kind: "money",
      counter: "moneyKept",
      at: w.at,
      money: w.kept ?? w.price,
      promises: none,
    });
    out.push({
      kind: "money",
      counter: "revenueForgone",
      at: w.at,
      money: w.price,
      promises: none,
    });
  } else return { contributions: out, deadline: end };
  return { contributions: out };
}
