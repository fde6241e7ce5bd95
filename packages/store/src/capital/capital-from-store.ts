/** Relationship capital of everything in the store, for a period and a reporting currency. */
import type { GoodfaithEvent, Store } from "@goodfaith/core";
import {
  type CapitalIssue,
  type FitCapitalOptions,
  fitRelationshipCapital,
  type Incident,
  incidentsIn,
  monthUpTo,
  purchaseLog,
  type RelationshipCapital,
  type ReportPeriod,
} from "@goodfaith/measure";
import { readRelationships } from "./read-relationships.js";

/** Options of `capitalFromStore`. */
export interface CapitalFromStoreOptions extends FitCapitalOptions {
  /** @default the month of the latest event, up to its day */
  readonly period?: ReportPeriod;
  /** @default the currency with the most purchases */
  readonly currency?: string;
  /** Sees every logged event, to feed other measures in the same pass. */
  readonly onEvent?: (event: GoodfaithEvent) => void;
}

/**
 * The period's incidents (known from remedies whatever the purchases say) and its capital,
 * or why the relationships could not be valued.
 */
export interface StoreCapital {
  readonly period: ReportPeriod;
  /** The reporting currency; undefined when the log has no purchase. */
  readonly currency?: string;
  /** Purchases left out for being in another currency, per currency. */
  readonly leftOut: Readonly<Record<string, number>>;
  readonly incidents: readonly Incident[];
  readonly capital:
    | { readonly ok: true; readonly value: RelationshipCapital }
    | { readonly ok: false; readonly issues: readonly CapitalIssue[] };
}

/**
 * Reads purchases and remedies and computes relationship capital: models fitted on the
 * purchases in the reporting currency up to the period's end.
 */
export async function capitalFromStore(
  store: Pick<Store, "readEvents" | "listRemedies">,
  options: CapitalFromStoreOptions = {},
): Promise<StoreCapital> {
  const { period, currency, onEvent, ...fitOptions } = options;
  const data = await readRelationships(store, onEvent);
  const chosen = period ?? monthUpTo(data.lastEventTime ?? Date.now());
  const incidents = incidentsIn(data.remedies, chosen);
  const purchases = purchaseLog(data.purchases, currency);
  if (purchases === undefined) {
    const message = `no purchases${currency ? ` in ${currency}` : ""} in the event log`;
    return {
      period: chosen,
      leftOut: {},
      incidents,
      capital: { ok: false, issues: [{ code: "no-transactions", message }] },
    };
  }
  return {
    period: chosen,
    currency: purchases.currency,
    leftOut: purchases.leftOut,
    incidents,
    capital: fitRelationshipCapital(purchases.log, data.remedies, chosen, fitOptions),
  };
}
