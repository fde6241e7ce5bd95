/** Relationship capital as JSON, for `goodfaith clv value --json` and `GET /v1/capital`. */
import type { RelationshipCapital } from "@goodfaith/measure";

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Capital as JSON: figures rounded to hundredths of the currency's unit. */
export function capitalJson(
  capital: RelationshipCapital,
  currency: string,
  leftOut: object,
): Record<string, unknown> {
  const sum = (s: { value: number; customers: number }) => ({
    value: round(s.value, 2),
    customers: s.customers,
  });
  const byPromise = (r: Readonly<Record<string, { value: number; customers: number }>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sum(v)]));
  return {
    period: capital.period,
    currency,
    leftOut,
    options: capital.options,
    customers: capital.customers.length,
    equity: round(capital.equity, 2),
    equityAtStart: round(capital.equityAtStart, 2),
    valueAtRisk: {
      ...sum(capital.valueAtRisk),
      byPromise: byPromise(capital.valueAtRisk.byPromise),
    },
    writeDown: { ...sum(capital.writeDown), written: capital.writeDown.written },
    protectedByPromise: byPromise(capital.protectedByPromise),
  };
}
