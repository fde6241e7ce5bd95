/**
 * The engine's memory of the world: customers, orders, bookings, subscriptions and recent
 * purchases, updated by each event. Pure data in Maps, so it can be checkpointed.
 */
import { minorUnits, parseMoney } from "../money/index.js";
import type * as D from "./event-data.js";
import type {
  BookingRecord,
  CustomerRecord,
  OrderRecord,
  OwnershipRecord,
  PaymentRecord,
  PurchaseRecord,
  SubscriptionRecord,
} from "./records.js";

/** Kinds of goods one owns for good: buying them twice is usually a mistake. */
export const OWNABLE_KINDS: ReadonlySet<string> = new Set([
  "digital",
  "book",
  "subscription",
  "service",
]);

/** Thrown while reading an event whose money does not fit its currency; nothing was applied. */
export class MoneyFieldError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>>,
  ) {
    super(`${code} at ${path.join(".")}`);
  }
}

/**
 * Parses an event's money field to minor units, or throws `MoneyFieldError` with its path
 * under `data`: `field`, or `field[index].leaf` in a list. The path is only built on failure,
 * as this runs for every amount of every event.
 */
export function minorOf(
  amount: string,
  currency: string,
  field: string,
  index?: number,
  leaf?: string,
): bigint {
  const fast = minorUnits(amount, currency);
  if (fast !== undefined) return fast;
  const parsed = parseMoney(amount, currency);
  if (parsed.ok) return parsed.value.minor;
  const issue = parsed.issues[0];
  throw new MoneyFieldError(
    index === undefined ? ["data", field] : ["data", field, index, leaf ?? ""],
    issue?.code ?? "money.invalid_number",
    issue?.params ?? {},
  );
}

function payments(list: readonly D.PaymentData[], currency: string, at: string): PaymentRecord[] {
  return list.map((p, i) => {
    const cur = p.currency ?? (p.method === "points" ? "PTS" : currency);
    return { method: p.method, minor: minorOf(p.amount, cur, at, i, "amount"), currency: cur };
  });
}

/** Everything the engine remembers; each map is keyed by the subject's id. */
export class EngineState {
  readonly customers = new Map<string, CustomerRecord>();
  readonly orders = new Map<string, OrderRecord>();
  readonly bookings = new Map<string, BookingRecord>();
  /** Bookings per flight, in the order they were made: a flight event fans out over them. */
  readonly flights = new Map<string, string[]>();
  /** Active subscriptions per service, then per customer. */
  readonly subscribers = new Map<string, Map<string, SubscriptionRecord>>();
  /** Purchases per sku still inside the longest price-protection window. */
  readonly purchases = new Map<string, PurchaseRecord[]>();
  readonly prices = new Map<string, { readonly minor: bigint; readonly currency: string }>();

  constructor(readonly purchaseWindowMs: number) {}

  /** Everything this state holds, for a snapshot (works that alias an owned sku are references). */
  dump(): Record<string, unknown> {
    const customers = new Map<string, unknown>();
    for (const [id, rec] of this.customers) {
      const works = new Map<string, unknown>();
      for (const [work, own] of rec.works) {
        works.set(work, rec.owned.get(own.sku) === own ? { ref: own.sku } : own);
      }
      customers.set(id, { ...rec, works });
    }
    return {
      customers,
      orders: this.orders,
      bookings: this.bookings,
      flights: this.flights,
      subscribers: this.subscribers,
      purchases: this.purchases,
      prices: this.prices,
    };
  }

  /** Restores what `dump` saved into this (empty) state. */
  load(dump: Record<string, unknown>): void {
    const d = dump as {
      customers: Map<
        string,
        CustomerRecord & { works: Map<string, OwnershipRecord | { ref: string }> }
      >;
      orders: Map<string, OrderRecord>;
      bookings: Map<string, BookingRecord>;
      flights: Map<string, string[]>;
      subscribers: Map<string, Map<string, SubscriptionRecord>>;
      purchases: Map<string, PurchaseRecord[]>;
      prices: Map<string, { minor: bigint; currency: string }>;
    };
    for (const [id, rec] of d.customers) {
      const works = new Map<string, OwnershipRecord>();
      for (const [work, own] of rec.works) {
        const resolved = "ref" in own ? rec.owned.get(own.ref) : own;
        if (resolved) works.set(work, resolved);
      }
      this.customers.set(id, { ...rec, works });
    }
    for (const [k, v] of d.orders) this.orders.set(k, v);
    for (const [k, v] of d.bookings) this.bookings.set(k, v);
    for (const [k, v] of d.flights) this.flights.set(k, v);
    for (const [k, v] of d.subscribers) this.subscribers.set(k, v);
    for (const [k, v] of d.purchases) this.purchases.set(k, v);
    for (const [k, v] of d.prices) this.prices.set(k, v);
  }

  /** The customer's record, created on first sight. */
  customer(id: string): CustomerRecord {
    let rec = this.customers.get(id);
    if (!rec) {
      rec = { id, consents: {}, owned: new Map(), works: new Map(), openTopics: new Map() };
      this.customers.set(id, rec);
    }
    return rec;
  }

  /** Records a new order: ownership, subscriptions and purchases for price protection. */
  placeOrder(
    eventId: string,
    customer: string,
    at: number,
    d: D.OrderPlacedData,
  ): OrderRecord | undefined {
    if (this.orders.has(d.order)) return undefined;
    const items = d.items.map((item, i) => ({
      sku: item.sku,
      kind: item.kind,
      price: minorOf(item.price, d.currency, "items", i, "price"),
      quantity: item.quantity ?? 1,
      ...(item.workId !== undefined && { workId: item.workId }),
      ...(item.title !== undefined && { title: item.title }),
      ...(item.service !== undefined && { service: item.service }),
      ...(item.period !== undefined && { period: item.period }),
    }));
    const shipping = d.shipping === undefined ? 0n : minorOf(d.shipping, d.currency, "shipping");
    const itemsTotal = items.reduce((s, i) => s + i.price * BigInt(i.quantity), 0n);
    const total =
      d.total === undefined ? itemsTotal + shipping : minorOf(d.total, d.currency, "total");
    const paid = payments(d.payments, d.currency, "payments");
    const order: OrderRecord = {
      id: d.order,
      customer,
      placedAt: at,
      currency: d.currency,
      items,
      shipping,
      total,
      payments: paid,
      gift: d.gift ?? false,
      ...(d.channel !== undefined && { channel: d.channel }),
      ...(d.promisedDeliveryBy !== undefined && {
        promisedDeliveryBy: Date.parse(d.promisedDeliveryBy),
      }),
      charges: [],
      refunded: 0n,
      events: [eventId],
    };
    this.orders.set(order.id, order);
    const cust = this.customer(customer);
    for (const item of items) {
      if (OWNABLE_KINDS.has(item.kind) && !order.gift) {
        const own = {
          sku: item.sku,
          kind: item.kind,
          order: order.id,
          at,
          price: item.price,
          currency: order.currency,
          gift: order.gift,
          refunded: false,
          ...(item.workId !== undefined && { workId: item.workId }),
          ...(item.title !== undefined && { title: item.title }),
        };
        cust.owned.set(item.sku, own);
        if (item.workId !== undefined) cust.works.set(item.workId, own);
      }
      if (item.kind === "subscription" && item.service !== undefined) {
        let subs = this.subscribers.get(item.service);
        if (!subs) {
          subs = new Map();
          this.subscribers.set(item.service, subs);
        }
        subs.set(customer, {
          customer,
          order: order.id,
          sku: item.sku,
          service: item.service,
          price: item.price,
          currency: order.currency,
          period: item.period ?? "month",
          since: at,
        });
      }
      this.remember({
        customer,
        order: order.id,
        sku: item.sku,
        price: item.price,
        currency: order.currency,
        quantity: item.quantity,
        at,
        netPrice: item.price,
      });
    }
    return order;
  }

  private remember(p: PurchaseRecord): void {
    let list = this.purchases.get(p.sku);
    if (!list) {
      list = [];
      this.purchases.set(p.sku, list);
    }
    list.push(p);
  }

  /**
   * Purchases of `sku` within the price-protection window before `now`; older ones are
   * dropped. Every older one, not only those at the front: an order stored late can sit
   * behind newer ones, and what is kept must not depend on whose purchases share the list
   * (a backtest sharded by customer keeps exactly what a whole replay keeps).
   */
  recentPurchases(sku: string, now: number): readonly PurchaseRecord[] {
    const list = this.purchases.get(sku);
    if (!list) return [];
    const cutoff = now - this.purchaseWindowMs;
    if (list.every((p) => p.at >= cutoff)) return list;
    const kept = list.filter((p) => p.at >= cutoff);
    if (kept.length === 0) this.purchases.delete(sku);
    else this.purchases.set(sku, kept);
    return kept;
  }

  /** A refund or cancellation: what was refunded no longer counts as owned. */
  releaseOwnership(order: OrderRecord, skus: readonly string[] | undefined): void {
    const cust = this.customers.get(order.customer);
    if (!cust) return;
    for (const item of order.items) {
      if (skus && !skus.includes(item.sku)) continue;
      const own = cust.owned.get(item.sku);
      if (own && own.order === order.id) own.refunded = true;
      if (item.kind === "subscription" && item.service !== undefined) {
        const subs = this.subscribers.get(item.service);
        if (subs?.get(order.customer)?.order === order.id) subs.delete(order.customer);
      }
    }
  }

  /** Records a booking and attaches it to its flight. */
  createBooking(
    eventId: string,
    customer: string,
    at: number,
    d: D.BookingCreatedData,
  ): BookingRecord | undefined {
    if (this.bookings.has(d.booking)) return undefined;
    const booking: BookingRecord = {
      id: d.booking,
      customer,
      flight: d.flight,
      carrier: d.carrier.code,
      euLicensed: d.carrier.euLicensed ?? false,
      origin: d.origin,
      destination: d.destination,
      // Validated events are immutable, so the passenger list is shared, not copied.
      passengers: d.passengers,
      fare: minorOf(d.fare, d.currency, "fare"),
      currency: d.currency,
      payments: payments(d.payments, d.currency, "payments"),
      createdAt: at,
      refunded: 0n,
      events: [eventId],
    };
    this.bookings.set(booking.id, booking);
    this.attach(d.flight, booking.id, true);
    return booking;
  }

  /** Puts a booking on a flight's passenger list (a rebooking adds the new flight). */
  attach(flight: string, booking: string, isNew = false): void {
    const list = this.flights.get(flight);
    if (!list) this.flights.set(flight, [booking]);
    else if (isNew || !list.includes(booking)) list.push(booking);
  }
}
