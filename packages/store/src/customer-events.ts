/**
 * A customer's events, newest first from the database and returned oldest first. The events
 * table has no index on `customer` (one would slow every append), so this is a scan — in
 * SQL, not in JavaScript — which suits an agent opening one customer, not a hot path.
 */
import type { CustomerEventLog, CustomerEventsPage, GoodfaithEvent } from "@goodfaith/core";
import type { Backend } from "./backend.js";

/** The customer timeline reader over a backend. */
export function createCustomerEventLog(backend: Backend): CustomerEventLog {
  return {
    async readCustomerEvents(customer: string, limit: number): Promise<CustomerEventsPage> {
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError(`readCustomerEvents: limit must be a positive integer, not ${limit}`);
      }
      const rows = await backend.db
        .selectFrom("events")
        .select(["seq", "body"])
        .where("customer", "=", customer)
        .orderBy("seq", "desc")
        .limit(limit + 1)
        .execute();
      const more = rows.length > limit;
      const events = rows
        .slice(0, limit)
        .reverse()
        .map((r) => ({ seq: Number(r.seq), event: JSON.parse(r.body) as GoodfaithEvent }));
      return { events, more };
    },
  };
}
