/**
 * What an agent sees when opening a customer: the personal data held (and why), the latest
 * events about them, every remedy with its explanation and moves, and what we told them. Shared by
 * `GET /v1/customers/{id}` and `goodfaith customers show`.
 */
import { type CustomerEventLog, hasNotices, jsonSafe, type Store } from "@goodfaith/core";
import { historyJson } from "./remedy-json.js";

/** A customer's timeline, as JSON. */
export interface CustomerTimeline {
  readonly customer: string;
  readonly data: readonly { field: string; value: string; purpose?: string; at: string }[];
  readonly events: readonly { seq: number; event: unknown }[];
  readonly remedies: readonly Record<string, unknown>[];
  /** What we told the customer (or decided not to, and why), in recording order. */
  readonly notices: readonly Record<string, unknown>[];
  /** Whether there are older events, or more remedies, than `limit` let in. */
  readonly more: {
    readonly events: boolean;
    readonly remedies: boolean;
    readonly notices: boolean;
  };
}

/**
 * Whether nothing at all is known about the timeline's customer: no personal data, events,
 * remedies or notices. Such an id is most likely mistyped, so both the API (404) and the CLI
 * (exit 2) say so rather than show an empty timeline.
 */
export function knowsNothing({ data, events, remedies, notices }: CustomerTimeline): boolean {
  return data.length + events.length + remedies.length + notices.length === 0;
}

/** The latest `limit` events (oldest first) and the first `limit` remedies of `customer`. */
export async function customerTimeline(
  store: Store & CustomerEventLog,
  customer: string,
  limit: number,
): Promise<CustomerTimeline> {
  const timeline = await store.readCustomerEvents(customer, limit);
  const events = timeline.events.map(({ seq, event }) => ({ seq, event: jsonSafe(event) }));
  const page = await store.listRemedies({ customer }, { limit });
  const remedies = [];
  for (const r of page.remedies) {
    const history = await store.getRemedy(r.key);
    if (history !== undefined) remedies.push(historyJson(history));
  }
  const notices = hasNotices(store)
    ? await store.listNotices({ customer }, { limit })
    : { notices: [] };
  const data = (await store.getCustomerData(customer)).map((d) => ({
    field: d.field,
    value: d.value,
    ...(d.purpose !== undefined && { purpose: d.purpose }),
    at: new Date(d.at).toISOString(),
  }));
  return {
    customer,
    data,
    events,
    remedies,
    notices: notices.notices.map((n) => ({ ...n })),
    more: {
      events: timeline.more,
      remedies: page.next !== undefined,
      notices: "next" in notices && notices.next !== undefined,
    },
  };
}
