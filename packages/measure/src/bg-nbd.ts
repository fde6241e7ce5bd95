// BG/NBD model: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2). While alive a customer buys
// at Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
// p ~ Beta(a, b). Time is in whatever unit x/t_x/T use (weeks throughout this package).
import { hyp2f1MinusOne } from "./hypergeometric.js";
import { type NelderMeadOptions, nelderMead } from "./optimize.js";
import { lgamma, logAddExp, logisticOfNegative } from "./special-functions.js";

/** A customer's calibration-period history in the BG/NBD's terms. */
export interface RecencyFrequency {
  /** Repeat transactions (after the first). */
  readonly x: number;
  /** Time of the last repeat transaction, measured from the first (0 when x = 0). */
  readonly tx: number;
  /** Time from the first transaction to the end of calibration. */
  readonly T: number;
}

/** BG/NBD parameters: purchase rate λ ~ Gamma(shape r, rate α); dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Maximum-likelihood BG/NBD parameters and how the search ended. */
export interface BgNbdFit extends BgNbdParams {
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly evaluations: number;
}

/** Customers grouped by identical (x, t_x, T), and the distinct x values shared by groups. */
interface Compiled {
  readonly xs: Float64Array; // distinct x values
  readonly xCount: Float64Array; // customers per distinct x
  readonly rowX: Int32Array; // row → index into xs
  readonly rowTx: Float64Array;
  readonly rowT: Float64Array;
  readonly rowCount: Float64Array;
}

function compile(customers: readonly RecencyFrequency[]): Compiled {
  const n = customers.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (const [i, c] of customers.entries()) {
    const valid = Number.isInteger(c.x) && c.x >= 0 && c.T >= 0 && Number.isFinite(c.T);
    if (!valid || (c.x > 0 && !(c.tx >= 0 && c.tx <= c.T))) {
      throw new RangeError(
        `customer ${i}: need integer x ≥ 0 and 0 ≤ t_x ≤ T, got ${c.x}, ${c.tx}, ${c.T}`,
      );
    }
    x[i] = c.x;
    tx[i] = c.x > 0 ? c.tx : 0; // t_x does not enter the likelihood when x = 0
    T[i] = c.T;
  }
  // Sort and merge equal neighbours rather than hash: no float-to-string keys.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) =>
      (x[i] as number) - (x[j] as number) ||
      (T[i] as number) - (T[j] as number) ||
      (tx[i] as number) - (tx[j] as number),
  );
  const xs: number[] = [];
  const xCount: number[] = [];
  const rowX: number[] = [];
  const rowTx: number[] = [];
  const rowT: number[] = [];
  const rowCount: number[] = [];
  for (const i of order) {
    const [xi, ti, txi] = [x[i] as number, T[i] as number, tx[i] as number];
    if (xs.at(-1) !== xi) {
      xs.push(xi);
      xCount.push(0);
    }
    xCount[xs.length - 1] = (xCount[xs.length - 1] as number) + 1;
    const last = rowCount.length - 1;
    if (last >= 0 && rowX[last] === xs.length - 1 && rowT[last] === ti && rowTx[last] === txi) {
      rowCount[last] = (rowCount[last] as number) + 1;
    } else {
      rowX.push(xs.length - 1);
      rowT.push(ti);
      rowTx.push(txi);
      rowCount.push(1);
    }
  }
  return {
    xs: Float64Array.from(xs),
    xCount: Float64Array.from(xCount),
    rowX: Int32Array.from(rowX),
    rowTx: Float64Array.from(rowTx),
    rowT: Float64Array.from(rowT),
    rowCount: Float64Array.from(rowCount),
  };
}

// Per customer, in log space (FHL 2005, eq. 6):
//   ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
//       + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x) ]
// The Gamma and Beta terms depend only on x, so they are computed once per distinct x.
function logLikelihood(p: BgNbdParams, m: Compiled, scratch: Float64Array): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NaN;
  const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
  const logA = Math.log(a);
  let total = 0;
  for (let k = 0; k < m.xs.length; k++) {
    const x = m.xs[k] as number;
    const constant = base + lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
    total += (m.xCount[k] as number) * constant;
    // Log of the dropout weight a/(b+x−1) for the "died after the last purchase" branch.
    scratch[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  for (let i = 0; i < m.rowT.length; i++) {
    const k = m.rowX[i] as number;
    const rx = r + (m.xs[k] as number);
    const alive = -rx * Math.log(alpha + (m.rowT[i] as number));
    const shift = scratch[k] as number;
    const term =
      shift === Number.NEGATIVE_INFINITY
        ? alive
        : logAddExp(alive, shift - rx * Math.log(alpha + (m.rowTx[i] as number)));
    total += (m.rowCount[i] as number) * term;
  }
  return total;
}

/** Total BG/NBD log-likelihood of the customers under the given parameters. */
export function bgNbdLogLikelihood(
  params: BgNbdParams,
  customers: readonly RecencyFrequency[],
): number {
  const compiled = compile(customers);
  return logLikelihood(params, compiled, new Float64Array(compiled.xs.length));
}

/**
 * Fits r, α, a, b by maximum likelihood (Nelder–Mead on log-parameters, with restarts).
 * Throws RangeError on an empty list or on an impossible (x, t_x, T).
 */
export function fitBgNbd(
  customers: readonly RecencyFrequency[],
  options: NelderMeadOptions = {},
): BgNbdFit {
  if (customers.length === 0) throw new RangeError("fitBgNbd needs at least one customer");
  const compiled = compile(customers);
  const scratch = new Float64Array(compiled.xs.length);
  const toParams = (theta: readonly number[]): BgNbdParams => ({
    r: Math.exp(theta[0] as number),
    alpha: Math.exp(theta[1] as number),
    a: Math.exp(theta[2] as number),
    b: Math.exp(theta[3] as number),
  });
  // Start at r = a = b = 1 and α = mean T: the rate's scale then matches the time unit.
  const meanT = customers.reduce((sum, c) => sum + c.T, 0) / customers.length;
  const start = [0, Math.log(Math.max(meanT, 1e-3)), 0, 0];
  const best = nelderMead(
    (theta) => -logLikelihood(toParams(theta), compiled, scratch),
    start,
    options,
  );
  return {
    ...toParams(best.x),
    logLikelihood: -best.value,
    converged: best.converged,
    evaluations: best.evaluations,
  };
}

/** P(still alive at T | x, t_x, T): 1 when x = 0, since a customer can only drop out after a purchase. */
export function pAlive(params: BgNbdParams, customer: RecencyFrequency): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  // 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)), with the odds formed in log space.
  const logOdds =
    Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return logisticOfNegative(logOdds);
}

/** Expected repeat purchases in (T, T+t] for a customer with history (x, t_x, T). */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  customer: RecencyFrequency,
  t: number,
): number {
  if (!(t > 0)) return 0;
  // Like `expectedPurchases`: rounding near t = 0 can leave −1e-18; a count is never negative.
  return Math.max(
    0,
    withDropoutShapeAwayFromOne(params, (p) => {
      return pAlive(p, customer) * purchasesIfAlive(p, customer.x, customer.T, t);
    }),
  );
}

/** Expected purchases in (0, t] for a customer just acquired: E[X(t)] (FHL 2005, eq. 7). */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  // For t near 0 the bracket is a difference of two numbers near 1, and rounding can leave
  // -1e-16; an expected count is never negative.
  return Math.max(
    0,
    withDropoutShapeAwayFromOne(params, (p) => purchasesIfAlive(p, 0, 0, t)),
  );
}

/**
 * Expected purchases in (T, T+t] given alive at T (FHL 2005, eq. 10 without the P(alive) factor):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
 * Euler's transformation rewrites the bracket as 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose ₂F₁ stays O(1) however large x is, instead of a huge ₂F₁ times a tiny power.
 */
function purchasesIfAlive(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const c = a + b + x - 1;
  const eps = a - 1;
  const z = t / (alpha + T + t);
  // log(1 − z) = −log1p(t/(α+T)): a difference of two logs would cancel for a tiny horizon
  // and could leave the expectation a little below zero.
  const logOneMinusZ = -Math.log1p(t / (alpha + T));
  // f − 1 summed directly: for a short horizon f is 1 + δ, and f − 1 would keep only δ's
  // rounding error.
  const fMinusOne = hyp2f1MinusOne(a + b - 1 - r, eps, c, z);
  // 1 − e^(εL)·f = −expm1(εL) − e^(εL)(f − 1): no 1 − (1 − δ) on the small-horizon end.
  const bracket = -Math.expm1(eps * logOneMinusZ) - Math.exp(eps * logOneMinusZ) * fMinusOne;
  return (c / eps) * bracket;
}

/** Below this |a − 1| the factor 1/(a−1) times a bracket that vanishes at a = 1 loses digits. */
const A_NEAR_ONE = 1e-5;

/**
 * The expectations are analytic in a but are written with 1/(a−1); near a = 1 evaluate on
 * either side, where the cancellation costs at most ~1e-11, and interpolate linearly.
 */
function withDropoutShapeAwayFromOne(params: BgNbdParams, f: (p: BgNbdParams) => number): number {
  const d = params.a - 1;
  if (Math.abs(d) >= A_NEAR_ONE) return f(params);
  const below = f({ ...params, a: 1 - A_NEAR_ONE });
  const above = f({ ...params, a: 1 + A_NEAR_ONE });
  return below + ((above - below) * (d + A_NEAR_ONE)) / (2 * A_NEAR_ONE);
}
