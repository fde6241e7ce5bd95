/**
 * The engine's reading of validated event data. The event contract (`../events`) has
 * already checked every field; these are the parts the engine keeps in state.
 */
import type { CauseCategory } from "../events/cause-data.js";
import type { Localized } from "../i18n/lang.js";

export interface EngineEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly customer?: string | undefined;
  readonly data: object;
}

export interface PaymentData {
  readonly method: string;
  readonly amount: string;
  readonly currency?: string;
}

export interface OrderPlacedData {
  readonly order: string;
  readonly currency: string;
  readonly items: readonly {
    readonly sku: string;
    readonly kind: string;
    readonly workId?: string;
    readonly title?: string;
    readonly price: string;
    readonly quantity?: number;
    readonly service?: string;
    readonly period?: string;
  }[];
  readonly shipping?: string;
  readonly total?: string;
  readonly payments: readonly PaymentData[];
  readonly promisedDeliveryBy?: string;
  readonly gift?: boolean;
  readonly channel?: string;
}

export interface OrderRefData {
  readonly order: string;
  readonly deliveredAt?: string;
}

export interface OrderRefundedData {
  readonly order: string;
  readonly amount: string;
  readonly currency: string;
  readonly items?: readonly string[];
}

export interface PaymentChargedData {
  readonly order: string;
  readonly payment: string;
  readonly amount: string;
  readonly currency: string;
  readonly method: string;
}

export interface PriceChangedData {
  readonly sku: string;
  readonly price: string;
  readonly currency: string;
}

export interface BookingCreatedData {
  readonly booking: string;
  readonly flight: string;
  readonly carrier: { readonly code: string; readonly euLicensed?: boolean };
  readonly origin: string;
  readonly destination: string;
  readonly passengers: readonly {
    readonly id: string;
    readonly name?: string;
    readonly age?: number;
    readonly seat?: string;
    readonly guardian?: string;
  }[];
  readonly fare: string;
  readonly currency: string;
  readonly payments: readonly PaymentData[];
}

export interface BookingRebookedData {
  readonly booking: string;
  readonly fromFlight: string;
  readonly toFlight: string;
  readonly accepted: boolean;
}

export interface StreamSessionData {
  readonly session: string;
  readonly title: string;
  readonly order?: string;
  readonly rental: boolean;
  readonly rebufferRatio: number;
  readonly bitrateKbps: number;
  readonly promisedQuality?: string;
  readonly watchedSeconds?: number;
}

/** The cause an event states (`flight.arrived`, `flight.cancelled`, `service.outage`). */
export interface CauseData {
  readonly cause?: string;
  readonly causeText?: Partial<Localized>;
  readonly causeCategory?: CauseCategory;
}

export interface ServiceOutageData extends CauseData {
  readonly outage: string;
  readonly service: string;
  readonly start: string;
  readonly end: string;
}

export interface SupportContactData {
  readonly contact: string;
  readonly channel: string;
  readonly waitedSeconds: number;
  readonly topic: string;
  readonly resolved: boolean;
  readonly order?: string;
  readonly booking?: string;
}

export interface CustomerUpdatedData {
  readonly name?: string;
  readonly language?: string;
  readonly segment?: string;
  readonly loyaltyTier?: string;
  readonly country?: string;
}

export interface ConsentChangedData {
  readonly purpose: string;
  readonly granted: boolean;
  readonly channel?: string;
}
