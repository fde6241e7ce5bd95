// Relationship capital: what the customer base is worth (equity), how much of it a broken
// promise put at risk, how much was lost this period (the write-down), and how much each
// promise protected by putting things right in time. Formulas and a worked example:
// docs/scorecard.md, "Relationship capital".
import {
  type ClvOptions,
  customerEquity,
  type ResolvedClvOptions,
  resolveClvOptions,
} from "../clv.js";
import { fitClv, modelsIdentified } from "../fit-clv.js";
import type { Issue } from "../issue.js";
import type { NelderMeadOptions } from "../optimize.js";
import type { TransactionLog } from "../transactions.js";
import { atRisk, type Incident, incidentsIn, type RemedyRecord } from "./incidents.js";
import { dayBefore, type ReportPeriod } from "./period.js";
import { type CapitalModels, type Valuation, valueCustomers } from "./value-customers.js";

/** How to value relationships; every field has a default. */
export interface CapitalOptions extends ClvOptions {
  /**
   * A relationship whose P(alive) falls below this during the period is written down.
   * @default 0.5
   */
  readonly aliveThreshold?: number;
}

/** A customer's value at the end of the period, and at its start when they were a customer then. */
export interface CustomerCapital extends Valuation {
  readonly customer: string;
  readonly start?: Valuation;
}

/** A sum of CLVs and how many customers it is over. */
export interface ValueSum {
  readonly value: number;
  readonly customers: number;
}

/** Every figure of relationship capital for one period. Money is in major units of `currency`. */
export interface RelationshipCapital {
  readonly period: ReportPeriod;
  readonly models: CapitalModels;
  readonly options: ResolvedClvOptions & { readonly aliveThreshold: number };
  readonly customers: readonly CustomerCapital[];
  /** Σ CLV at the end of the period. */
  readonly equity: number;
  /** Σ CLV at the start, over the customers acquired by then. */
  readonly equityAtStart: number;
  /** CLV (at the end) of customers with an incident in the period put right late or not at all. */
  readonly valueAtRisk: ValueSum & { readonly byPromise: Readonly<Record<string, ValueSum>> };
  /** CLV at the start of customers whose P(alive) crossed below the threshold in the period. */
  readonly writeDown: ValueSum & { readonly written: readonly string[] };
  /** Per promise: CLV (at the end) of customers whose incident in the period it put right in time. */
  readonly protectedByPromise: Readonly<Record<string, ValueSum>>;
  /** The period's incidents, as they stand at its end. */
  readonly incidents: readonly Incident[];
}

/**
 * Computes every capital figure with given models: customers valued at the end of the
 * period and at the day before it, incidents from `remedies` whose time is in the period.
 */
export function relationshipCapital(
  models: CapitalModels,
  log: TransactionLog,
  remedies: Iterable<RemedyRecord>,
  period: ReportPeriod,
  options: CapitalOptions = {},
): RelationshipCapital {
  const resolved = { ...resolveClvOptions(options), aliveThreshold: options.aliveThreshold ?? 0.5 };
  if (!(resolved.aliveThreshold >= 0 && resolved.aliveThreshold <= 1)) {
    throw new RangeError(`aliveThreshold must be in [0, 1], got ${resolved.aliveThreshold}`);
  }
  const atEnd = valueCustomers(models, log.customers, period.to, resolved);
  const atStart = valueCustomers(models, log.customers, dayBefore(period), resolved);
  const customers = [...atEnd].map(([customer, v]): CustomerCapital => {
    const s = atStart.get(customer);
    return { customer, ...v, ...(s && { start: s }) };
  });
  const clv = (customer: string) => atEnd.get(customer)?.clv ?? 0;
  const incidents = incidentsIn(remedies, period);

  const risky = incidents.filter(atRisk);
  const byPromise = sumsBy(
    risky.flatMap((i) => i.promises.map((p) => [p, i.customer] as const)),
    clv,
  );
  const protectedByPromise = sumsBy(
    incidents.flatMap((i) => i.keptBy.map((p) => [p, i.customer] as const)),
    clv,
  );
  const written = customers
    .filter((c) => c.start !== undefined && c.start.pAlive >= resolved.aliveThreshold)
    .filter((c) => c.pAlive < resolved.aliveThreshold)
    .map((c) => c.customer);
  return {
    period,
    models,
    options: resolved,
    customers,
    equity: customerEquity(customers.map((c) => c.clv)),
    equityAtStart: customerEquity([...atStart.values()].map((v) => v.clv)),
    valueAtRisk: { ...sumOver(new Set(risky.map((i) => i.customer)), clv), byPromise },
    writeDown: {
      ...sumOver(new Set(written), (c) => atStart.get(c)?.clv ?? 0),
      written,
    },
    protectedByPromise,
    incidents,
  };
}

// A customer counts once in a sum, however many incidents they had.
function sumOver(customers: ReadonlySet<string>, value: (c: string) => number): ValueSum {
  return { value: customerEquity([...customers].map(value)), customers: customers.size };
}

function sumsBy(
  pairs: readonly (readonly [string, string])[],
  value: (c: string) => number,
): Record<string, ValueSum> {
  const groups = new Map<string, Set<string>>();
  for (const [key, customer] of pairs) {
    const set = groups.get(key) ?? new Set<string>();
    set.add(customer);
    groups.set(key, set);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, s]) => [k, sumOver(s, value)]),
  );
}

/** Options for fitting and valuing in one go. */
export interface FitCapitalOptions extends CapitalOptions {
  readonly optimizer?: NelderMeadOptions;
}

/**
 * Why capital could not be computed: an issue of the fit (no customers, no repeat spend), or
 * models whose maximum-likelihood estimates run off to a boundary (a handful of customers)
 * and value nobody finitely.
 */
export type CapitalIssue =
  | Issue
  | {
      readonly code: "models-not-identified";
      readonly message: string;
      readonly customers: number;
      readonly repeaters: number;
    };

/**
 * Fits BG/NBD and Gamma-Gamma on the purchases up to the period's last day, then computes
 * relationship capital with them. Data that cannot identify the models is an issue.
 */
export function fitRelationshipCapital(
  log: TransactionLog,
  remedies: Iterable<RemedyRecord>,
  period: ReportPeriod,
  options: FitCapitalOptions = {},
):
  | { readonly ok: true; readonly value: RelationshipCapital }
  | { readonly ok: false; readonly issues: readonly CapitalIssue[] } {
  const fit = fitClv(log, { ...options, calibrationEnd: period.to });
  if (!fit.ok) return fit;
  const models = { bgnbd: fit.value.bgnbd, gammaGamma: fit.value.gammaGamma };
  const capital = relationshipCapital(models, log, remedies, period, options);
  if (
    !modelsIdentified(fit.value) ||
    !Number.isFinite(capital.equity) ||
    !Number.isFinite(capital.equityAtStart)
  ) {
    const customers = fit.value.customers.length;
    const repeaters = fit.value.repeaters;
    const message = `the models cannot be identified on ${customers} customers (${repeaters} bought again): their estimates run off to a boundary; value relationships on a longer history`;
    return {
      ok: false,
      issues: [{ code: "models-not-identified", message, customers, repeaters }],
    };
  }
  return { ok: true, value: capital };
}
