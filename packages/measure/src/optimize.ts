/** Options for `nelderMead`; every field has a default. */
export interface NelderMeadOptions {
  /**
   * Edge length of the starting simplex (and of each restart's simplex).
   * @default 0.5
   */
  readonly initialStep?: number;
  /**
   * Stop when every vertex is within this distance (max norm) of the best one…
   * @default 1e-9
   */
  readonly xTolerance?: number;
  /**
   * …and the vertex values differ by at most this, relative to max(1, |best|).
   * @default 1e-13
   */
  readonly fTolerance?: number;
  /**
   * Budget of function evaluations over all restarts.
   * @default 20000
   */
  readonly maxEvaluations?: number;
  /**
   * How many times to rebuild a fresh simplex around the best point after convergence; a
   * collapsed simplex can stall short of the minimum, and a restart that still finds nothing
   * better ends the search early.
   * @default 4
   */
  readonly restarts?: number;
}

/** Where `nelderMead` stopped. */
export interface Minimum {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
  /** False when the evaluation budget ran out before the tolerances were met. */
  readonly converged: boolean;
}

interface Vertex {
  readonly x: readonly number[];
  readonly value: number;
}

const DEFAULTS = {
  initialStep: 0.5,
  xTolerance: 1e-9,
  fTolerance: 1e-13,
  maxEvaluations: 20_000,
  restarts: 4,
} as const;

/**
 * Minimises `f` by the Nelder–Mead simplex method with restarts; deterministic. Non-finite
 * values (NaN, ±∞) count as +∞, so `f` may reject infeasible points that way.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const o = { ...DEFAULTS, ...options };
  let evaluations = 0;
  const evaluate = (x: readonly number[]): Vertex => {
    evaluations++;
    const value = f(x);
    return { x, value: Number.isFinite(value) ? value : Number.POSITIVE_INFINITY };
  };

  let best = evaluate([...start]);
  let converged = false;
  for (let round = 0; round <= o.restarts; round++) {
    const run = simplexSearch(evaluate, best.x, o, () => evaluations);
    const improvement = best.value - run.best.value;
    if (run.best.value <= best.value) best = run.best;
    converged = run.converged;
    if (!converged) break;
    // A restart that cannot improve on the previous optimum confirms it.
    if (round > 0 && !(improvement > o.fTolerance * Math.max(1, Math.abs(best.value)))) break;
  }
  return { x: best.x, value: best.value, evaluations, converged };
}

function simplexSearch(
  evaluate: (x: readonly number[]) => Vertex,
  start: readonly number[],
  o: Required<NelderMeadOptions>,
  used: () => number,
): { best: Vertex; converged: boolean } {
  const n = start.length;
  // Standard coefficients: reflection 1, expansion 2, contraction 1/2, shrink 1/2.
  const simplex: Vertex[] = [evaluate(start)];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + o.initialStep;
    simplex.push(evaluate(x));
  }
  const byValue = (p: Vertex, q: Vertex) => p.value - q.value;
  simplex.sort(byValue);

  while (used() < o.maxEvaluations) {
    const bestV = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    if (hasConverged(simplex, o)) return { best: bestV, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const v = simplex[i] as Vertex;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (v.x[j] as number) / n;
    }
    const towards = (t: number) => centroid.map((c, j) => c + t * (c - (worst.x[j] as number)));

    const reflected = evaluate(towards(1));
    const secondWorst = simplex[n - 1] as Vertex;
    if (reflected.value < bestV.value) {
      const expanded = evaluate(towards(2));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < secondWorst.value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = evaluate(towards(outside ? 0.5 : -0.5));
      if (contracted.value < (outside ? reflected.value : worst.value)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) {
          const v = simplex[i] as Vertex;
          simplex[i] = evaluate(
            v.x.map((xj, j) => (bestV.x[j] as number) + 0.5 * (xj - (bestV.x[j] as number))),
          );
        }
      }
    }
    simplex.sort(byValue);
  }
  return { best: simplex[0] as Vertex, converged: hasConverged(simplex, o) };
}

function hasConverged(simplex: readonly Vertex[], o: Required<NelderMeadOptions>): boolean {
  const best = simplex[0] as Vertex;
  const scale = Math.max(1, Math.abs(best.value));
  for (const v of simplex) {
    if (!(v.value - best.value <= o.fTolerance * scale)) return false;
    for (let j = 0; j < v.x.length; j++) {
      if (!(Math.abs((v.x[j] as number) - (best.x[j] as number)) <= o.xTolerance)) return false;
    }
  }
  return true;
}
