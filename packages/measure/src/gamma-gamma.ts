// Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves
// for customer base analysis", JMR 42(4), and Fader & Hardie (2013), "The Gamma-Gamma model of
// monetary value". A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, v) across
// customers, so the mean z̄ of x transactions has a closed-form marginal density.
import { type NelderMeadOptions, nelderMead } from "./optimize.js";
import { lgamma } from "./special-functions.js";

/** What the Gamma-Gamma model sees of a customer: x repeat transactions averaging z̄. */
export interface AverageSpend {
  /** Repeat transactions in calibration. */
  readonly x: number;
  /** Mean value of those repeat transactions (z̄). */
  readonly meanRepeatSpend: number;
}

/** Gamma-Gamma parameters: spend ~ Gamma(shape p, rate ν), ν ~ Gamma(shape q, rate v). */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/** Maximum-likelihood Gamma-Gamma parameters, who was used, and how the search ended. */
export interface GammaGammaFit extends GammaGammaParams {
  readonly logLikelihood: number;
  /** Customers the fit used: x > 0 and z̄ > 0. */
  readonly customers: number;
  /** Customers left out: no repeat transactions, or repeat transactions worth nothing. */
  readonly excluded: number;
  readonly converged: boolean;
  readonly evaluations: number;
}

interface Compiled {
  readonly xs: Float64Array; // distinct x
  readonly xCount: Float64Array;
  readonly rowX: Int32Array;
  readonly rowXValue: Float64Array;
  readonly rowLogX: Float64Array;
  readonly rowLogM: Float64Array;
  readonly rowM: Float64Array;
}

/** Whether the model can use a customer: z̄ is only observed (and log z̄ finite) for x > 0, z̄ > 0. */
export function usableForGammaGamma(c: AverageSpend): boolean {
  return c.x > 0 && c.meanRepeatSpend > 0 && Number.isFinite(c.meanRepeatSpend);
}

function compile(customers: readonly AverageSpend[]): Compiled {
  const used = customers.filter(usableForGammaGamma);
  const xIndex = new Map<number, number>();
  for (const c of used) if (!xIndex.has(c.x)) xIndex.set(c.x, xIndex.size);
  const xs = Float64Array.from(xIndex.keys());
  const rowX = Int32Array.from(used, (c) => xIndex.get(c.x) as number);
  const xCount = new Float64Array(xs.length);
  for (const k of rowX) xCount[k] = (xCount[k] as number) + 1;
  return {
    xs,
    xCount,
    rowX,
    rowXValue: Float64Array.from(used, (c) => c.x),
    rowLogX: Float64Array.from(used, (c) => Math.log(c.x)),
    rowLogM: Float64Array.from(used, (c) => Math.log(c.meanRepeatSpend)),
    rowM: Float64Array.from(used, (c) => c.meanRepeatSpend),
  };
}

// Per customer (Fader & Hardie 2013, eq. 3):
//   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(v + x z̄)
function logLikelihood(params: GammaGammaParams, m: Compiled): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return Number.NaN;
  let total = m.rowM.length * (q * Math.log(v) - lgamma(q));
  for (let k = 0; k < m.xs.length; k++) {
    const px = p * (m.xs[k] as number);
    total += (m.xCount[k] as number) * (lgamma(px + q) - lgamma(px));
  }
  for (let i = 0; i < m.rowM.length; i++) {
    const x = m.rowXValue[i] as number;
    const px = p * x;
    total +=
      (px - 1) * (m.rowLogM[i] as number) +
      px * (m.rowLogX[i] as number) -
      (px + q) * Math.log(v + x * (m.rowM[i] as number));
  }
  return total;
}

/** Total Gamma-Gamma log-likelihood over the customers the model can use. */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  customers: readonly AverageSpend[],
): number {
  return logLikelihood(params, compile(customers));
}

/**
 * Fits p, q, v by maximum likelihood on customers with x > 0 and z̄ > 0, leaving out (and
 * counting) the rest. Throws RangeError when no customer is usable.
 */
export function fitGammaGamma(
  customers: readonly AverageSpend[],
  options: NelderMeadOptions = {},
): GammaGammaFit {
  const compiled = compile(customers);
  const used = compiled.rowM.length;
  if (used === 0) throw new RangeError("fitGammaGamma needs a customer with repeat spend > 0");
  const toParams = (theta: readonly number[]): GammaGammaParams => ({
    p: Math.exp(theta[0] as number),
    q: Math.exp(theta[1] as number),
    v: Math.exp(theta[2] as number),
  });
  // Start at p = 1, q = 2, v = mean z̄: the implied population mean pv/(q−1) is the sample's.
  const meanSpend = compiled.rowM.reduce((sum, m) => sum + m, 0) / used;
  const start = [0, Math.log(2), Math.log(meanSpend)];
  const best = nelderMead((theta) => -logLikelihood(toParams(theta), compiled), start, options);
  return {
    ...toParams(best.x),
    logLikelihood: -best.value,
    customers: used,
    excluded: customers.length - used,
    converged: best.converged,
    evaluations: best.evaluations,
  };
}

/**
 * E[mean transaction value | x, z̄] = p(v + x z̄)/(px + q − 1): a weighted average of the
 * population mean pv/(q−1) and the customer's own z̄ (the population mean when x = 0).
 * +∞ when q ≤ 1 and x = 0, where the population mean does not exist.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, customer: AverageSpend): number {
  const { p, q, v } = params;
  const x = Math.max(customer.x, 0);
  const zbar = x > 0 ? customer.meanRepeatSpend : 0;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Number.POSITIVE_INFINITY;
  return (p * (v + x * zbar)) / denominator;
}
