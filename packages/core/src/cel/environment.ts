/**
 * The CEL vocabulary of promises: the types, operators and functions every expression may
 * use, and which variables each event type provides. Built once per process (building an
 * environment is the slow part of cel-js); expressions are then compiled once at load.
 */
import { Environment } from "@marcbachmann/cel-js";
import { add, compare, multiplyRatio, parseMoney, parseRatio, subtract } from "../money/index.js";
import {
  ContactView,
  FlightView,
  OutageView,
  PriceView,
  RouteView,
  SessionView,
} from "./event-views.js";
import { MoneyValue } from "./money-value.js";
import {
  BookingView,
  CustomerView,
  EventView,
  ItemView,
  OrderView,
  PassengerView,
  PaymentView,
  PurchaseView,
  SubscriptionView,
} from "./views.js";

const TS = "google.protobuf.Timestamp";

/** The variables each event type offers to `when`, `amount`, `incident` and `cause`. */
export const VARIABLES_BY_EVENT: Readonly<Record<string, readonly string[]>> = {
  "customer.updated": [],
  "order.placed": ["order"],
  "order.shipped": ["order"],
  "order.delivered": ["order"],
  "order.cancelled": ["order"],
  "order.refunded": ["order"],
  "payment.charged": ["order", "payment"],
  "price.changed": ["price", "purchase", "order"],
  "booking.created": ["booking", "passenger"],
  "booking.rebooked": ["booking"],
  "flight.arrived": ["flight", "route", "booking", "passenger"],
  "flight.cancelled": ["flight", "route", "booking", "passenger"],
  "stream.session": ["session", "order"],
  "service.outage": ["outage", "subscription"],
  "support.contact": ["contact", "order"],
  "feedback.received": [],
  "consent.changed": [],
  "data.collected": [],
};

/** The variables every expression may read, whatever its event, with their CEL types. */
const EVERY_EVENT: Readonly<Record<string, string>> = {
  event: "Event",
  now: TS,
  customer: "Customer",
};

/** The names an expression on events of `eventType` may read. */
export function variablesOf(eventType: string): readonly string[] {
  return [...Object.keys(EVERY_EVENT), ...(VARIABLES_BY_EVENT[eventType] ?? [])];
}

/** The CEL type of each variable a target can offer (see `VARIABLES_BY_EVENT`). */
export const VARIABLE_TYPES: Readonly<Record<string, string>> = {
  order: "Order",
  payment: "Payment",
  price: "Price",
  purchase: "Purchase",
  booking: "Booking",
  passenger: "Passenger",
  flight: "Flight",
  route: "Route",
  session: "Session",
  outage: "Outage",
  subscription: "Subscription",
  contact: "Contact",
};

function moneyOp(op: (a: MoneyValue, b: MoneyValue) => { minor: bigint; currency: string }) {
  return (a: MoneyValue, b: MoneyValue) => MoneyValue.of(op(a, b));
}

function scale(m: MoneyValue, factor: number | bigint): MoneyValue {
  const ratio = parseRatio(typeof factor === "bigint" ? factor.toString() : factor);
  if (!ratio) throw new Error(`cannot multiply money by ${String(factor)}`);
  return MoneyValue.of(multiplyRatio(m, ratio.numerator, ratio.denominator, "half-even"));
}

function moneyOf(amount: string, currency: string): MoneyValue {
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) throw new Error(`money("${amount}", "${currency}") is not a valid amount`);
  return MoneyValue.of(parsed.value);
}

interface CelType {
  readonly ctor: new (...args: never) => unknown;
  readonly fields: Readonly<Record<string, string>>;
}

/** The CEL types promises read: the class carrying each one's values, and its fields. */
const TYPES: Readonly<Record<string, CelType>> = {
  Money: {
    ctor: MoneyValue,
    fields: { minor: "int", currency: "string", amount: "string" },
  },
  Event: {
    ctor: EventView,
    fields: { id: "string", type: "string", time: TS, customer: "string" },
  },
  Customer: {
    ctor: CustomerView,
    fields: {
      id: "string",
      language: "string",
      segment: "string",
      tier: "string",
      country: "string",
    },
  },
  Item: {
    ctor: ItemView,
    fields: {
      sku: "string",
      kind: "string",
      workId: "string",
      title: "string",
      price: "Money",
      quantity: "int",
      service: "string",
    },
  },
  Order: {
    ctor: OrderView,
    fields: {
      id: "string",
      currency: "string",
      placedAt: TS,
      items: "list<Item>",
      total: "Money",
      shipping: "Money",
      paid: "Money",
      charged: "Money",
      charges: "int",
      refunded: "Money",
      shipped: "bool",
      delivered: "bool",
      cancelled: "bool",
      gift: "bool",
      channel: "string",
      promisedDeliveryBy: TS,
      shippedAt: TS,
      deliveredAt: TS,
      cancelledAt: TS,
      methods: "list<string>",
    },
  },
  Payment: {
    ctor: PaymentView,
    fields: { id: "string", amount: "Money", method: "string" },
  },
  Passenger: {
    ctor: PassengerView,
    fields: {
      id: "string",
      name: "string",
      age: "int",
      seat: "string",
      guardian: "string",
      guardianSeat: "string",
    },
  },
  Booking: {
    ctor: BookingView,
    fields: {
      id: "string",
      flight: "string",
      currency: "string",
      fare: "Money",
      paid: "Money",
      points: "int",
      refunded: "Money",
      passengers: "list<Passenger>",
      passengerCount: "int",
      origin: "string",
      destination: "string",
      rebooked: "bool",
      rebookingAccepted: "bool",
      rebookedAt: TS,
      methods: "list<string>",
    },
  },
  Flight: {
    ctor: FlightView,
    fields: {
      id: "string",
      carrier: "string",
      euLicensed: "bool",
      origin: "string",
      destination: "string",
      controllable: "bool",
      cause: "string",
      cancelled: "bool",
      scheduledArrival: TS,
      scheduledDeparture: TS,
      actualArrival: TS,
      actualDeparture: TS,
      noticeGivenAt: TS,
      arrivalDelayMinutes: "int",
      departureDelayMinutes: "int",
      rerouted: "bool",
      rerouteDepartsEarlierMinutes: "int",
      rerouteArrivesLaterMinutes: "int",
      noticeDays: "double",
    },
  },
  Route: {
    ctor: RouteView,
    fields: {
      origin: "string",
      destination: "string",
      known: "bool",
      distanceKm: "double",
      intraEu: "bool",
      eu261Covered: "bool",
      eu261Band: "string",
      eu261Amount: "Money",
      eu261ReductionHours: "int",
      domestic: "bool",
      usCovered: "bool",
    },
  },
  Session: {
    ctor: SessionView,
    fields: {
      id: "string",
      title: "string",
      rental: "bool",
      rebufferRatio: "double",
      bitrateKbps: "double",
      promisedQuality: "string",
      watchedSeconds: "int",
    },
  },
  Outage: {
    ctor: OutageView,
    fields: {
      id: "string",
      service: "string",
      start: TS,
      end: TS,
      durationMinutes: "int",
      cause: "string",
    },
  },
  Subscription: {
    ctor: SubscriptionView,
    fields: {
      sku: "string",
      service: "string",
      order: "string",
      price: "Money",
      period: "string",
      periodMinutes: "int",
      since: TS,
    },
  },
  Contact: {
    ctor: ContactView,
    fields: {
      id: "string",
      channel: "string",
      waitedSeconds: "int",
      topic: "string",
      resolved: "bool",
      previousUnresolvedAt: TS,
      quickestReturn: "google.protobuf.Duration",
    },
  },
  Price: { ctor: PriceView, fields: { sku: "string", price: "Money" } },
  Purchase: {
    ctor: PurchaseView,
    fields: {
      order: "string",
      sku: "string",
      price: "Money",
      netPrice: "Money",
      quantity: "int",
      at: TS,
    },
  },
};

/** The fields of CEL type `type` (none for a type of CEL's own). */
export function fieldsOf(type: string): readonly string[] {
  return Object.keys(TYPES[type]?.fields ?? {});
}

function build(): Environment {
  const env = new Environment({ enableOptionalTypes: false });
  for (const [name, definition] of Object.entries(TYPES)) env.registerType(name, definition);
  env
    .registerOperator("Money + Money", moneyOp(add))
    .registerOperator("Money - Money", moneyOp(subtract))
    .registerOperator("Money * double", scale)
    .registerOperator("Money * int", scale)
    .registerOperator("Money == Money", (a: MoneyValue, b: MoneyValue) => compare(a, b) === 0)
    .registerOperator("Money < Money", (a: MoneyValue, b: MoneyValue) => compare(a, b) < 0)
    .registerOperator("Money <= Money", (a: MoneyValue, b: MoneyValue) => compare(a, b) <= 0)
    .registerOperator("Money > Money", (a: MoneyValue, b: MoneyValue) => compare(a, b) > 0)
    .registerOperator("Money >= Money", (a: MoneyValue, b: MoneyValue) => compare(a, b) >= 0)
    .registerFunction("money(string, string): Money", moneyOf)
    .registerFunction("min(Money, Money): Money", (a: MoneyValue, b: MoneyValue) =>
      compare(a, b) <= 0 ? a : b,
    )
    .registerFunction("max(Money, Money): Money", (a: MoneyValue, b: MoneyValue) =>
      compare(a, b) >= 0 ? a : b,
    )
    .registerFunction("seatsTogether(string, string): bool", seatsTogether);
  for (const [name, type] of Object.entries(EVERY_EVENT)) env.registerVariable(name, type);
  return env;
}

/**
 * Two seats are together when they are in the same row and next to each other without an
 * aisle between them (A-B-C | D-E-F | G-H-J-K on wide bodies: blocks split at C/D and F/G).
 */
export function seatsTogether(a: string, b: string): boolean {
  const pa = /^(\d+)([A-K])$/.exec(a.trim().toUpperCase());
  const pb = /^(\d+)([A-K])$/.exec(b.trim().toUpperCase());
  if (!pa || !pb || pa[1] !== pb[1]) return false;
  const la = pa[2] ?? "";
  const lb = pb[2] ?? "";
  const letters = "ABCDEFGHJK";
  const ia = letters.indexOf(la);
  const ib = letters.indexOf(lb);
  if (Math.abs(ia - ib) !== 1) return false;
  const block = (i: number) => (i <= 2 ? 0 : i <= 5 ? 1 : 2);
  return block(ia) === block(ib);
}

let base: Environment | undefined;
const byEvent = new Map<string, Environment>();

/** The environment for expressions evaluated on events of `eventType`. */
export function environmentFor(eventType: string): Environment {
  let env = byEvent.get(eventType);
  if (!env) {
    base ??= build();
    env = base.clone();
    for (const name of VARIABLES_BY_EVENT[eventType] ?? []) {
      env.registerVariable(name, VARIABLE_TYPES[name] ?? "dyn");
    }
    byEvent.set(eventType, env);
  }
  return env;
}
