// Lanczos approximation with g = 6.024680040776729583740234375 and 13 terms (the set Boost
// calls lanczos13m53, also used by CPython's math.lgamma). The rational function is written as
// a ratio of polynomials so it can be evaluated in 1/x for large x without overflow.
// Literals are the shortest decimals of the intended doubles (g and g − 1/2 are exact dyadics).
const LANCZOS_G = 6.02468004077673;
const LANCZOS_G_MINUS_HALF = 5.52468004077673;
const LANCZOS_NUM = [
  23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721, 6039542586.352028,
  1439720407.3117216, 248874557.86205417, 31426415.585400194, 2876370.6289353725,
  186056.26539522348, 8071.672002365816, 210.82427775157936, 2.5066282746310002,
] as const;
// Coefficients of x(x+1)...(x+11), lowest power first.
const LANCZOS_DEN = [
  0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925,
  66, 1,
] as const;
const LOG_PI = 1.1447298858494002;

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  const n = LANCZOS_NUM.length;
  if (x < 5) {
    for (let i = n - 1; i >= 0; i--) {
      num = num * x + (LANCZOS_NUM[i] as number);
      den = den * x + (LANCZOS_DEN[i] as number);
    }
  } else {
    // Same ratio with both polynomials divided by x^12: stays finite for huge x.
    for (let i = 0; i < n; i++) {
      num = num / x + (LANCZOS_NUM[i] as number);
      den = den / x + (LANCZOS_DEN[i] as number);
    }
  }
  return num / den;
}

/** sin(πx), exact at integers and half-integers (Math.sin(Math.PI * x) is not). */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  // Reduce to y in [0, 2), then to [-1/4, 1/4] around the nearest quarter-turn.
  const y = x - 2 * Math.floor(x / 2);
  const quarter = Math.round(2 * y); // 0..4
  const d = Math.PI * (y - quarter / 2);
  switch (quarter) {
    case 0:
    case 4:
      return Math.sin(d);
    case 1:
      return Math.cos(d);
    case 2:
      return -Math.sin(d);
    default:
      return -Math.cos(d);
  }
}

/** log|Γ(x)| and the sign of Γ(x); sign 0 (and value +∞) at the poles 0, −1, −2, … */
export function logGammaSigned(x: number): { readonly value: number; readonly sign: -1 | 0 | 1 } {
  if (Number.isNaN(x)) return { value: Number.NaN, sign: 1 };
  if (x <= 0 && Number.isInteger(x)) return { value: Number.POSITIVE_INFINITY, sign: 0 };
  if (x === Number.POSITIVE_INFINITY) return { value: Number.POSITIVE_INFINITY, sign: 1 };
  if (x === Number.NEGATIVE_INFINITY) return { value: Number.NaN, sign: 1 };
  if (x > 0) return { value: logGammaPositive(x), sign: 1 };
  // Reflection: Γ(x)Γ(1−x) = π / sin(πx), written with Γ(−x) = Γ(1−x)/(−x) to stay positive.
  const ax = -x;
  const s = sinPi(ax);
  const value = LOG_PI - Math.log(Math.abs(s)) - Math.log(ax) - logGammaPositive(ax);
  // Γ(x) < 0 on (−1, 0), (−3, −2), …: exactly where floor(x) is odd.
  const sign = Math.floor(x) % 2 === 0 ? 1 : -1;
  return { value, sign };
}

function logGammaPositive(x: number): number {
  if (x === 1 || x === 2) return 0;
  // Below ~1e-20 the Lanczos sum is ~1/x and log(1/x) is the whole answer.
  if (x < 1e-20) return -Math.log(x);
  let value = Math.log(lanczosSum(x)) - LANCZOS_G;
  value += (x - 0.5) * (Math.log(x + LANCZOS_G_MINUS_HALF) - 1);
  return value;
}

/**
 * log|Γ(x)|: Lanczos approximation, relative error ~1e-15 away from the zeros at x = 1 and 2
 * (absolute error ~1e-15 near them); +∞ at the poles 0, −1, −2, …
 */
export function lgamma(x: number): number {
  return logGammaSigned(x).value;
}

/** log(exp(a) + exp(b)) without overflow or underflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** 1 / (1 + exp(u)) computed without overflow for large |u|. */
export function logisticOfNegative(u: number): number {
  if (u > 0) {
    const e = Math.exp(-u);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(u));
}
