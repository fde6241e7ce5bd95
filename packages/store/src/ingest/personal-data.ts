/**
 * Personal data carried by events, as the customer data store keeps it: `customer.updated`
 * (name, email, phone, language, country…), `consent.changed` and `data.collected`. Kept
 * there (not only in the chain-free event log) so `customer erase` can remove it.
 */
import type { CustomerDataItem, CustomerDataStore, GoodfaithEvent } from "@goodfaith/core";
import { SYSTEM_CUSTOMER } from "./secret.js";

/** Why each `customer.updated` field is held; fields not listed are held for "profile". */
const UPDATED_PURPOSE: Readonly<Record<string, string>> = {
  name: "contact",
  email: "contact",
  phone: "contact",
};

/** A customer's personal data carried by one event. */
export interface PersonalData {
  readonly customer: string;
  readonly items: readonly CustomerDataItem[];
}

/**
 * The personal data an event carries, or undefined when it carries none. Fields:
 * `customer.updated` → its own field names (`name`, `email`…; arrays as JSON);
 * `consent.changed` → `consent.<purpose>[.<channel>]` = `granted` | `withdrawn`;
 * `data.collected` → `collected.<category>` = the source (or the category).
 */
export function personalData(event: GoodfaithEvent): PersonalData | undefined {
  // The reserved id holds Goodfaith's own settings; an event never writes there.
  if (event.known === false || event.customer === undefined) return undefined;
  if (event.customer === SYSTEM_CUSTOMER) return undefined;
  const at = Date.parse(event.time);
  if (!Number.isFinite(at)) return undefined;
  const customer = event.customer;
  switch (event.type) {
    case "customer.updated": {
      const items: CustomerDataItem[] = [];
      for (const [field, value] of Object.entries(event.data)) {
        if (value === undefined) continue;
        items.push({
          field,
          value: typeof value === "string" ? value : JSON.stringify(value),
          purpose: UPDATED_PURPOSE[field] ?? "profile",
          at,
        });
      }
      return items.length > 0 ? { customer, items } : undefined;
    }
    case "consent.changed": {
      const { purpose, granted, channel } = event.data;
      const field = `consent.${purpose}${channel === undefined ? "" : `.${channel}`}`;
      return {
        customer,
        items: [{ field, value: granted ? "granted" : "withdrawn", purpose, at }],
      };
    }
    case "data.collected": {
      const { category, purpose, source } = event.data;
      return {
        customer,
        items: [{ field: `collected.${category}`, value: source ?? category, purpose, at }],
      };
    }
    default:
      return undefined;
  }
}

/**
 * `event` without the personal data it carries, for the log after an erasure; undefined when
 * it carries none. Taken out: every `customer.updated` field (name, email, phone, language…,
 * all held in the customer data store too), the customer's own words in `feedback.received`,
 * the source of a `data.collected`, the names of a booking's passengers, and the whole data of
 * an event of a type the contract does not define. Kept: the facts promises and audits rest on
 * (orders, bookings with each passenger's id, age, seat and guardian, contacts, consents given
 * or withdrawn), which name the customer only by id.
 */
export function redactPersonalData(event: GoodfaithEvent): GoodfaithEvent | undefined {
  // Nothing says which fields of an undefined type are personal (a misspelt
  // `customer.update` carries a name and an email), so none of them survives an erasure.
  if (event.known === false) {
    return Object.keys(event.data).length > 0 ? { ...event, data: {} } : undefined;
  }
  switch (event.type) {
    case "customer.updated":
      return Object.keys(event.data).length > 0 ? { ...event, data: {} } : undefined;
    case "feedback.received":
      return event.data.text !== "" ? { ...event, data: { ...event.data, text: "" } } : undefined;
    case "data.collected": {
      if (event.data.source === undefined) return undefined;
      const { source: _, ...rest } = event.data;
      return { ...event, data: rest };
    }
    case "booking.created": {
      if (event.data.passengers.every((p) => p.name === undefined)) return undefined;
      const passengers = event.data.passengers.map(({ name: _, ...rest }) => rest);
      return { ...event, data: { ...event.data, passengers } };
    }
    default:
      return undefined;
  }
}

/**
 * A stored remedy's detail (the remedy as JSON) without the name of the passenger it is for,
 * for the remedies table after an erasure; undefined when it names no one. The passenger's id
 * and position on the booking stay, and so does the explanation the ledger holds a digest of.
 */
export function redactRemedyDetail(detail: string): string | undefined {
  const remedy = JSON.parse(detail) as { passenger?: { name?: unknown } };
  if (remedy.passenger?.name === undefined) return undefined;
  const { name: _, ...passenger } = remedy.passenger;
  return JSON.stringify({ ...remedy, passenger });
}

/**
 * Stores the personal data of `events` (in order): per customer and field the value of the
 * latest event time wins, so an event that arrives late never overwrites a newer value.
 * `skip` leaves customers out (e.g. erased ones while replaying). Resolves to items written.
 */
export async function storePersonalData(
  store: CustomerDataStore,
  events: Iterable<GoodfaithEvent>,
  skip?: (customer: string) => boolean,
): Promise<number> {
  const latest = new Map<string, Map<string, CustomerDataItem>>();
  for (const event of events) {
    const found = personalData(event);
    if (found === undefined || skip?.(found.customer)) continue;
    let fields = latest.get(found.customer);
    if (fields === undefined) {
      fields = new Map();
      latest.set(found.customer, fields);
    }
    for (const item of found.items) {
      const held = fields.get(item.field);
      if (held === undefined || held.at <= item.at) fields.set(item.field, item);
    }
  }
  let written = 0;
  for (const [customer, fields] of latest) {
    const stored = new Map((await store.getCustomerData(customer)).map((i) => [i.field, i.at]));
    const items = [...fields.values()].filter((i) => (stored.get(i.field) ?? -Infinity) <= i.at);
    if (items.length === 0) continue;
    await store.putCustomerData(customer, items);
    written += items.length;
  }
  return written;
}
