// @ts-check
/**
 * What a run decided, boiled down so three implementations can be compared exactly: remedies
 * per promise, amounts per currency, what goes back to each tender, approvals, and failures.
 */

/**
 * The slice of a remedy every implementation produces: Goodfaith's `Remedy` has these fields
 * (and more: the explanation), the baselines build just these.
 * @typedef {{
 *   promise: string,
 *   amount?: { minor: bigint, currency: string },
 *   split: readonly { method: string, amount: { minor: bigint, currency: string } }[],
 *   approval: { required: boolean },
 * }} RemedyLike
 */

export class Tally {
  remedies = 0;
  approvals = 0;
  failures = 0;
  /** @type {Map<string, number>} */
  byPromise = new Map();
  /** @type {Map<string, bigint>} */
  amounts = new Map();
  /** @type {Map<string, bigint>} */
  tenders = new Map();
  /** @type {string[]} */
  failureSamples = [];

  /** Counts one remedy. @param {RemedyLike} r */
  remedy(r) {
    this.remedies++;
    this.byPromise.set(r.promise, (this.byPromise.get(r.promise) ?? 0) + 1);
    if (r.amount) {
      const key = `${r.promise} ${r.amount.currency}`;
      this.amounts.set(key, (this.amounts.get(key) ?? 0n) + r.amount.minor);
    }
    for (const part of r.split) {
      const key = `${part.method} ${part.amount.currency}`;
      this.tenders.set(key, (this.tenders.get(key) ?? 0n) + part.amount.minor);
    }
    if (r.approval.required) this.approvals++;
  }

  /** Counts an evaluation error or rejected event; keeps a few to show. @param {unknown} o */
  failure(o) {
    this.failures++;
    if (this.failureSamples.length < 3) {
      this.failureSamples.push(
        JSON.stringify(o, (_k, v) => (typeof v === "bigint" ? String(v) : v)),
      );
    }
  }

  /** A canonical text form: two tallies agree exactly when their texts are equal. */
  toString() {
    const sorted = (m) =>
      [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`);
    return [
      `remedies=${this.remedies}`,
      ...sorted(this.byPromise),
      ...sorted(this.amounts).map((s) => `amount ${s}`),
      ...sorted(this.tenders).map((s) => `tender ${s}`),
      `approvals=${this.approvals}`,
      `failures=${this.failures}`,
    ].join("\n");
  }
}
