import {
  type BgNbdFit,
  conditionalExpectedPurchases,
  fitBgNbd,
  pAlive,
  type RecencyFrequency,
} from "./bg-nbd.js";
import {
  type ClvOptions,
  customerEquity,
  discountedExpectedPurchases,
  type ResolvedClvOptions,
  resolveClvOptions,
} from "./clv.js";
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  type GammaGammaFit,
  usableForGammaGamma,
} from "./gamma-gamma.js";
import type { Result } from "./issue.js";
import type { NelderMeadOptions } from "./optimize.js";
import { type CustomerSummary, summarize } from "./summary.js";
import type { TransactionLog } from "./transactions.js";

/** Options for `fitClv`: the valuation options plus what to fit on. */
export interface FitClvOptions extends ClvOptions {
  /**
   * Last day (inclusive, `YYYY-MM-DD`) of the calibration period the models are fitted on.
   * @default the log's own `calibrationEnd` (1997-09-30 for CDNOW, else the last date seen)
   */
  readonly calibrationEnd?: string;
  /** Optimiser settings for both fits. */
  readonly optimizer?: NelderMeadOptions;
}

/** A customer's summary and valuation. */
export interface CustomerValue extends CustomerSummary {
  readonly pAlive: number;
  /** Expected purchases over the horizon, undiscounted. */
  readonly expectedPurchases: number;
  /** Expected value of a future purchase (Gamma-Gamma conditional mean). */
  readonly expectedSpend: number;
  /** Discounted expected spend over the horizon. */
  readonly clv: number;
}

/** Both fitted models and every calibration customer's value. */
export interface ClvFit {
  readonly bgnbd: BgNbdFit;
  readonly gammaGamma: GammaGammaFit;
  readonly customers: readonly CustomerValue[];
  /** Customers with at least one repeat transaction in calibration. */
  readonly repeaters: number;
  /** Customers the Gamma-Gamma fit left out (no repeat transactions, or zero repeat spend). */
  readonly excludedFromGammaGamma: number;
  /** Customer equity: the sum of all CLVs. */
  readonly equity: number;
  readonly calibrationEnd: string;
  readonly options: ResolvedClvOptions;
}

/**
 * Summarises the log at the calibration end, fits BG/NBD and Gamma-Gamma, and values every
 * customer. Data that cannot identify the models is an issue; bad options throw RangeError.
 */
export function fitClv(log: TransactionLog, options: FitClvOptions = {}): Result<ClvFit> {
  const resolved = resolveClvOptions(options);
  const calibrationEnd = options.calibrationEnd ?? log.calibrationEnd;
  const summaries = summarize(log.customers, calibrationEnd);
  if (summaries.length === 0) {
    const message = `no customer made a first purchase on or before ${calibrationEnd}`;
    return { ok: false, issues: [{ code: "no-customers", message }] };
  }
  if (!summaries.some(usableForGammaGamma)) {
    const message = `no customer has a repeat purchase with positive value by ${calibrationEnd}; spend cannot be modelled`;
    return { ok: false, issues: [{ code: "no-repeat-spend", message }] };
  }
  const bgnbd = fitBgNbd(summaries, options.optimizer);
  const gammaGamma = fitGammaGamma(summaries, options.optimizer);
  // Customers with the same (x, t_x, T) share every BG/NBD quantity; many do (all one-time
  // buyers acquired on the same day), so compute each distinct history once.
  const purchases = new HistoryCache<{ pAlive: number; expected: number; discounted: number }>();
  const customers = summaries.map((s): CustomerValue => {
    const p = purchases.get(s, () => ({
      pAlive: pAlive(bgnbd, s),
      expected: conditionalExpectedPurchases(bgnbd, s, resolved.horizonWeeks),
      discounted: discountedExpectedPurchases(bgnbd, s, resolved),
    }));
    const expectedSpend = conditionalExpectedSpend(gammaGamma, s);
    // Fields listed rather than spread: V8 builds spread copies slowly, and this runs per customer.
    return {
      customer: s.customer,
      firstPurchase: s.firstPurchase,
      x: s.x,
      tx: s.tx,
      T: s.T,
      meanRepeatSpend: s.meanRepeatSpend,
      holdoutTransactions: s.holdoutTransactions,
      pAlive: p.pAlive,
      expectedPurchases: p.expected,
      expectedSpend,
      clv: expectedSpend * p.discounted,
    };
  });
  return {
    ok: true,
    value: {
      bgnbd,
      gammaGamma,
      customers,
      repeaters: summaries.filter((s) => s.x > 0).length,
      excludedFromGammaGamma: gammaGamma.excluded,
      equity: customerEquity(customers.map((c) => c.clv)),
      calibrationEnd,
      options: resolved,
    },
  };
}

/** Memoises a value per distinct (x, t_x, T), keyed by the numbers themselves. */
class HistoryCache<V> {
  private readonly byX = new Map<number, Map<number, Map<number, V>>>();

  get(h: RecencyFrequency, compute: () => V): V {
    let byT = this.byX.get(h.x);
    if (!byT) {
      byT = new Map();
      this.byX.set(h.x, byT);
    }
    let byTx = byT.get(h.T);
    if (!byTx) {
      byTx = new Map();
      byT.set(h.T, byTx);
    }
    let value = byTx.get(h.tx);
    if (value === undefined) {
      value = compute();
      byTx.set(h.tx, value);
    }
    return value;
  }
}

/**
 * Whether fitted models describe the data at all. An estimate that ran off to zero (too few
 * customers, too few repeat buyers) makes a degenerate model that values nobody meaningfully,
 * whatever number falls out; real data keeps every parameter well above 1e-3 (CDNOW: 0.24 …
 * 15.4). Estimates that grow without bound with a steady ratio are different: they are the
 * limit of no heterogeneity (every customer alike), which predicts finitely and is kept.
 */
export function modelsIdentified(fit: Pick<ClvFit, "bgnbd" | "gammaGamma">): boolean {
  const { bgnbd: bg, gammaGamma: gg } = fit;
  return [bg.r, bg.alpha, bg.a, bg.b, gg.p, gg.q, gg.v].every(
    (x) => Number.isFinite(x) && x >= 1e-3,
  );
}
