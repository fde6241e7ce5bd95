/**
 * The unit of incremental maintenance: what one entity (a case or a warning) adds to the
 * tallies. An entity's contributions are a pure function of its facts and the watermark;
 * when either changes, its old contributions are taken back and the new ones added.
 */
import type { DecimalMoney } from "@goodfaith/core";

/** The integer counts each figure is a ratio of. */
export const COUNTERS = [
  "transactions",
  "transactionsFailed",
  "businessPromisesMade",
  "businessPromisesKept",
  "remedyPromisesDue",
  "remedyPromisesKept",
  "incidents",
  "incidentsToldFirst",
  "incidentsRemediedProactively",
  "incidentsRemedied",
  "noticesSent",
  "noticesWithCause",
  "noticesSuppressed",
  "warningsIssued",
  "warningsSettled",
  "warningsHeeded",
] as const;

/** One of the counts. */
export type Counter = (typeof COUNTERS)[number];

/** Sums of money: what heeded warnings let customers keep, and the sales the company gave up. */
export const MONEY_COUNTERS = ["moneyKept", "revenueForgone"] as const;

/** One of the money sums. */
export type MoneyCounter = (typeof MONEY_COUNTERS)[number];

/**
 * Which of its entity's facts one count is about, when the entity may count several alike: an
 * order's case counts the order and each of its viewing sessions as transactions, and may hold
 * several remedies and notices. It lets an explanation list each, the way the tally counts them.
 */
export interface Ref {
  /** The event of the transaction or session. */
  readonly event?: string;
  readonly session?: string;
  /** The remedy's key. */
  readonly remedy?: string;
  readonly notice?: string;
}

/** What an entity adds to the tallies of the buckets its time falls in. */
export type Contribution =
  | {
      readonly kind: "count";
      readonly counter: Counter;
      readonly at: number;
      /** The promises it is broken down under (Bill of Rights ids, or a business promise). */
      readonly promises: readonly string[];
      readonly ref?: Ref;
    }
  | {
      readonly kind: "money";
      readonly counter: MoneyCounter;
      readonly at: number;
      readonly money: DecimalMoney;
      readonly promises: readonly string[];
    }
  | {
      /** Time to remedy: from the incident to its first executed remedy. */
      readonly kind: "duration";
      readonly at: number;
      readonly ms: number;
      readonly promises: readonly string[];
    };

/** An entity's contributions and where it is broken down, plus when it must be looked at again. */
export interface Evaluation {
  readonly contributions: readonly Contribution[];
  readonly channel?: string;
  /** The next instant after which the watermark passing it changes the contributions. */
  readonly deadline?: number;
  /**
   * A remedy is still owed (neither executed nor withdrawn): a fact with no deadline is still
   * to come, so the entity is not retired, however old it is.
   */
  readonly open?: true;
}

/** A count contribution. */
export const count = (
  counter: Counter,
  at: number,
  promises: readonly string[] = [],
  ref?: Ref,
): Contribution => ({ kind: "count", counter, at, promises, ...(ref && { ref }) });

/**
 * A key equal for contributions that move the tallies alike (ids cannot hold the unit
 * separator). A count's ref is left out: it names what was counted, not how much.
 */
function keyOf(c: Contribution): string {
  const promises = c.promises.join("\u001f");
  switch (c.kind) {
    case "count":
      return `${c.counter}\u001e${c.at}\u001e${promises}`;
    case "money":
      return `${c.counter}\u001e${c.at}\u001e${c.money.amount}\u001e${c.money.currency}\u001e${promises}`;
    case "duration":
      return `duration\u001e${c.at}\u001e${c.ms}\u001e${promises}`;
    default: {
      const never: never = c;
      throw new Error(`unknown contribution ${JSON.stringify(never)}`);
    }
  }
}

/**
 * What changed between an entity's old and new contributions, as multisets: only these need
 * to touch the tallies (most re-evaluations change one or two of a case's contributions).
 */
export function diffContributions(
  before: readonly Contribution[],
  after: readonly Contribution[],
): { readonly removed: Contribution[]; readonly added: Contribution[] } {
  const unmatched = new Map<string, number>();
  for (const c of after) {
    const key = keyOf(c);
    unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
  }
  const removed: Contribution[] = [];
  for (const c of before) {
    const key = keyOf(c);
    const n = unmatched.get(key) ?? 0;
    if (n > 0) unmatched.set(key, n - 1);
    else removed.push(c);
  }
  const added: Contribution[] = [];
  for (let i = after.length - 1; i >= 0; i--) {
    const c = after[i] as Contribution;
    const key = keyOf(c);
    const n = unmatched.get(key) ?? 0;
    if (n === 0) continue;
    unmatched.set(key, n - 1);
    added.push(c);
  }
  return { removed, added };
}
