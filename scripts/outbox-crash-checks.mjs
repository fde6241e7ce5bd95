// @ts-check
/**
 * The end-of-round checks of the outbox crash harness (scripts/outbox-crash-harness.mjs, which
 * lists them as (a) to (f)): what the store, the payment system and `goodfaith ledger verify`
 * must agree on after a round of kills.
 */
import { captureVerify } from "./harness-support.mjs";

// `goodfaith outbox run` leaves the outbox's default: attempts before the dead letter.
const MAX_ATTEMPTS = 8;
/** Where a due remedy must end. */
export const SETTLED = new Set(["executed", "dead"]);

/**
 * @typedef {object} CheckResult
 * @property {string} name
 * @property {boolean} ok
 * @property {string} detail
 */

/** Every remedy in the store. @param {import("@goodfaith/core").Store} store */
export async function allRemedies(store) {
  /** @type {import("@goodfaith/core").StoredRemedy[]} */
  const out = [];
  /** @type {any} */
  let after;
  for (;;) {
    const page = await store.listRemedies({}, { limit: 5000, ...(after && { after }) });
    out.push(...page.remedies);
    if (!page.next || page.remedies.length === 0) return out;
    after = page.next;
  }
}

/** @template T @param {T[]} items @param {(t: T) => string} describe */
function some(items, describe) {
  return items.length === 0 ? "" : ` (e.g. ${items.slice(0, 3).map(describe).join("; ")})`;
}

/**
 * The checks of one round.
 * @param {string} db
 * @param {import("@goodfaith/core").Store} store
 * @param {{ due: Map<string, string>, later: Set<string> }} remedyKeys Due: key → its amount as
 *   JSON; later: approved but not due yet (left alone).
 * @param {ReturnType<import("./payment-system.mjs").PaymentSystem["snapshot"]>} seen
 * @param {{ ok: boolean, detail: string }} stopped
 */
export async function verifyRound(db, store, { due, later }, seen, stopped) {
  /** @type {CheckResult[]} */
  const results = [];
  const remedies = new Map((await allRemedies(store)).map((r) => [r.key, r]));
  /** @type {Map<string, import("./payment-system.mjs").ReceivedRequest[]>} */
  const requestsOf = new Map();
  for (const q of seen.requests) requestsOf.set(q.key, [...(requestsOf.get(q.key) ?? []), q]);
  /** @type {Map<string, import("./payment-system.mjs").Payment[]>} */
  const paymentsOf = new Map();
  for (const p of seen.payments) paymentsOf.set(p.key, [...(paymentsOf.get(p.key) ?? []), p]);

  // (a) settled.
  const statuses = new Map();
  const unsettled = [];
  for (const key of due.keys()) {
    const status = remedies.get(key)?.status ?? "missing";
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (!SETTLED.has(status)) unsettled.push(`${key} ${status}`);
  }
  const touched = [...later].filter(
    (key) => remedies.get(key)?.status !== "approved" || requestsOf.has(key),
  );
  results.push({
    name: "(a) every due remedy executed or dead, none executing",
    ok: due.size > 0 && unsettled.length === 0 && touched.length === 0,
    detail:
      `${due.size} due: ${[...statuses].map(([s, n]) => `${n} ${s}`).join(", ")}` +
      some(unsettled, (u) => u) +
      `; ${later.size} not due yet, ${touched.length} of them touched${some(touched, (k) => k)}`,
  });

  // (b) requests signed and consistent; at most one payment per key, of the right amount;
  // every repeat the same remedy as the first request.
  const unsigned = seen.requests.filter((q) => !q.signed);
  const inconsistent = seen.requests.filter((q) => !q.consistent || !due.has(q.key));
  const paidTwice = [...paymentsOf].filter(([, ps]) => ps.length > 1);
  const wrongAmount = seen.payments.filter(
    (p) => JSON.stringify(p.amount ?? null) !== due.get(p.key),
  );
  const changed = seen.requests.filter((q) => q.signed && q.remedy !== seen.firstRemedy.get(q.key));
  const repeats = seen.requests.filter((q) => q.outcome === "repeat").length;
  results.push({
    name: "(b) each key paid at most once, repeats identical",
    ok:
      unsigned.length +
        inconsistent.length +
        paidTwice.length +
        wrongAmount.length +
        changed.length ===
      0,
    detail:
      `${seen.requests.length} requests for ${requestsOf.size} keys, ${repeats} repeats, ` +
      `${seen.payments.length} payments; ${unsigned.length} badly signed, ${inconsistent.length} naming another key, ` +
      `${paidTwice.length} keys paid twice${some(paidTwice, ([k, ps]) => `${k} ×${ps.length}`)}, ` +
      `${wrongAmount.length} of another amount, ${changed.length} repeats with another body` +
      some(changed, (q) => `${q.key} attempt ${q.attempt}`),
  });

  // (c) executed ⇔ paid once, with the recorded reference; dead: unpaid, refused or out of attempts.
  const wrong = [];
  for (const key of due.keys()) {
    const r = remedies.get(key);
    const paid = paymentsOf.get(key) ?? [];
    if (r?.status === "executed") {
      if (paid.length !== 1) wrong.push(`${key} executed, paid ${paid.length}×`);
      else if (r.reference !== paid[0]?.reference) {
        wrong.push(`${key} executed as ${r.reference}, paid as ${paid[0]?.reference}`);
      }
    } else if (r?.status === "dead") {
      if (paid.length > 0) wrong.push(`${key} dead, paid ${paid.length}× (${r.lastError})`);
      else if (!seen.refused.has(key) && r.attempts < MAX_ATTEMPTS) {
        wrong.push(`${key} dead after ${r.attempts} attempts, never refused (${r.lastError})`);
      }
    } else if (paid.length > 0) {
      wrong.push(`${key} ${r?.status}, paid ${paid.length}×`);
    }
  }
  results.push({
    name: "(c) every executed remedy paid exactly once, no dead one paid",
    ok: wrong.length === 0,
    detail: `${wrong.length} remedies whose payments disagree with the store${some(wrong, (w) => w)}`,
  });

  // (d) one executed transition; requests ≤ attempts.
  const twice = [];
  const overSent = [];
  let attempts = 0;
  for (const key of due.keys()) {
    const history = await store.getRemedy(key);
    const executedMoves = history?.transitions.filter((t) => t.to === "executed").length ?? 0;
    if (executedMoves > 1 || (history?.remedy.status === "executed" && executedMoves !== 1)) {
      twice.push(`${key}: ${executedMoves} executed transitions`);
    }
    const counted = history?.remedy.attempts ?? 0;
    attempts += counted;
    const sent = requestsOf.get(key)?.length ?? 0;
    if (sent > counted) overSent.push(`${key}: ${sent} requests, ${counted} attempts`);
  }
  results.push({
    name: "(d) one executed transition each, no more requests than attempts",
    ok: twice.length === 0 && overSent.length === 0,
    detail:
      `${attempts} attempts counted, ${seen.requests.length} requests; ${twice.length} remedies ` +
      `with other than one executed transition${some(twice, (w) => w)}, ${overSent.length} with ` +
      `more requests than attempts${some(overSent, (w) => w)}`,
  });

  // (e) the ledger.
  const verdict = await captureVerify(db);
  results.push({
    name: "(e) ledger verifies",
    ok: verdict.exit === 0 && verdict.ok === true,
    detail: `ledger verify exit ${verdict.exit}, ok=${verdict.ok}${verdict.ok ? "" : `: ${JSON.stringify(verdict).slice(0, 500)}`}`,
  });

  // (f) a clean stop, every callback accepted.
  results.push({
    name: "(f) last run stopped cleanly, every callback accepted",
    ok: stopped.ok && seen.anomalies.length === 0,
    detail:
      `${stopped.detail}; ${seen.callbacksSent} callbacks, ${seen.anomalies.length} refused` +
      some(seen.anomalies, (a) => `${a.action} ${a.key}: ${a.status} ${a.body}`),
  });

  let executed = 0;
  let dead = 0;
  for (const key of due.keys()) {
    const status = remedies.get(key)?.status;
    if (status === "executed") executed++;
    if (status === "dead") dead++;
  }
  return {
    checks: results,
    figures: {
      remedies: due.size,
      executed,
      dead,
      requests: seen.requests.length,
      repeats,
      retryable: seen.requests.filter((q) => q.outcome === "retryable").length,
      payments: seen.payments.length,
      callbacks: seen.callbacksSent,
      attempts,
    },
  };
}
