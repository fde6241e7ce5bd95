// Each customer's value as of one day, under fitted models: the quantities the capital
// figures are sums of. Valuing the same history at two days (the start and the end of a
// period) with the same models is what makes a write-down a difference of like with like.
import { type BgNbdParams, conditionalExpectedPurchases, pAlive } from "../bg-nbd.js";
import { discountedExpectedPurchases, type ResolvedClvOptions } from "../clv.js";
import { conditionalExpectedSpend, type GammaGammaParams } from "../gamma-gamma.js";
import { summarize } from "../summary.js";
import type { CustomerTransactions } from "../transactions.js";

/** The fitted models capital is computed with. */
export interface CapitalModels {
  readonly bgnbd: BgNbdParams;
  readonly gammaGamma: GammaGammaParams;
}

/** A customer's value as of a day. */
export interface Valuation {
  /** P(alive): the chance they still buy from us (BG/NBD; 1 before any repeat purchase). */
  readonly pAlive: number;
  /** Expected purchases over the horizon, undiscounted. */
  readonly expectedPurchases: number;
  /** Expected value of one future purchase (Gamma-Gamma). */
  readonly expectedSpend: number;
  /** Expected spend over the horizon, discounted: expectedSpend × discounted purchases. */
  readonly clv: number;
}

/**
 * Values every customer acquired by `asOf` (`YYYY-MM-DD`, inclusive) from their purchases up
 * to that day; later purchases are ignored, so this is what we could have known then.
 */
export function valueCustomers(
  models: CapitalModels,
  customers: readonly CustomerTransactions[],
  asOf: string,
  options: ResolvedClvOptions,
): Map<string, Valuation> {
  const values = new Map<string, Valuation>();
  for (const s of summarize(customers, asOf)) {
    const expectedSpend = conditionalExpectedSpend(models.gammaGamma, s);
    values.set(s.customer, {
      pAlive: pAlive(models.bgnbd, s),
      expectedPurchases: conditionalExpectedPurchases(models.bgnbd, s, options.horizonWeeks),
      expectedSpend,
      clv: expectedSpend * discountedExpectedPurchases(models.bgnbd, s, options),
    });
  }
  return values;
}
