/**
 * Who an event reaches, and what each promise sees for them. A customer's own event reaches
 * that customer; an event about a shared subject (a flight, a service, a price) fans out to
 * every booking, passenger, subscriber or recent buyer attached to it.
 */
import {
  ContactView,
  type FlightData,
  FlightView,
  OutageView,
  PriceView,
  RouteView,
  SessionView,
} from "../cel/event-views.js";
import { MoneyValue } from "../cel/money-value.js";
import {
  BookingView,
  OrderView,
  PassengerView,
  PaymentView,
  PurchaseView,
  SubscriptionView,
} from "../cel/views.js";
import type { Money } from "../money/index.js";
import type { Reach } from "../promises/document.js";
import type { Applied } from "./apply.js";
import type * as D from "./event-data.js";
import type { RemedyPassenger } from "./outcome.js";
import { BookingPayable, OrderPayable, type Payable } from "./payable.js";
import type { BookingRecord, OrderRecord } from "./records.js";
import type { EngineState } from "./state.js";

/** One customer an event reaches, with the variables promise expressions see for them. */
export interface Target {
  readonly customer: string;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly incident: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly payable?: Payable;
  /** The ids of the events behind a remedy, as a new array: built only when one is granted. */
  readonly events: () => string[];
  /** The honest cause the event states, if any, with its texts per language and category. */
  readonly cause?: string;
  readonly causeText?: D.CauseData["causeText"];
  readonly causeCategory?: D.CauseData["causeCategory"];
  /** For a promise that reaches passengers: the one this target is. */
  readonly passenger?: RemedyPassenger;
  /** Called once a monetary remedy is granted, to keep protection state current. */
  readonly granted?: (amount: Money) => void;
}

const EMPTY_ORDER = (id: string, customer: string): OrderRecord => ({
  id,
  customer,
  placedAt: 0,
  currency: "XXX",
  items: [],
  shipping: 0n,
  total: 0n,
  payments: [],
  gift: false,
  charges: [],
  refunded: 0n,
  events: [],
});

function orderTarget(
  e: D.EngineEvent,
  order: OrderRecord | undefined,
  incident: string,
  vars: Record<string, unknown> = {},
): Target[] {
  if (!order) return [];
  return [
    {
      customer: order.customer,
      vars: { order: new OrderView(order), ...vars },
      incident,
      subject: { type: "order", id: order.id },
      payable: new OrderPayable(order),
      events: () => (order.events.includes(e.id) ? [...order.events] : [...order.events, e.id]),
    },
  ];
}

/** The views that are the same for every target of a shared event, built once per event. */
export interface SharedViews {
  readonly flight?: FlightView;
  readonly route?: RouteView;
  readonly outage?: OutageView;
  readonly price?: PriceView;
}

/** The shared views of `e` (after it was applied), or an empty object for a customer's event. */
export function sharedViewsOf(state: EngineState, e: D.EngineEvent): SharedViews {
  switch (e.type) {
    case "flight.arrived":
    case "flight.cancelled": {
      const d = e.data as FlightData;
      return {
        flight: new FlightView(d, e.type === "flight.cancelled"),
        route: RouteView.of(d.origin, d.destination, d.carrier.euLicensed ?? false),
      };
    }
    case "service.outage": {
      const d = e.data as D.ServiceOutageData;
      return { outage: new OutageView(d.outage, d.service, d.start, d.end, d.cause ?? "") };
    }
    case "price.changed": {
      const d = e.data as D.PriceChangedData;
      const now = state.prices.get(d.sku);
      return now ? { price: new PriceView(d.sku, new MoneyValue(now.minor, now.currency)) } : {};
    }
    default:
      return {};
  }
}

/** The cause fields an event states, as its targets carry them to their remedies. */
function causeOf(d: D.CauseData): Pick<Target, "cause" | "causeText" | "causeCategory"> {
  return {
    ...(d.cause !== undefined && { cause: d.cause }),
    ...(d.causeText !== undefined && { causeText: d.causeText }),
    ...(d.causeCategory !== undefined && { causeCategory: d.causeCategory }),
  };
}

/** Which passenger of `booking` a per-passenger target is (numbered from 1). */
function passengerOf(booking: BookingRecord, index: number): RemedyPassenger {
  const p = booking.passengers[index];
  return {
    id: p?.id ?? "",
    ...(p?.name !== undefined && p.name !== "" && { name: p.name }),
    number: index + 1,
    of: booking.passengers.length,
  };
}

function flightTargets(
  state: EngineState,
  e: D.EngineEvent,
  reach: Reach,
  shared: SharedViews,
): Target[] {
  const d = e.data as FlightData & D.CauseData;
  const cancelled = e.type === "flight.cancelled";
  const { flight, route } = shared.flight ? shared : sharedViewsOf(state, e);
  const cause = causeOf(d);
  const out: Target[] = [];
  for (const id of state.flights.get(d.flight) ?? []) {
    const booking = state.bookings.get(id);
    if (!booking) continue;
    // A passenger who accepted another flight was not on this one when it arrived.
    if (!cancelled && booking.rebooking?.accepted && booking.flight === d.flight) continue;
    const bookingView = new BookingView(booking);
    const base = {
      customer: booking.customer,
      subject: { type: "booking", id: booking.id },
      payable: new BookingPayable(booking),
      events: () => [...booking.events, e.id],
      ...cause,
    };
    const passengers = reach === "passengers" ? booking.passengers : booking.passengers.slice(0, 1);
    passengers.forEach((p, index) => {
      out.push({
        ...base,
        vars: { flight, route, booking: bookingView, passenger: new PassengerView(p, booking) },
        ...(reach === "passengers"
          ? {
              incident: `flight:${d.flight}:booking:${id}:pax:${p.id}`,
              passenger: passengerOf(booking, index),
            }
          : { incident: `flight:${d.flight}:booking:${id}` }),
      });
    });
  }
  return out;
}

/** The targets of `e` for a promise with the given reach, read from the current state. */
export function targetsOf(
  state: EngineState,
  e: D.EngineEvent,
  applied: Applied,
  reach: Reach,
  at: number,
  shared: SharedViews = {},
): Target[] {
  const customer = e.customer ?? "";
  switch (e.type) {
    case "order.placed": // A second order.placed for a known order (a new event id) is not a new purchase.
      {
        const order = applied.deadline
          ? state.orders.get((e.data as D.OrderRefData).order)
          : applied.order;
        return order ? orderTarget(e, order, `order:${order.id}`) : [];
      }
    case "order.shipped":
    case "order.delivered":
    case "order.cancelled":
    case "order.refunded": {
      const id = (e.data as D.OrderRefData).order;
      return orderTarget(e, state.orders.get(id), `order:${id}`);
    }
    case "payment.charged": {
      const d = e.data as D.PaymentChargedData;
      const order = state.orders.get(d.order);
      const charge = order?.charges.find((c) => c.id === d.payment);
      const payment = new PaymentView(
        d.payment,
        new MoneyValue(charge?.minor ?? 0n, order?.currency ?? d.currency),
        d.method,
      );
      return orderTarget(e, order, `order:${d.order}:payment:${d.payment}`, { payment });
    }
    case "booking.created":
    case "booking.rebooked": {
      const id = (e.data as { booking: string }).booking;
      const booking =
        e.type === "booking.created" && !applied.deadline
          ? applied.booking
          : state.bookings.get(id);
      if (!booking) return [];
      const view = new BookingView(booking);
      const passengers =
        reach === "passengers" ? booking.passengers : booking.passengers.slice(0, 1);
      return passengers.map((p, index) => ({
        customer: booking.customer,
        vars: { booking: view, passenger: new PassengerView(p, booking) },
        incident: `booking:${booking.id}${e.type === "booking.rebooked" ? ":rebooked" : ""}${reach === "passengers" ? `:pax:${p.id}` : ""}`,
        subject: { type: "booking", id: booking.id },
        payable: new BookingPayable(booking),
        events: () => [...booking.events],
        ...(reach === "passengers" && { passenger: passengerOf(booking, index) }),
      }));
    }
    case "flight.arrived":
    case "flight.cancelled":
      return flightTargets(state, e, reach, shared);
    case "stream.session": {
      const d = e.data as D.StreamSessionData;
      const session = new SessionView(
        d.session,
        d.title,
        d.rental,
        d.rebufferRatio,
        d.bitrateKbps,
        d.promisedQuality ?? "",
        BigInt(d.watchedSeconds ?? 0),
      );
      const order = d.order === undefined ? undefined : state.orders.get(d.order);
      if (order) return orderTarget(e, order, `order:${order.id}`, { session });
      return [
        {
          customer,
          vars: { session, order: new OrderView(EMPTY_ORDER(d.order ?? "", customer)) },
          incident: `session:${d.session}`,
          subject: { type: "session", id: d.session },
          events: () => [e.id],
        },
      ];
    }
    case "service.outage": {
      const d = e.data as D.ServiceOutageData;
      const outage =
        shared.outage ?? new OutageView(d.outage, d.service, d.start, d.end, d.cause ?? "");
      const cause = causeOf(d);
      const out: Target[] = [];
      for (const sub of state.subscribers.get(d.service)?.values() ?? []) {
        const order = state.orders.get(sub.order);
        out.push({
          customer: sub.customer,
          vars: { outage, subscription: new SubscriptionView(sub) },
          incident: `outage:${d.outage}:customer:${sub.customer}`,
          subject: { type: "order", id: sub.order },
          ...(order && { payable: new OrderPayable(order) }),
          events: () => [...(order?.events.slice(0, 1) ?? []), e.id],
          ...cause,
        });
      }
      return out;
    }
    case "support.contact": {
      const d = e.data as D.SupportContactData;
      const contact = new ContactView(
        d.contact,
        d.channel,
        BigInt(d.waitedSeconds),
        d.topic,
        d.resolved,
        applied.previousUnresolvedAt,
        applied.quickestReturnMs,
      );
      const order = d.order === undefined ? undefined : state.orders.get(d.order);
      return [
        {
          customer,
          vars: { contact, order: new OrderView(order ?? EMPTY_ORDER(d.order ?? "", customer)) },
          incident: `contact:${d.contact}`,
          subject: { type: "contact", id: d.contact },
          ...(order && { payable: new OrderPayable(order) }),
          events: () => [e.id],
        },
      ];
    }
    case "price.changed": {
      const d = e.data as D.PriceChangedData;
      const now = state.prices.get(d.sku);
      if (!now) return [];
      const price = shared.price ?? new PriceView(d.sku, new MoneyValue(now.minor, now.currency));
      return state
        .recentPurchases(d.sku, at)
        .filter((p) => p.currency === now.currency)
        .map((p) => {
          const order = state.orders.get(p.order);
          return {
            customer: p.customer,
            vars: {
              price,
              purchase: new PurchaseView(p),
              order: new OrderView(order ?? EMPTY_ORDER(p.order, p.customer)),
            },
            incident: `order:${p.order}:sku:${p.sku}:price:${now.minor}`,
            subject: { type: "order", id: p.order },
            ...(order && { payable: new OrderPayable(order) }),
            events: () => [...(order?.events.slice(0, 1) ?? []), e.id],
            granted: (amount: Money) => {
              const perUnit = amount.minor / BigInt(p.quantity);
              p.netPrice -= perUnit;
            },
          };
        });
    }
    default:
      return customer === ""
        ? []
        : [
            {
              customer,
              vars: {},
              incident: `event:${e.id}`,
              subject: { type: "event", id: e.id },
              events: () => [e.id],
            },
          ];
  }
}
