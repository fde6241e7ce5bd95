/**
 * The whole demo scenario from one seed: the customer pool, the airline stream on the real
 * flights, and the shop, video and support streams, merged in event-time order. Each stream
 * draws from its own generator forked from the seed, so the streams do not shift each other.
 */
import { airlineStream } from "./airline.js";
import { customerEvents, customerPool } from "./customers.js";
import { byEventTime, type DemoEvent } from "./event.js";
import { type FlightRow, loadFlightRows, yearShift } from "./flights.js";
import { Random } from "./random.js";
import { retailStream } from "./retail.js";
import { streamingStream } from "./streaming.js";
import { supportStream } from "./support.js";

/** The default seed (EU Regulation 261/2004, for luck). */
export const DEFAULT_SEED = 261;

/** How big the generated streams are. */
export interface ScenarioSize {
  readonly customers: number;
  readonly orders: number;
  readonly subscribers: number;
  readonly rentals: number;
  readonly contacts: number;
}

/** The sizes `goodfaith demo` uses. */
export const DEMO_SIZE: ScenarioSize = {
  customers: 5000,
  orders: 700,
  subscribers: 150,
  rentals: 260,
  contacts: 500,
};

/** A generated scenario and what the demo says about it. */
export interface Scenario {
  readonly events: readonly DemoEvent[];
  /** Real flights used, and how many years their dates were moved. */
  readonly flights: { readonly count: number; readonly yearShift: number };
  /** A customer and an e-book they own, for the guard example. */
  readonly owned: { readonly customer: string; readonly sku: string; readonly kind: string };
  /** A customer whose flight landed three hours late, for the customer example. */
  readonly delayedCustomer?: string;
}

const PROFILES_FROM = Date.UTC(2025, 9, 1);
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 2, 31);

/** Generates the scenario for `seed` over `rows` (default: every real flight of flights-10k). */
export function generateScenario(
  seed: number,
  size: ScenarioSize = DEMO_SIZE,
  rows?: readonly FlightRow[],
): Scenario {
  const flights = rows ?? loadFlightRows();
  const root = new Random(seed);
  const [people, air, shop, play, care] = [
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
    root.fork(),
  ];
  const pool = customerPool(size.customers, people);
  const airline = airlineStream(flights, pool, air);
  const retail = retailStream(pool, size.orders, FROM, TO, shop);
  const streaming = streamingStream(pool, size, FROM, TO, play);
  const support = supportStream(
    {
      pool,
      delayed: airline.delayed,
      late: retail.late,
      contacts: size.contacts,
      start: FROM,
      end: TO - 3 * 86_400_000,
    },
    care,
  );
  return {
    events: byEventTime([
      customerEvents(pool, PROFILES_FROM, people),
      airline.events,
      retail.events,
      streaming,
      support,
    ]),
    flights: { count: flights.length, yearShift: yearShift(flights) },
    owned: retail.owned,
    ...(airline.delayed[0] && { delayedCustomer: airline.delayed[0].customer }),
  };
}
