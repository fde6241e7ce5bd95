/**
 * Views of shared-subject and per-customer events (flights, streams, outages, support
 * contacts, prices) for promise expressions. Built straight from validated event data.
 */
import {
  airportByIata,
  eu261Band,
  eu261Scope,
  flightDistanceKm,
  isIntraEu,
  isUsTerritory,
} from "../geo/index.js";
import { MoneyValue } from "./money-value.js";
import { minutesBetween, setIf, toDate } from "./views.js";

const ms = (iso: string): number => Date.parse(iso);

/** Flight event data as the contract defines it (`flight.arrived` and `flight.cancelled`). */
export interface FlightData {
  readonly flight: string;
  readonly carrier: { readonly code: string; readonly euLicensed?: boolean };
  readonly origin: string;
  readonly destination: string;
  readonly scheduledArrival: string;
  readonly actualArrival?: string;
  readonly scheduledDeparture?: string;
  readonly actualDeparture?: string;
  readonly noticeGivenAt?: string;
  readonly cause?: string;
  readonly controllable: boolean;
  readonly reroute?: { readonly departure: string; readonly arrival: string };
}

/** A flight that arrived or was cancelled; delays and notice are derived here once. */
export class FlightView {
  readonly id: string;
  readonly carrier: string;
  readonly euLicensed: boolean;
  readonly origin: string;
  readonly destination: string;
  readonly controllable: boolean;
  readonly cause: string;
  readonly cancelled: boolean;
  readonly scheduledArrival: Date;
  /** Minutes late at arrival (negative when early); 0 for a cancellation. */
  readonly arrivalDelayMinutes: bigint;
  /** Minutes late at departure, when the departure times are known; else 0. */
  readonly departureDelayMinutes: bigint;
  readonly rerouted: boolean;
  /** For a cancellation with a re-route: how much earlier it departs and later it arrives. */
  readonly rerouteDepartsEarlierMinutes: bigint;
  readonly rerouteArrivesLaterMinutes: bigint;
  /** For a cancellation: days of notice before the scheduled departure (fractional). */
  readonly noticeDays: number;
  declare readonly scheduledDeparture?: Date;
  declare readonly actualArrival?: Date;
  declare readonly actualDeparture?: Date;
  declare readonly noticeGivenAt?: Date;

  constructor(data: FlightData, cancelled: boolean) {
    this.id = data.flight;
    this.carrier = data.carrier.code;
    this.euLicensed = data.carrier.euLicensed ?? false;
    this.origin = data.origin;
    this.destination = data.destination;
    this.controllable = data.controllable;
    this.cause = data.cause ?? "";
    this.cancelled = cancelled;
    const schedArr = ms(data.scheduledArrival);
    this.scheduledArrival = toDate(schedArr);
    this.arrivalDelayMinutes =
      data.actualArrival === undefined ? 0n : minutesBetween(schedArr, ms(data.actualArrival));
    this.departureDelayMinutes =
      data.scheduledDeparture && data.actualDeparture
        ? minutesBetween(ms(data.scheduledDeparture), ms(data.actualDeparture))
        : 0n;
    this.rerouted = data.reroute !== undefined;
    // Rounded up, so 60 min 30 s earlier is not "no more than one hour" earlier.
    this.rerouteDepartsEarlierMinutes =
      data.reroute && data.scheduledDeparture
        ? -minutesBetween(ms(data.scheduledDeparture), ms(data.reroute.departure))
        : 0n;
    this.rerouteArrivesLaterMinutes = data.reroute
      ? minutesBetween(schedArr, ms(data.reroute.arrival))
      : 0n;
    this.noticeDays =
      data.noticeGivenAt && data.scheduledDeparture
        ? (ms(data.scheduledDeparture) - ms(data.noticeGivenAt)) / 86_400_000
        : 0;
    setIf(
      this,
      "scheduledDeparture",
      data.scheduledDeparture && toDate(ms(data.scheduledDeparture)),
    );
    setIf(this, "actualArrival", data.actualArrival && toDate(ms(data.actualArrival)));
    setIf(this, "actualDeparture", data.actualDeparture && toDate(ms(data.actualDeparture)));
    setIf(this, "noticeGivenAt", data.noticeGivenAt && toDate(ms(data.noticeGivenAt)));
  }
}

/**
 * Geography of a route, from OpenFlights airport data: great-circle distance, and the
 * EU 261 and US DOT facts the regulation packs need. Computed lazily, once per view.
 */
export class RouteView {
  #band: ReturnType<typeof eu261Band> | null = null;
  constructor(
    readonly origin: string,
    readonly destination: string,
    private readonly euCarrier: boolean,
  ) {}
  private band(): ReturnType<typeof eu261Band> {
    if (this.#band === null) this.#band = eu261Band(this.origin, this.destination);
    return this.#band;
  }
  /** Great-circle distance in km; -1 when an airport is unknown. */
  get distanceKm(): number {
    return flightDistanceKm(this.origin, this.destination) ?? -1;
  }
  get known(): boolean {
    return this.band() !== undefined;
  }
  get intraEu(): boolean {
    return isIntraEu(this.origin, this.destination) ?? false;
  }
  get eu261Covered(): boolean {
    return eu261Scope(this.origin, this.destination, this.euCarrier).covered;
  }
  /** "short" (≤ 1500 km), "medium" or "long" per Art. 7(1); "" when unknown. */
  get eu261Band(): string {
    return this.band()?.band ?? "";
  }
  get eu261Amount(): MoneyValue {
    const band = this.band();
    return new MoneyValue(BigInt(band?.amountEur ?? 0) * 100n, "EUR");
  }
  /** Hours of re-routing delay under which Art. 7(2) halves the compensation. */
  get eu261ReductionHours(): bigint {
    const band = this.band()?.band;
    return band === "short" ? 2n : band === "medium" ? 3n : 4n;
  }
  /** Either end in US territory: the flight is within reach of the US DOT rules. */
  get usCovered(): boolean {
    const a = airportByIata(this.origin);
    const b = airportByIata(this.destination);
    return (
      (a !== undefined && isUsTerritory(a.country)) || (b !== undefined && isUsTerritory(b.country))
    );
  }
  /** Both ends in US territory: the DOT rule's "domestic". */
  get domestic(): boolean {
    const a = airportByIata(this.origin);
    const b = airportByIata(this.destination);
    return (
      a !== undefined && b !== undefined && isUsTerritory(a.country) && isUsTerritory(b.country)
    );
  }
}

/** A streaming session. */
export class SessionView {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly rental: boolean,
    readonly rebufferRatio: number,
    readonly bitrateKbps: number,
    readonly promisedQuality: string,
    readonly watchedSeconds: bigint,
  ) {}
}

/** A service outage; its duration is what pro-rata credits are computed from. */
export class OutageView {
  readonly start: Date;
  readonly end: Date;
  readonly durationMinutes: bigint;
  constructor(
    readonly id: string,
    readonly service: string,
    start: string,
    end: string,
    readonly cause: string,
  ) {
    this.start = toDate(ms(start));
    this.end = toDate(ms(end));
    this.durationMinutes = minutesBetween(ms(start), ms(end));
  }
}

/** A support contact, with the previous unresolved contact on the same topic if any. */
export class ContactView {
  declare readonly previousUnresolvedAt?: Date;
  constructor(
    readonly id: string,
    readonly channel: string,
    readonly waitedSeconds: bigint,
    readonly topic: string,
    readonly resolved: boolean,
    previousUnresolvedAt: number | undefined,
  ) {
    setIf(this, "previousUnresolvedAt", previousUnresolvedAt && toDate(previousUnresolvedAt));
  }
}

/** A price change. */
export class PriceView {
  constructor(
    readonly sku: string,
    readonly price: MoneyValue,
  ) {}
}
