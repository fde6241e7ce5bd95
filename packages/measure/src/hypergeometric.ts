import { logGammaSigned } from "./special-functions.js";

const EPS = 2.220446049250313e-16;
/** Up to here the Maclaurin series needs at most a few hundred terms. */
const SERIES_LIMIT = 0.9;
/** c − a − b closer than this to an integer makes the 1 − z transformation cancel badly. */
const DEGENERATE_TOLERANCE = 5e-4;
/** Near-degenerate parameters: still sum the plain series up to here (≤ ~10⁴ terms). */
const DEGENERATE_SERIES_LIMIT = 0.99;
/** Offset step for interpolating across a degenerate c − a − b (see `interpolateAcrossDegenerate`). */
const INTERPOLATION_STEP = DEGENERATE_TOLERANCE / 2;
const MAX_TERMS = 100_000;

const isNonPositiveInteger = (v: number): boolean => v <= 0 && Number.isInteger(v);

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1:
 * the series for 0 ≤ z ≤ 0.9, Pfaff's transformation for z < 0, the 1 − z connection formula
 * for z > 0.9. NaN where undefined (z > 1, c a non-positive integer), +∞ where it diverges.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  const terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
  if (isNonPositiveInteger(c)) {
    // Defined only if the series stops before (c)_n reaches zero.
    const stop = Math.max(
      isNonPositiveInteger(a) ? a : -Infinity,
      isNonPositiveInteger(b) ? b : -Infinity,
    );
    if (!(stop > c)) return Number.NaN;
  }
  if (terminating) return series(a, b, c, z, MAX_TERMS);
  if (z > 1) return Number.NaN;
  if (z === 1) return atOne(a, b, c);
  if (z < 0) {
    // Pfaff: ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), which maps z < 0 into (0, 1).
    const w = z / (z - 1);
    return (1 - z) ** -a * hyp2f1(a, c - b, c, w);
  }
  if (z <= SERIES_LIMIT) return series(a, b, c, z, MAX_TERMS);
  const s = c - a - b;
  if (Math.abs(s - Math.round(s)) > DEGENERATE_TOLERANCE) return oneMinusZ(a, b, c, z);
  if (z <= DEGENERATE_SERIES_LIMIT) return series(a, b, c, z, MAX_TERMS);
  return interpolateAcrossDegenerate(a, b, c, z);
}

/**
 * ₂F₁(a, b; c; z) − 1, to full relative precision when z is small: summed without the leading
 * 1, where `hyp2f1(…) − 1` would keep only the digits of 1 + (something tiny).
 */
export function hyp2f1MinusOne(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 0;
  if (z > 0 && z <= SERIES_LIMIT && !isNonPositiveInteger(c))
    return series(a, b, c, z, MAX_TERMS, 0);
  return hyp2f1(a, b, c, z) - 1;
}

/**
 * Maclaurin series from `start` (1 for ₂F₁, 0 for ₂F₁ − 1), stopped once a geometric bound
 * on the tail is below machine precision relative to the sum.
 */
function series(a: number, b: number, c: number, z: number, maxTerms: number, start = 1): number {
  // Terms still growing at the last one allowed (a or b far beyond maxTerms, as for models
  // fitted off to a boundary): the sum cannot converge in time, and learning that by summing
  // every term costs a caller who asks per customer minutes. The same NaN, at once. (Not for
  // a terminating series, which may end before its terms would shrink.)
  if (!isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    const last = ((a + maxTerms) * (b + maxTerms) * z) / ((c + maxTerms) * (maxTerms + 1));
    if (Math.abs(last) >= 1) return Number.NaN;
  }
  let sum = start;
  let term = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(term) <= EPS * Math.abs(sum)) {
      // Later ratios tend to z; bound the tail by a geometric series with the larger of the two.
      const next = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
      const rho = Math.max(next, Math.abs(z));
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= EPS * Math.abs(sum)) return sum;
    }
  }
  return Number.NaN;
}

/** Product of Γ(num) / product of Γ(den) as sign × exp(log); 0 if a denominator sits on a pole. */
function gammaRatio(num: readonly number[], den: readonly number[]): { sign: number; log: number } {
  let sign = 1;
  let log = 0;
  for (const v of den) {
    const g = logGammaSigned(v);
    if (g.sign === 0) return { sign: 0, log: Number.NEGATIVE_INFINITY };
    sign *= g.sign;
    log -= g.value;
  }
  for (const v of num) {
    const g = logGammaSigned(v);
    if (g.sign === 0) return { sign: Number.NaN, log: Number.NaN };
    sign *= g.sign;
    log += g.value;
  }
  return { sign, log };
}

/** sign × exp(log) × f, formed in log space so that a huge coefficient times a tiny f is finite. */
function scaled(ratio: { sign: number; log: number }, f: number): number {
  if (ratio.sign === 0 || f === 0) return 0;
  return ratio.sign * Math.sign(f) * Math.exp(ratio.log + Math.log(Math.abs(f)));
}

/** Gauss's summation: ₂F₁(a,b;c;1) = Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) when c − a − b > 0. */
function atOne(a: number, b: number, c: number): number {
  const s = c - a - b;
  if (s <= 0) return Number.POSITIVE_INFINITY;
  return scaled(gammaRatio([c, s], [c - a, c - b]), 1);
}

/**
 * Connection formula (Abramowitz & Stegun 15.3.6) in w = 1 − z, valid when c − a − b = s is not
 * an integer:
 * ₂F₁(a,b;c;z) = Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) ₂F₁(a,b;1−s;w) + w^s Γ(c)Γ(−s)/(Γ(a)Γ(b)) ₂F₁(c−a,c−b;1+s;w).
 */
function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const s = c - a - b;
  const first = scaled(gammaRatio([c, s], [c - a, c - b]), series(a, b, 1 - s, w, MAX_TERMS));
  const ratio = gammaRatio([c, -s], [a, b]);
  const second = scaled(
    { sign: ratio.sign, log: ratio.log + s * Math.log(w) },
    series(c - a, c - b, 1 + s, w, MAX_TERMS),
  );
  return first + second;
}

/**
 * Near-integer c − a − b with z very close to 1: the series is too slow and the connection
 * formula cancels. ₂F₁ is analytic in c, so evaluate it at four shifted values of c where the
 * formula is well conditioned (s = m ± h, m ± 2h) and take the cubic through them.
 */
function interpolateAcrossDegenerate(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  const m = Math.round(s);
  const d = s - m;
  const h = INTERPOLATION_STEP;
  const nodes = [-2 * h, -h, h, 2 * h];
  let value = 0;
  for (const [i, xi] of nodes.entries()) {
    let weight = 1;
    for (const [j, xj] of nodes.entries()) if (j !== i) weight *= (d - xj) / (xi - xj);
    value += weight * oneMinusZ(a, b, c - d + xi, z);
  }
  return value;
}
