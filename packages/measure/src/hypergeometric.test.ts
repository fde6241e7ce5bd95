import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hyp2f1, hyp2f1MinusOne } from "./hypergeometric.js";

const relErr = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.abs(expected);

describe("hyp2f1 against closed forms", () => {
  const zs = [-30, -2, -0.7, 0.001, 0.3, 0.5, 0.85, 0.9, 0.93, 0.99, 0.9999, 0.999999];
  it.each(zs)("₂F₁(1,1;2;z) = −ln(1−z)/z at z = %d", (z) => {
    // c − a − b = 0: the degenerate case of the connection formula.
    expect(relErr(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-11);
  });
  it.each(zs)("₂F₁(a,b;b;z) = (1−z)^(−a) at z = %d", (z) => {
    expect(relErr(hyp2f1(0.37, 2.5, 2.5, z), (1 - z) ** -0.37)).toBeLessThan(1e-12);
  });
  it.each([-50, -3, -0.5, 0.2, 0.6, 0.95])("₂F₁(½,1;3/2;−s²) = atan(s)/s at −s² = %d", (z) => {
    if (z >= 0) {
      // ₂F₁(½,1;3/2;s²) = atanh(s)/s for 0 < s < 1.
      const s = Math.sqrt(z);
      expect(relErr(hyp2f1(0.5, 1, 1.5, z), Math.atanh(s) / s)).toBeLessThan(1e-12);
    } else {
      const s = Math.sqrt(-z);
      expect(relErr(hyp2f1(0.5, 1, 1.5, z), Math.atan(s) / s)).toBeLessThan(1e-12);
    }
  });
  it.each([0.1, 0.5, 0.9, 0.99, 0.999999])("₂F₁(½,½;3/2;s²) = asin(s)/s at s² = %d", (z) => {
    const s = Math.sqrt(z);
    expect(relErr(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(s) / s)).toBeLessThan(1e-12);
  });
  it("₂F₁(½,½;1;m) = (2/π) K(m), via the arithmetic-geometric mean", () => {
    for (const m of [0.2, 0.9, 0.995, 0.99999]) {
      let x = 1;
      let y = Math.sqrt(1 - m);
      for (let i = 0; i < 30; i++) [x, y] = [(x + y) / 2, Math.sqrt(x * y)];
      const k = Math.PI / (2 * x);
      expect(relErr(hyp2f1(0.5, 0.5, 1, m), (2 / Math.PI) * k)).toBeLessThan(1e-11);
    }
  });
  it("Gauss's sum at z = 1, and divergence when c − a − b ≤ 0", () => {
    // ₂F₁(a,b;c;1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)); for (1, 1; 3) that is 2.
    expect(hyp2f1(1, 1, 3, 1)).toBeCloseTo(2, 13);
    expect(hyp2f1(1, 1, 2, 1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("terminating series are polynomials, valid for any z", () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const b = 1.7;
    const c = 0.6;
    for (const z of [-4, 0.5, 0.999, 3]) {
      const poly = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
      expect(relErr(hyp2f1(-2, b, c, z), poly)).toBeLessThan(1e-14);
    }
  });
  it("is NaN where undefined", () => {
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, Number.NaN, 2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });
  it("is NaN, not a number, where the series cannot converge within its terms", () => {
    // Parameters of models fitted off to a boundary: terms still grow at the 100,000th.
    expect(hyp2f1(1e9, 1e9, 2e9, 0.5)).toBeNaN();
    expect(hyp2f1MinusOne(2e9, 1e9, 2e9, 0.6)).toBeNaN();
    // A terminating series ends however large its other parameter: never cut short.
    expect(hyp2f1(-2, 1e9, 1e9, 0.5)).toBeCloseTo(0.25, 12);
  });
});

describe("hyp2f1 against mpmath (50 digits)", () => {
  const cases: [number, number, number, number, number][] = [
    // BG/NBD customer 1 of CDNOW, 39 weeks ahead, published parameters.
    [2.2426, 4.425800000000001, 4.2187, 0.4740286969680395, 4.5743426535115015],
    [1.5, -0.25, 3.2, 0.95, 0.8453434214137674],
    [5, 7, 3.5, -5, 1.0404929258158746e-8],
    [0.3, 0.7, 1.0005, 0.999999, 4.464190003904913], // c − a − b = 5e-4: nearly degenerate
    [1.3, 2.7, 2.0, 0.9999, 72137457.39898148], // c − a − b = −2: degenerate, divergent at 1
    [2, 3, 4.5, 0.97, 34.63528196980973],
    [0.45, -0.2, 1.25, 0.995, 0.8814797978755547],
    [10.5, 3.25, 4.75, 0.6, 1442.038374326395],
    [0.1, 0.2, 0.3, 0.99999, 1.7857817783019871],
    [1.2426, -0.2071, 2.2187, 0.999, 0.8023133846570437],
  ];
  it.each(cases)("₂F₁(%d, %d; %d; %d)", (a, b, c, z, expected) => {
    expect(relErr(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-10);
  });
});

describe("hyp2f1 identities (property tests across all branches)", () => {
  const param = fc.double({ min: 0.05, max: 8, noNaN: true });
  const z = fc.oneof(
    fc.double({ min: -20, max: 0, noNaN: true }),
    fc.double({ min: 0, max: 0.9, noNaN: true }),
    fc.double({ min: 0.9, max: 0.9999, noNaN: true }),
  );
  it("is symmetric in a and b", () => {
    fc.assert(
      fc.property(param, param, param, z, (a, b, c, zz) => {
        return relErr(hyp2f1(a, b, c, zz), hyp2f1(b, a, c, zz)) < 1e-10;
      }),
    );
  });
  it("satisfies Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a,c−b;c;z)", () => {
    fc.assert(
      fc.property(param, param, param, z, (a, b, c, zz) => {
        const left = hyp2f1(a, b, c, zz);
        const right = (1 - zz) ** (c - a - b) * hyp2f1(c - a, c - b, c, zz);
        return relErr(left, right) < 1e-8;
      }),
    );
  });
  it("satisfies Gauss's contiguous relation (c−a)F(a−1) + (2a−c+(b−a)z)F(a) + a(z−1)F(a+1) = 0", () => {
    fc.assert(
      fc.property(param, param, param, z, (a, b, c, zz) => {
        const below = (c - a) * hyp2f1(a - 1, b, c, zz);
        const at = (2 * a - c + (b - a) * zz) * hyp2f1(a, b, c, zz);
        const above = a * (zz - 1) * hyp2f1(a + 1, b, c, zz);
        const scale = Math.abs(below) + Math.abs(at) + Math.abs(above);
        return Math.abs(below + at + above) <= 1e-9 * scale;
      }),
    );
  });
});

describe("hyp2f1MinusOne", () => {
  it("keeps full relative precision where hyp2f1 − 1 keeps none", () => {
    // ₂F₁ − 1 = (ab/c)·z + (a(a+1)b(b+1) / (c(c+1)·2))·z² + …
    const [a, b, c] = [1.3, -0.2, 2.7];
    for (const z of [1e-18, 1e-12, 1e-8]) {
      const series = ((a * b) / c) * z + ((a * (a + 1) * b * (b + 1)) / (c * (c + 1) * 2)) * z * z;
      expect(Math.abs(hyp2f1MinusOne(a, b, c, z) / series - 1)).toBeLessThan(1e-14);
    }
    expect(hyp2f1(a, b, c, 1e-18) - 1).toBe(0); // what the subtraction would have given
  });

  it("equals hyp2f1 − 1 away from 0, on every branch", () => {
    for (const z of [0.3, 0.95, -2]) {
      expect(hyp2f1MinusOne(1.3, -0.2, 2.7, z)).toBeCloseTo(hyp2f1(1.3, -0.2, 2.7, z) - 1, 14);
    }
    expect(hyp2f1MinusOne(1.3, -0.2, 2.7, 0)).toBe(0);
  });
});
