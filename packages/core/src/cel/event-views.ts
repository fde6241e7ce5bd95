/**
 * Views of shared-subject and per-customer events (flights, streams, outages, support
 * contacts, prices) for promise expressions. Built straight from validated event data.
 */

import { evaluate } from "@marcbachmann/cel-js";
import { eventTime } from "../engine/event-time.js";
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

const ms = eventTime;
/** An optional RFC 3339 fact as a Date; undefined (absent to `has()`) when not given. */
const dateOf = (iso: string | undefined): Date | undefined => (iso ? toDate(ms(iso)) : undefined);

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

/**
 * A flight that arrived or was cancelled. Most flights fail a promise's first test (on time,
 * or not the airline's fault), so each derived fact is computed on first read and kept.
 */
export class FlightView {
  readonly #d: FlightData;
  readonly cancelled: boolean;
  #scheduledArrivalMs: number | undefined;
  #scheduledArrival: Date | undefined;
  #arrivalDelay: bigint | undefined;
  #departureDelay: bigint | undefined;

  constructor(data: FlightData, cancelled: boolean) {
    this.#d = data;
    this.cancelled = cancelled;
  }
  get id(): string {
    return this.#d.flight;
  }
  get carrier(): string {
    return this.#d.carrier.code;
  }
  get euLicensed(): boolean {
    return this.#d.carrier.euLicensed ?? false;
  }
  get origin(): string {
    return this.#d.origin;
  }
  get destination(): string {
    return this.#d.destination;
  }
  get controllable(): boolean {
    return this.#d.controllable;
  }
  get cause(): string {
    return this.#d.cause ?? "";
  }
  #schedArr(): number {
    this.#scheduledArrivalMs ??= ms(this.#d.scheduledArrival);
    return this.#scheduledArrivalMs;
  }
  get scheduledArrival(): Date {
    this.#scheduledArrival ??= toDate(this.#schedArr());
    return this.#scheduledArrival;
  }
  /** Minutes late at arrival (negative when early); 0 for a cancellation. */
  get arrivalDelayMinutes(): bigint {
    const d = this.#d;
    this.#arrivalDelay ??=
      d.actualArrival === undefined ? 0n : minutesBetween(this.#schedArr(), ms(d.actualArrival));
    return this.#arrivalDelay;
  }
  /** Minutes late at departure, when the departure times are known; else 0. */
  get departureDelayMinutes(): bigint {
    const d = this.#d;
    this.#departureDelay ??=
      d.scheduledDeparture && d.actualDeparture
        ? minutesBetween(ms(d.scheduledDeparture), ms(d.actualDeparture))
        : 0n;
    return this.#departureDelay;
  }
  get rerouted(): boolean {
    return this.#d.reroute !== undefined;
  }
  /** For a cancellation with a re-route: how much earlier it departs and later it arrives. */
  get rerouteDepartsEarlierMinutes(): bigint {
    const d = this.#d;
    // Rounded up, so 60 min 30 s earlier is not "no more than one hour" earlier.
    return d.reroute && d.scheduledDeparture
      ? -minutesBetween(ms(d.scheduledDeparture), ms(d.reroute.departure))
      : 0n;
  }
  get rerouteArrivesLaterMinutes(): bigint {
    const d = this.#d;
    return d.reroute ? minutesBetween(this.#schedArr(), ms(d.reroute.arrival)) : 0n;
  }
  /** For a cancellation: days of notice before the scheduled departure (fractional). */
  get noticeDays(): number {
    const d = this.#d;
    return d.noticeGivenAt && d.scheduledDeparture
      ? (ms(d.scheduledDeparture) - ms(d.noticeGivenAt)) / 86_400_000
      : 0;
  }
  // Optional facts read as undefined when unknown, so `has(flight.actualArrival)` works.
  get scheduledDeparture(): Date | undefined {
    return dateOf(this.#d.scheduledDeparture);
  }
  get actualArrival(): Date | undefined {
    return dateOf(this.#d.actualArrival);
  }
  get actualDeparture(): Date | undefined {
    return dateOf(this.#d.actualDeparture);
  }
  get noticeGivenAt(): Date | undefined {
    return dateOf(this.#d.noticeGivenAt);
  }
}

/**
 * Routes already described, by origin, destination and whether the carrier holds an EU
 * licence; bounded, as a stream of bad airport codes must not grow it without end.
 */
const routes = new Map<string, Map<string, [RouteView?, RouteView?]>>();
let routeCount = 0;
const MAX_ROUTES = 50_000;

/**
 * Geography of a route, from OpenFlights airport data: great-circle distance, and the
 * EU 261 and US DOT facts the regulation packs need. Each fact is computed on first read
 * and kept; `RouteView.of` shares one view per route, so they are computed once per route
 * rather than once per flight (the airport data does not change while the process runs).
 */
export class RouteView {
  #band: ReturnType<typeof eu261Band> | null = null;
  #covered: boolean | undefined;
  #distanceKm: number | undefined;
  #intraEu: boolean | undefined;
  #amount: MoneyValue | undefined;
  #usEnds: number | undefined;
  constructor(
    readonly origin: string,
    readonly destination: string,
    private readonly euCarrier: boolean,
  ) {}

  /** The view of a route, shared by every flight on it. */
  static of(origin: string, destination: string, euCarrier: boolean): RouteView {
    if (routeCount >= MAX_ROUTES) {
      routes.clear();
      routeCount = 0;
    }
    let byDestination = routes.get(origin);
    if (!byDestination) {
      byDestination = new Map();
      routes.set(origin, byDestination);
    }
    let pair = byDestination.get(destination);
    if (!pair) {
      pair = [];
      byDestination.set(destination, pair);
    }
    const i = euCarrier ? 1 : 0;
    let view = pair[i];
    if (!view) {
      view = new RouteView(origin, destination, euCarrier);
      pair[i] = view;
      routeCount++;
    }
    return view;
  }

  private band(): ReturnType<typeof eu261Band> {
    if (this.#band === null) this.#band = eu261Band(this.origin, this.destination);
    return this.#band;
  }
  /** How many ends are in US territory: 0, 1 or 2 (an unknown airport is not). */
  private usEnds(): number {
    if (this.#usEnds === undefined) {
      const us = (code: string) => {
        const airport = airportByIata(code);
        return airport !== undefined && isUsTerritory(airport.country) ? 1 : 0;
      };
      this.#usEnds = us(this.origin) + us(this.destination);
    }
    return this.#usEnds;
  }
  /** Great-circle distance in km; -1 when an airport is unknown. */
  get distanceKm(): number {
    this.#distanceKm ??= flightDistanceKm(this.origin, this.destination) ?? -1;
    return this.#distanceKm;
  }
  get known(): boolean {
    return this.band() !== undefined;
  }
  get intraEu(): boolean {
    this.#intraEu ??= isIntraEu(this.origin, this.destination) ?? false;
    return this.#intraEu;
  }
  get eu261Covered(): boolean {
    this.#covered ??= eu261Scope(this.origin, this.destination, this.euCarrier).covered;
    return this.#covered;
  }
  /** "short" (≤ 1500 km), "medium" or "long" per Art. 7(1); "" when unknown. */
  get eu261Band(): string {
    return this.band()?.band ?? "";
  }
  get eu261Amount(): MoneyValue {
    this.#amount ??= new MoneyValue(BigInt(this.band()?.amountEur ?? 0) * 100n, "EUR");
    return this.#amount;
  }
  /** Hours of re-routing delay under which Art. 7(2) halves the compensation. */
  get eu261ReductionHours(): bigint {
    const band = this.band()?.band;
    return band === "short" ? 2n : band === "medium" ? 3n : 4n;
  }
  /** Either end in US territory: the flight is within reach of the US DOT rules. */
  get usCovered(): boolean {
    return this.usEnds() > 0;
  }
  /** Both ends in US territory: the DOT rule's "domestic". */
  get domestic(): boolean {
    return this.usEnds() === 2;
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

/** A CEL duration (`google.protobuf.Duration`) of `ms` milliseconds. */
export interface CelDuration {
  readonly seconds: bigint;
  readonly nanos: number;
}

interface DurationClass {
  fromMilliseconds(ms: number): CelDuration;
}
let durationClass: DurationClass | undefined;

/**
 * `ms` as a CEL duration. cel-js exports no class for durations, so the one its own
 * `duration()` returns makes them: a view's durations are what CEL's operators expect.
 */
export function celDuration(ms: number): CelDuration {
  durationClass ??= (evaluate('duration("0s")') as object).constructor as unknown as DurationClass;
  return durationClass.fromMilliseconds(ms);
}

/**
 * A support contact, with the run of unresolved contacts on its topic before it, if any:
 * when the latest of them was, and how quickly the customer had come back at best.
 */
export class ContactView {
  declare readonly previousUnresolvedAt?: Date;
  declare readonly quickestReturn?: CelDuration;
  constructor(
    readonly id: string,
    readonly channel: string,
    readonly waitedSeconds: bigint,
    readonly topic: string,
    readonly resolved: boolean,
    previousUnresolvedAt: number | undefined,
    quickestReturnMs?: number,
  ) {
    setIf(this, "previousUnresolvedAt", previousUnresolvedAt && toDate(previousUnresolvedAt));
    setIf(
      this,
      "quickestReturn",
      quickestReturnMs === undefined ? undefined : celDuration(quickestReturnMs),
    );
  }
}

/** A price change. */
export class PriceView {
  constructor(
    readonly sku: string,
    readonly price: MoneyValue,
  ) {}
}
