/**
 * Folding one event into the engine's state. All money is parsed before anything is
 * changed, so an event with a bad amount changes nothing.
 */
import type * as D from "./event-data.js";
import type { BookingRecord, OrderRecord } from "./records.js";
import { type EngineState, minorOf } from "./state.js";

/** What applying an event found out that promises may need. */
export interface Applied {
  readonly order?: OrderRecord;
  readonly booking?: BookingRecord;
  /** For a support contact: when the customer last contacted us, unresolved, on this topic. */
  readonly previousUnresolvedAt?: number;
  /**
   * For a support contact: the quickest the customer came back on this topic, still
   * unresolved, before this contact and since it was last resolved (ms; see `OpenTopic`).
   */
  readonly quickestReturnMs?: number;
  /** Set when a deadline re-reads its arming event: the subject is looked up, not created. */
  readonly deadline?: true;
}

function orderFor(state: EngineState, id: string, eventId: string): OrderRecord | undefined {
  const order = state.orders.get(id);
  order?.events.push(eventId);
  return order;
}

/** Applies a validated event at event time `at` (epoch ms) and returns what promises need. */
export function applyEvent(state: EngineState, e: D.EngineEvent, at: number): Applied {
  const customer = e.customer ?? "";
  switch (e.type) {
    case "customer.updated": {
      const d = e.data as D.CustomerUpdatedData;
      const rec = state.customer(customer);
      if (d.name !== undefined) rec.name = d.name;
      if (d.language !== undefined) rec.language = d.language;
      if (d.segment !== undefined) rec.segment = d.segment;
      if (d.loyaltyTier !== undefined) rec.tier = d.loyaltyTier;
      if (d.country !== undefined) rec.country = d.country;
      return {};
    }
    case "consent.changed": {
      const d = e.data as D.ConsentChangedData;
      const rec = state.customer(customer);
      rec.consents[d.channel ? `${d.purpose}:${d.channel}` : d.purpose] = d.granted;
      return {};
    }
    case "order.placed": {
      const order = state.placeOrder(e.id, customer, at, e.data as D.OrderPlacedData);
      return order ? { order } : {};
    }
    case "order.shipped": {
      const order = orderFor(state, (e.data as D.OrderRefData).order, e.id);
      if (order && order.shippedAt === undefined) order.shippedAt = at;
      return order ? { order } : {};
    }
    case "order.delivered": {
      const d = e.data as D.OrderRefData;
      const order = orderFor(state, d.order, e.id);
      if (order && order.deliveredAt === undefined) {
        order.deliveredAt = d.deliveredAt ? Date.parse(d.deliveredAt) : at;
      }
      return order ? { order } : {};
    }
    case "order.cancelled": {
      const order = orderFor(state, (e.data as D.OrderRefData).order, e.id);
      if (order && order.cancelledAt === undefined) {
        order.cancelledAt = at;
        state.releaseOwnership(order, undefined);
      }
      return order ? { order } : {};
    }
    case "order.refunded": {
      const d = e.data as D.OrderRefundedData;
      const minor = minorOf(d.amount, d.currency, "amount");
      const order = orderFor(state, d.order, e.id);
      if (order && d.currency === order.currency) {
        order.refunded += minor;
        if (d.items || order.refunded >= order.total) state.releaseOwnership(order, d.items);
      }
      return order ? { order } : {};
    }
    case "payment.charged": {
      const d = e.data as D.PaymentChargedData;
      const minor = minorOf(d.amount, d.currency, "amount");
      const order = orderFor(state, d.order, e.id);
      if (
        order &&
        d.currency === order.currency &&
        !order.charges.some((c) => c.id === d.payment)
      ) {
        order.charges.push({ id: d.payment, minor, method: d.method });
      }
      return order ? { order } : {};
    }
    case "price.changed": {
      const d = e.data as D.PriceChangedData;
      state.prices.set(d.sku, {
        minor: minorOf(d.price, d.currency, "price"),
        currency: d.currency,
      });
      return {};
    }
    case "booking.created": {
      const booking = state.createBooking(e.id, customer, at, e.data as D.BookingCreatedData);
      return booking ? { booking } : {};
    }
    case "booking.rebooked": {
      const d = e.data as D.BookingRebookedData;
      const booking = state.bookings.get(d.booking);
      if (booking) {
        booking.rebooking = { toFlight: d.toFlight, accepted: d.accepted, at };
        booking.events.push(e.id);
        if (d.accepted) state.attach(d.toFlight, booking.id);
      }
      return booking ? { booking } : {};
    }
    case "stream.session": {
      const d = e.data as D.StreamSessionData;
      const order = d.order === undefined ? undefined : orderFor(state, d.order, e.id);
      return order ? { order } : {};
    }
    case "support.contact": {
      const d = e.data as D.SupportContactData;
      const rec = state.customer(customer);
      const previous = rec.openTopics.get(d.topic);
      if (d.resolved) rec.openTopics.delete(d.topic);
      else {
        // This contact's own return counts for the contacts after it: promises read how
        // quickly the customer had come back *before* ("the first quick return escalates").
        const quickest =
          previous && Math.min(at - previous.at, previous.quickestReturnMs ?? Infinity);
        rec.openTopics.set(d.topic, {
          at,
          contact: d.contact,
          ...(quickest !== undefined && { quickestReturnMs: quickest }),
        });
      }
      const order = d.order === undefined ? undefined : state.orders.get(d.order);
      return {
        ...(previous && { previousUnresolvedAt: previous.at }),
        ...(previous?.quickestReturnMs !== undefined && {
          quickestReturnMs: previous.quickestReturnMs,
        }),
        ...(order && { order }),
      };
    }
    default:
      return {};
  }
}
