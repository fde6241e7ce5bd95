/**
 * The engine's state, as compact records. Times are epoch milliseconds and money is
 * bigint minor units in the record's currency, so a record costs a few hundred bytes
 * and serialises for checkpoints without loss.
 */

/** A payment as it was made: method and amount in its own currency (points in PTS). */
export interface PaymentRecord {
  readonly method: string;
  readonly minor: bigint;
  readonly currency: string;
}

/** One line of an order. */
export interface ItemRecord {
  readonly sku: string;
  readonly kind: string;
  readonly workId?: string;
  readonly title?: string;
  readonly price: bigint;
  readonly quantity: number;
  readonly service?: string;
  readonly period?: string;
}

/** An order and what has happened to it so far. */
export interface OrderRecord {
  readonly id: string;
  readonly customer: string;
  readonly placedAt: number;
  readonly currency: string;
  readonly items: readonly ItemRecord[];
  readonly shipping: bigint;
  readonly total: bigint;
  readonly payments: readonly PaymentRecord[];
  readonly gift: boolean;
  readonly channel?: string;
  readonly promisedDeliveryBy?: number;
  charges: { readonly id: string; readonly minor: bigint; readonly method: string }[];
  refunded: bigint;
  shippedAt?: number;
  deliveredAt?: number;
  cancelledAt?: number;
  /** Ids of the events that built this record, for explanations. */
  events: string[];
}

/** A passenger on a booking. */
export interface PassengerRecord {
  readonly id: string;
  readonly name?: string;
  readonly age?: number;
  readonly seat?: string;
  readonly guardian?: string;
}

/** A flight booking; its customer is the person who paid. */
export interface BookingRecord {
  readonly id: string;
  readonly customer: string;
  readonly flight: string;
  readonly carrier: string;
  readonly euLicensed: boolean;
  readonly origin: string;
  readonly destination: string;
  readonly passengers: readonly PassengerRecord[];
  readonly fare: bigint;
  readonly currency: string;
  readonly payments: readonly PaymentRecord[];
  readonly createdAt: number;
  refunded: bigint;
  rebooking?: { readonly toFlight: string; readonly accepted: boolean; readonly at: number };
  events: string[];
}

/** Something the customer owns, for the already-owned guard. */
export interface OwnershipRecord {
  readonly sku: string;
  readonly workId?: string;
  readonly kind: string;
  readonly title?: string;
  readonly order: string;
  readonly at: number;
  readonly price: bigint;
  readonly currency: string;
  readonly gift: boolean;
  refunded: boolean;
}

/** An active subscription, for outages and the guard. */
export interface SubscriptionRecord {
  readonly customer: string;
  readonly order: string;
  readonly sku: string;
  readonly service: string;
  readonly price: bigint;
  readonly currency: string;
  readonly period: string;
  readonly since: number;
}

/** A purchase kept for price protection while its window is open. */
export interface PurchaseRecord {
  readonly customer: string;
  readonly order: string;
  readonly sku: string;
  readonly price: bigint;
  readonly currency: string;
  readonly quantity: number;
  readonly at: number;
  /** Unit price net of price-protection refunds already granted. */
  netPrice: bigint;
}

/** What we know of a customer: profile, consents and what they own. */
export interface CustomerRecord {
  readonly id: string;
  language?: string;
  name?: string;
  segment?: string;
  tier?: string;
  country?: string;
  /** Consent by purpose (e.g. "service_notices") and by channel ("email"). */
  consents: Record<string, boolean>;
  owned: Map<string, OwnershipRecord>;
  works: Map<string, OwnershipRecord>;
  /** Per topic left unresolved, its run of unresolved contacts, for repeat-contact promises. */
  openTopics: Map<string, OpenTopic>;
}

/**
 * A topic the customer contacted us about that is not resolved yet: its run of unresolved
 * contacts since it was last resolved (or first raised). Facts only, never what a promise
 * did about them: state is shared by every Bill of Rights run over it (a backtest compares
 * two), so "escalate once per run" is the promise's condition on these facts.
 */
export interface OpenTopic {
  /** When the latest unresolved contact of the run was (epoch ms). */
  readonly at: number;
  readonly contact: string;
  /**
   * The shortest time between two consecutive unresolved contacts of the run (ms): how
   * quickly the customer has come back at best. Absent while the run has one contact; absent
   * too in snapshots taken before runs were measured, whose runs then count as if they began
   * at their latest contact (so such a run may escalate once more after the upgrade).
   */
  readonly quickestReturnMs?: number;
}
