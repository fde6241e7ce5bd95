import { type Money, money } from "./money.js";

/**
 * How to round a result that falls between two minor units.
 * - `half-even`: to the nearest, ties to the even neighbour (banker's rounding: no bias over many sums).
 * - `half-up`: to the nearest, ties away from zero (what people expect on a receipt).
 * - `down`: toward zero, so a computed refund or credit never exceeds its exact value.
 */
export type Rounding = "half-even" | "half-up" | "down";

/** m × numerator / denominator, rounded to a whole minor unit; exact, since it never leaves bigint. */
export function multiplyRatio(
  m: Money,
  numerator: bigint,
  denominator: bigint,
  rounding: Rounding,
): Money {
  if (denominator === 0n) throw new Error("multiplyRatio: denominator is zero");
  // Normalise so the denominator is positive and the sign lives in the product alone.
  const product = denominator < 0n ? -(m.minor * numerator) : m.minor * numerator;
  const divisor = denominator < 0n ? -denominator : denominator;
  const truncated = product / divisor; // bigint division truncates toward zero
  const remainder = product % divisor; // same sign as the product
  if (remainder === 0n || rounding === "down") return money(truncated, m.currency);
  const away = product < 0n ? -1n : 1n;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  let roundAway: boolean;
  switch (rounding) {
    case "half-up":
      roundAway = twiceRemainder >= divisor;
      break;
    case "half-even":
      roundAway = twiceRemainder > divisor || (twiceRemainder === divisor && truncated % 2n !== 0n);
      break;
    default: {
      const unknown: never = rounding;
      throw new Error(`multiplyRatio: unknown rounding ${String(unknown)}`);
    }
  }
  return money(roundAway ? truncated + away : truncated, m.currency);
}

/**
 * Splits m in proportion to weights so that the parts sum to exactly m (largest remainder method):
 * each part gets floor(|m|·w/W), and the minor units left over go one each to the parts with the
 * largest remainders, ties to the lower index. Negative amounts split their absolute value, then
 * negate, so a refund splits exactly like the charge it undoes. Throws on negative or all-zero
 * weights (a caller bug).
 */
export function allocate(m: Money, weights: readonly bigint[]): Money[] {
  let total = 0n;
  for (const weight of weights) {
    if (typeof weight !== "bigint" || weight < 0n) {
      throw new Error("allocate: weights must be bigints >= 0");
    }
    total += weight;
  }
  if (total === 0n) throw new Error("allocate: weights must not be empty or all zero");

  const negative = m.minor < 0n;
  const amount = negative ? -m.minor : m.minor;
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const weight of weights) {
    const exact = amount * weight;
    const floor = exact / total;
    floors.push(floor);
    remainders.push(exact % total);
    given += floor;
  }

  // Fewer than weights.length units are left over, because each remainder is below `total`.
  const leftover = Number(amount - given);
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return a - b;
  });
  for (const index of order.slice(0, leftover)) {
    floors[index] = (floors[index] ?? 0n) + 1n;
  }

  return floors.map((part) => money(negative ? -part : part, m.currency));
}
