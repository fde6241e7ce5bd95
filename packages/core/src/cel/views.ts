/**
 * The objects promise expressions see. Each is a small class (cel-js types values by
 * constructor) built from engine records; money is `MoneyValue`, times are `Date`.
 * An optional fact reads as undefined when unknown (an absent own property, or a getter
 * returning undefined), so `has(order.deliveredAt)` works.
 */

import { eventTime } from "../engine/event-time.js";
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

/** The event being evaluated; its time is parsed on first read. */
export class EventView {
  readonly #timeIso: string;
  #time: Date | undefined;
  constructor(
    readonly id: string,
    readonly type: string,
    timeIso: string,
    readonly customer: string,
  ) {
    this.#timeIso = timeIso;
  }
  get time(): Date {
    this.#time ??= date(eventTime(this.#timeIso));
    return this.#time;
  }
}

/** The customer a remedy is for, looked up on first read (few promises read it). */
export class CustomerView {
  readonly #customers: ReadonlyMap<string, CustomerRecord>;
  #rec: CustomerRecord | null | undefined;
  constructor(
    customers: ReadonlyMap<string, CustomerRecord>,
    readonly id: string,
  ) {
    this.#customers = customers;
  }
  #record(): CustomerRecord | null {
    this.#rec ??= this.#customers.get(this.id) ?? null;
    return this.#rec;
  }
  get language(): string {
    return this.#record()?.language ?? "en";
  }
  get segment(): string {
    return this.#record()?.segment ?? "";
  }
  get tier(): string {
    return this.#record()?.tier ?? "";
  }
  get country(): string {
    return this.#record()?.country ?? "";
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

/**
 * A passenger, with their guardian's seat when they travel with one. Built for every
 * passenger a flight reaches, so fields are read from the (immutable) record on demand.
 */
export class PassengerView {
  readonly #rec: PassengerRecord;
  readonly #booking: BookingRecord;
  constructor(rec: PassengerRecord, booking: BookingRecord) {
    this.#rec = rec;
    this.#booking = booking;
  }
  get id(): string {
    return this.#rec.id;
  }
  get name(): string {
    return this.#rec.name ?? "";
  }
  get seat(): string {
    return this.#rec.seat ?? "";
  }
  get guardian(): string {
    return this.#rec.guardian ?? "";
  }
  get guardianSeat(): string {
    const id = this.#rec.guardian;
    const guardian = id ? this.#booking.passengers.find((p) => p.id === id) : undefined;
    return guardian?.seat ?? "";
  }
  /** Absent (for `has()`) when the age is not known. */
  get age(): bigint | undefined {
    const age = this.#rec.age;
    return age === undefined ? undefined : BigInt(age);
  }
}

/**
 * A flight booking. `fare` is the total; `paid` the part paid in the fare's currency.
 * Built for every booking a flight reaches, so fields are computed on first read and kept;
 * what can change later (refunds, a rebooking) is captured when the view is made.
 */
export class BookingView {
  readonly #rec: BookingRecord;
  readonly #refunded: bigint;
  readonly #rebooking: BookingRecord["rebooking"];
  #fare: MoneyValue | undefined;
  #paid: MoneyValue | undefined;
  #refundedValue: MoneyValue | undefined;
  #passengers: PassengerView[] | undefined;
  constructor(rec: BookingRecord) {
    this.#rec = rec;
    this.#refunded = rec.refunded;
    this.#rebooking = rec.rebooking;
  }
  get id(): string {
    return this.#rec.id;
  }
  get flight(): string {
    return this.#rec.flight;
  }
  get currency(): string {
    return this.#rec.currency;
  }
  get fare(): MoneyValue {
    this.#fare ??= new MoneyValue(this.#rec.fare, this.#rec.currency);
    return this.#fare;
  }
  get paid(): MoneyValue {
    const rec = this.#rec;
    this.#paid ??= new MoneyValue(paidIn(rec.payments, rec.currency), rec.currency);
    return this.#paid;
  }
  get points(): bigint {
    return this.#rec.payments.reduce((s, p) => (p.currency === "PTS" ? s + p.minor : s), 0n);
  }
  get refunded(): MoneyValue {
    this.#refundedValue ??= new MoneyValue(this.#refunded, this.#rec.currency);
    return this.#refundedValue;
  }
  get passengers(): PassengerView[] {
    const rec = this.#rec;
    this.#passengers ??= rec.passengers.map((p) => new PassengerView(p, rec));
    return this.#passengers;
  }
  get passengerCount(): bigint {
    return BigInt(this.#rec.passengers.length);
  }
  get origin(): string {
    return this.#rec.origin;
  }
  get destination(): string {
    return this.#rec.destination;
  }
  get rebooked(): boolean {
    return this.#rebooking !== undefined;
  }
  get rebookingAccepted(): boolean {
    return this.#rebooking?.accepted ?? false;
  }
  /** Payment methods used ("card", "points", …), e.g. for refund deadlines that differ by tender. */
  get methods(): string[] {
    return this.#rec.payments.map((p) => p.method);
  }
  /** Absent (for `has()`) unless the booking was rebooked. */
  get rebookedAt(): Date | undefined {
    const rebooking = this.#rebooking;
    return rebooking && date(rebooking.at);
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
