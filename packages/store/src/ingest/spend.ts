/**
 * Budgets across workers: the engine decides caps and budgets from the events it has seen,
 * which is exact for one ingestor; with several (each sees the others' events only when it
 * catches up with them, so two may grant at once) only the store sees every grant. So an auto-approved remedy of a promise with a per-customer cap or
 * a daily budget is also counted in the store (`reserveSpend`, atomic across writers), and
 * when the store says a limit would be exceeded, it waits for a person after all.
 */
import type { CompiledPromise, Money, Remedy, SpendRequest, SpendStore } from "@goodfaith/core";

const limitIn = (list: readonly Money[] | undefined, currency: string) =>
  list?.find((m) => m.currency === currency)?.minor.toString();

/** What `remedy` counts against its promise's limits, or undefined if it is not limited. */
export function spendRequest(
  remedy: Remedy,
  promise: CompiledPromise | undefined,
): SpendRequest | undefined {
  const { amount } = remedy;
  const gov = promise?.governance;
  if (!amount || !gov || (!gov.perCustomerCap && !gov.dailyBudget)) return undefined;
  const cap = limitIn(gov.perCustomerCap?.amount, amount.currency);
  const budget = limitIn(gov.dailyBudget, amount.currency);
  if (cap === undefined && budget === undefined) return undefined;
  return {
    key: remedy.key,
    promise: remedy.promise,
    customer: remedy.customer,
    currency: amount.currency,
    amountMinor: amount.minor.toString(),
    ...(cap !== undefined && { capMinor: cap }),
    ...(cap !== undefined && gov.perCustomerCap && { capPeriodMs: gov.perCustomerCap.periodMs }),
    ...(budget !== undefined && { dailyBudgetMinor: budget }),
    at: Date.parse(remedy.at),
  };
}

/**
 * `remedies` with the store's say on limits: each auto-approved, limited remedy is reserved
 * (a replay finds its reservation and keeps it); one the store refuses comes back needing
 * approval, with the limits it would exceed among its reasons.
 */
export async function reserveSpend(
  store: SpendStore,
  remedies: readonly Remedy[],
  promises: ReadonlyMap<string, CompiledPromise>,
): Promise<Remedy[]> {
  const out: Remedy[] = [];
  for (const remedy of remedies) {
    const request = remedy.approval.required
      ? undefined
      : spendRequest(remedy, promises.get(remedy.promise));
    const result = request && (await store.reserveSpend(request));
    out.push(
      result && !result.ok
        ? {
            ...remedy,
            approval: {
              required: true,
              reasons: [...new Set([...remedy.approval.reasons, ...result.exceeded])],
            },
          }
        : remedy,
    );
  }
  return out;
}
