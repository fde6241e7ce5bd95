/**
 * The customer timeline port: the events about one customer, for the agent console and the
 * customer's own page. Events about a shared subject (a flight, an outage) carry no customer
 * and are not here; their effect on the customer shows in the remedies' explanations.
 */
import type { LoggedEvent } from "./event-log.js";

/** The latest events about a customer, oldest first, and whether older ones were left out. */
export interface CustomerEventsPage {
  readonly events: readonly LoggedEvent[];
  readonly more: boolean;
}

/** Reads the event log by customer. */
export interface CustomerEventLog {
  /** The latest `limit` events whose `customer` is `customer`, in log order. */
  readCustomerEvents(customer: string, limit: number): Promise<CustomerEventsPage>;
}

/** Whether `store` implements the customer timeline port (the `Store` of `@goodfaith/store` does). */
export function hasCustomerEvents<T extends object>(store: T): store is T & CustomerEventLog {
  return (
    typeof (store as Partial<Record<keyof CustomerEventLog, unknown>>).readCustomerEvents ===
    "function"
  );
}
