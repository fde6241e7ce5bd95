import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nelderMead } from "./optimize.js";

const rosenbrock = (x: readonly number[]) => {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const [a, b] = [x[i] as number, x[i + 1] as number];
    sum += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
  }
  return sum;
};

describe("nelderMead", () => {
  it("finds the Rosenbrock minimum in 2 and 4 dimensions", () => {
    // (4-D Rosenbrock also has a local minimum near (−0.78, 0.61, 0.38, 0.15); these starts avoid it.)
    for (const start of [
      [-1.2, 1],
      [-1.2, 1, -1.2, 1],
    ]) {
      const result = nelderMead(rosenbrock, start);
      expect(result.converged).toBe(true);
      for (const xi of result.x) expect(xi).toBeCloseTo(1, 6);
      expect(result.value).toBeLessThan(1e-12);
    }
  });

  it("finds the minimum of any positive-definite diagonal quadratic", () => {
    const dims = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        dims.chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([centre, weights]) => {
          const f = (x: readonly number[]) =>
            x.reduce(
              (s, xi, i) => s + (weights[i] as number) * (xi - (centre[i] as number)) ** 2,
              0,
            );
          const result = nelderMead(
            f,
            centre.map(() => 0),
          );
          return result.x.every((xi, i) => Math.abs(xi - (centre[i] as number)) < 1e-6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("restarts from a fresh simplex after converging, and so never ends worse", () => {
    const start = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
    const once = nelderMead(rosenbrock, start, { restarts: 0 });
    const restarted = nelderMead(rosenbrock, start);
    expect(restarted.evaluations).toBeGreaterThan(once.evaluations);
    expect(restarted.value).toBeLessThanOrEqual(once.value);
  });

  it("is deterministic", () => {
    const a = nelderMead(rosenbrock, [0, 0, 0]);
    const b = nelderMead(rosenbrock, [0, 0, 0]);
    expect(a).toEqual(b);
  });

  it("treats NaN and ∞ as worse than anything, so they can mark infeasible points", () => {
    // Minimum of (x−3)² on x > 1; NaN to the left of the boundary.
    const result = nelderMead(
      (x) => ((x[0] as number) > 1 ? ((x[0] as number) - 3) ** 2 : Number.NaN),
      [2],
    );
    expect(result.x[0]).toBeCloseTo(3, 8);
  });

  it("reports running out of evaluations", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeLessThanOrEqual(20 + 3);
  });
});
