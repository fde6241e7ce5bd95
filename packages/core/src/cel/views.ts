/**
 * The objects promise expressions see. Each is a small class (cel-js types values by
 * constructor) built from engine records; money is `MoneyValue`, times are `Date`.
 * Optional facts are own properties only when known, so `has(order.deliveredAt)` works.
 */
import type {
  BookingRecord,
  CustomerRecord,
  ItemRecord,
  OrderRecord,
  PassengerRecord,
  PurchaseRecord,
  SubscriptionRecord,
} from "../engine/records.js";
import { MoneyValue } from "./money-value.js";

const date = (ms: number): Date => new Date(ms);
/** Whole minutes from `from` to `to`, rounded down: 2 h 59 min 30 s late is 179 minutes late. */
const minutesBetween = (from: number, to: number): bigint =>
  BigInt(Math.floor((to - from) / 60_000));

function setIf<T extends object>(target: T, key: string, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

/** The event being evaluated. */
export class EventView {
  readonly time: Date;
  constructor(
    readonly id: string,
    readonly type: string,
    timeMs: number,
    readonly customer: string,
  ) {
    this.time = date(timeMs);
  }
}

/** The customer a remedy is for. */
export class CustomerView {
  readonly id: string;
  readonly language: string;
  readonly segment: string;
  readonly tier: string;
  readonly country: string;
  constructor(rec: CustomerRecord | undefined, id: string) {
    this.id = id;
    this.language = rec?.language ?? "en";
    this.segment = rec?.segment ?? "";
    this.tier = rec?.tier ?? "";
    this.country = rec?.country ?? "";
  }
}

/** One line of an order. */
export class ItemView {
  readonly sku: string;
  readonly kind: string;
  readonly workId: string;
  readonly title: string;
  readonly price: MoneyValue;
  readonly quantity: bigint;
  readonly service: string;
  constructor(rec: ItemRecord, currency: string) {
    this.sku = rec.sku;
    this.kind = rec.kind;
    this.workId = rec.workId ?? "";
    this.title = rec.title ?? "";
    this.price = new MoneyValue(rec.price, currency);
    this.quantity = BigInt(rec.quantity);
    this.service = rec.service ?? "";
  }
}

/** An order as it stands now. `paid` counts what was paid in the order's currency. */
export class OrderView {
  readonly id: string;
  readonly currency: string;
  readonly placedAt: Date;
  readonly items: ItemView[];
  readonly total: MoneyValue;
  readonly shipping: MoneyValue;
  readonly paid: MoneyValue;
  readonly charged: MoneyValue;
  readonly charges: bigint;
  readonly refunded: MoneyValue;
  readonly shipped: boolean;
  readonly delivered: boolean;
  readonly cancelled: boolean;
  readonly gift: boolean;
  readonly channel: string;
  /** Payment methods used ("card", "points", …), for promises that differ by tender. */
  readonly methods: string[];
  declare readonly promisedDeliveryBy?: Date;
  declare readonly shippedAt?: Date;
  declare readonly deliveredAt?: Date;
  declare readonly cancelledAt?: Date;
  constructor(rec: OrderRecord) {
    const cur = rec.currency;
    this.id = rec.id;
    this.currency = cur;
    this.placedAt = date(rec.placedAt);
    this.items = rec.items.map((i) => new ItemView(i, cur));
    this.total = new MoneyValue(rec.total, cur);
    this.shipping = new MoneyValue(rec.shipping, cur);
    this.paid = new MoneyValue(paidIn(rec.payments, cur), cur);
    this.charged = new MoneyValue(
      rec.charges.reduce((s, c) => s + c.minor, 0n),
      cur,
    );
    this.charges = BigInt(rec.charges.length);
    this.refunded = new MoneyValue(rec.refunded, cur);
    this.shipped = rec.shippedAt !== undefined;
    this.delivered = rec.deliveredAt !== undefined;
    this.cancelled = rec.cancelledAt !== undefined;
    this.gift = rec.gift;
    this.channel = rec.channel ?? "";
    this.methods = rec.payments.map((p) => p.method);
    setIf(this, "promisedDeliveryBy", rec.promisedDeliveryBy && date(rec.promisedDeliveryBy));
    setIf(this, "shippedAt", rec.shippedAt && date(rec.shippedAt));
    setIf(this, "deliveredAt", rec.deliveredAt && date(rec.deliveredAt));
    setIf(this, "cancelledAt", rec.cancelledAt && date(rec.cancelledAt));
  }
}

/** The sum of payments made in `currency` (points and other currencies are not cash paid). */
export function paidIn(
  payments: readonly { readonly minor: bigint; readonly currency: string }[],
  currency: string,
): bigint {
  let sum = 0n;
  for (const p of payments) if (p.currency === currency) sum += p.minor;
  return sum;
}

/** A `payment.charged` event. */
export class PaymentView {
  constructor(
    readonly id: string,
    readonly amount: MoneyValue,
    readonly method: string,
  ) {}
}

/** A passenger, with their guardian's seat when they travel with one. */
export class PassengerView {
  readonly id: string;
  readonly name: string;
  readonly seat: string;
  readonly guardian: string;
  readonly guardianSeat: string;
  declare readonly age?: bigint;
  constructor(rec: PassengerRecord, booking: BookingRecord) {
    this.id = rec.id;
    this.name = rec.name ?? "";
    this.seat = rec.seat ?? "";
    this.guardian = rec.guardian ?? "";
    const guardian = rec.guardian
      ? booking.passengers.find((p) => p.id === rec.guardian)
      : undefined;
    this.guardianSeat = guardian?.seat ?? "";
    setIf(this, "age", rec.age === undefined ? undefined : BigInt(rec.age));
  }
}

/** A flight booking. `fare` is the total; `paid` the part paid in the fare's currency. */
export class BookingView {
  readonly id: string;
  readonly flight: string;
  readonly currency: string;
  readonly fare: MoneyValue;
  readonly paid: MoneyValue;
  readonly points: bigint;
  readonly refunded: MoneyValue;
  readonly passengers: PassengerView[];
  readonly passengerCount: bigint;
  readonly origin: string;
  readonly destination: string;
  readonly rebooked: boolean;
  readonly rebookingAccepted: boolean;
  /** Payment methods used ("card", "points", …), e.g. for refund deadlines that differ by tender. */
  readonly methods: string[];
  declare readonly rebookedAt?: Date;
  constructor(rec: BookingRecord) {
    this.id = rec.id;
    this.flight = rec.flight;
    this.currency = rec.currency;
    this.fare = new MoneyValue(rec.fare, rec.currency);
    this.paid = new MoneyValue(paidIn(rec.payments, rec.currency), rec.currency);
    this.points = rec.payments.reduce((s, p) => (p.currency === "PTS" ? s + p.minor : s), 0n);
    this.refunded = new MoneyValue(rec.refunded, rec.currency);
    this.passengers = rec.passengers.map((p) => new PassengerView(p, rec));
    this.passengerCount = BigInt(rec.passengers.length);
    this.origin = rec.origin;
    this.destination = rec.destination;
    this.rebooked = rec.rebooking !== undefined;
    this.rebookingAccepted = rec.rebooking?.accepted ?? false;
    this.methods = rec.payments.map((p) => p.method);
    setIf(this, "rebookedAt", rec.rebooking && date(rec.rebooking.at));
  }
}

/** An active subscription reached by an outage. */
export class SubscriptionView {
  readonly sku: string;
  readonly service: string;
  readonly order: string;
  readonly price: MoneyValue;
  readonly period: string;
  /** Minutes in one billing period (a month counts as 30 days, a year as 365). */
  readonly periodMinutes: bigint;
  /** When the subscription started: an outage before it did not affect this customer. */
  readonly since: Date;
  constructor(rec: SubscriptionRecord) {
    this.since = date(rec.since);
    this.sku = rec.sku;
    this.service = rec.service;
    this.order = rec.order;
    this.price = new MoneyValue(rec.price, rec.currency);
    this.period = rec.period;
    this.periodMinutes = rec.period === "year" ? 525_600n : 43_200n;
  }
}

/** A purchase within a price-protection window. */
export class PurchaseView {
  readonly order: string;
  readonly sku: string;
  readonly price: MoneyValue;
  readonly netPrice: MoneyValue;
  readonly quantity: bigint;
  readonly at: Date;
  constructor(rec: PurchaseRecord) {
    this.order = rec.order;
    this.sku = rec.sku;
    this.price = new MoneyValue(rec.price, rec.currency);
    this.netPrice = new MoneyValue(rec.netPrice, rec.currency);
    this.quantity = BigInt(rec.quantity);
    this.at = date(rec.at);
  }
}

export { date as toDate, minutesBetween, setIf };
