/**
 * What a refund can go back to: an order or a booking, with what was paid and refunded.
 * Every target of an event carries one, and most are never read (the condition fails), so
 * each is a small object over its record that reads the record only when asked.
 */
import type { BookingRecord, OrderRecord, PaymentRecord } from "./records.js";

/** Something money can go back to: an order or a booking, with what was paid and refunded. */
export interface Payable {
  readonly type: "order" | "booking";
  readonly id: string;
  readonly currency: string;
  readonly total: bigint;
  readonly payments: readonly PaymentRecord[];
  refunded: bigint;
}

/** What orders and bookings have alike; refunds are recorded on the record itself. */
abstract class RecordPayable<R extends OrderRecord | BookingRecord> implements Payable {
  abstract readonly type: "order" | "booking";
  abstract readonly total: bigint;
  constructor(protected readonly record: R) {}
  get id(): string {
    return this.record.id;
  }
  get currency(): string {
    return this.record.currency;
  }
  get payments(): readonly PaymentRecord[] {
    return this.record.payments;
  }
  get refunded(): bigint {
    return this.record.refunded;
  }
  set refunded(v: bigint) {
    this.record.refunded = v;
  }
}

/** A booking's fare. */
export class BookingPayable extends RecordPayable<BookingRecord> {
  readonly type = "booking";
  get total(): bigint {
    return this.record.fare;
  }
}

/** An order's total, or what was charged for it when that is more. */
export class OrderPayable extends RecordPayable<OrderRecord> {
  readonly type = "order";
  #total: bigint | undefined;
  get total(): bigint {
    if (this.#total === undefined) {
      const charged = this.record.charges.reduce((s, c) => s + c.minor, 0n);
      this.#total = charged > this.record.total ? charged : this.record.total;
    }
    return this.#total;
  }
}
