/**
 * Journey-stage metrics in real time, in event time: buy (purchases), receive (delivery
 * lateness), use (streaming rebuffer ratio, flight arrival delay), get help (support wait).
 * Each event costs O(1) per window; a snapshot merges each window's interval sketches.
 */
import type { GoodfaithEvent } from "@goodfaith/core";
import { WindowedCount } from "./count.js";
import { type DistributionSummary, WindowedDistribution } from "./metric.js";
import type { WindowSpec } from "./ring.js";
import { DEFAULT_RELATIVE_ACCURACY } from "./signed-sketch.js";
import { DEFAULT_WINDOWS } from "./windows.js";

/** The stages of a customer's journey. */
export const JOURNEY_STAGES = ["buy", "receive", "use", "getHelp"] as const;

/** One of the stages. */
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/** Every metric: its stage and unit. Negative lateness or delay means early. */
export const JOURNEY_METRICS = {
  purchases: { stage: "buy", unit: "count" },
  deliveryLatenessHours: { stage: "receive", unit: "hours" },
  rebufferRatio: { stage: "use", unit: "ratio" },
  arrivalDelayMinutes: { stage: "use", unit: "minutes" },
  supportWaitSeconds: { stage: "getHelp", unit: "seconds" },
} as const satisfies Readonly<Record<string, { stage: JourneyStage; unit: string }>>;

/** The name of a metric. */
export type JourneyMetricName = keyof typeof JOURNEY_METRICS;

type DistributionName = Exclude<JourneyMetricName, "purchases">;

/** Journey metric options. */
export interface JourneyMetricsOptions {
  /** @default DEFAULT_WINDOWS (5 min, 1 h, 24 h) */
  readonly windows?: readonly WindowSpec[];
  /** The sketches' relative accuracy α. @default 0.01 */
  readonly relativeAccuracy?: number;
}

/** All metrics at one instant: per metric, per window (and `all`), a summary. */
export interface JourneySnapshot {
  /** The instant the windows end at, epoch ms. */
  readonly at: number;
  readonly relativeAccuracy: number;
  readonly purchases: Readonly<Record<string, { readonly count: number }>>;
  readonly distributions: Readonly<
    Record<DistributionName, Readonly<Record<string, DistributionSummary>>>
  >;
}

interface DeliveryJoin {
  readonly promisedBy?: number | null;
  /** `at`: the event time of the delivery event; `time`: when the parcel arrived. */
  readonly delivered?: { readonly at: number; readonly time: number };
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Live journey metrics, fed validated events as they are ingested. */
export class JourneyMetrics {
  readonly relativeAccuracy: number;
  readonly #purchases: WindowedCount;
  readonly #distributions: Readonly<Record<DistributionName, WindowedDistribution>>;
  /**
   * Orders waiting for the other half of the lateness join: the order (its promised date, or
   * null when it promised none) or its delivery. Memory: the orders in flight.
   */
  readonly #deliveries = new Map<string, DeliveryJoin>();
  #watermark = Number.NEGATIVE_INFINITY;

  constructor(options: JourneyMetricsOptions = {}) {
    const windows = options.windows ?? DEFAULT_WINDOWS;
    this.relativeAccuracy = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    const distribution = () => new WindowedDistribution(windows, this.relativeAccuracy);
    this.#purchases = new WindowedCount(windows);
    this.#distributions = {
      deliveryLatenessHours: distribution(),
      rebufferRatio: distribution(),
      arrivalDelayMinutes: distribution(),
      supportWaitSeconds: distribution(),
    };
  }

  /** The latest event time seen, epoch ms. */
  get watermark(): number {
    return this.#watermark;
  }

  /** Records what an event says about the journey; other events are ignored. */
  observe(event: GoodfaithEvent): void {
    if (event.known === false) return;
    const at = Date.parse(event.time);
    this.#watermark = Math.max(this.#watermark, at);
    const d = this.#distributions;
    switch (event.type) {
      case "order.placed": {
        this.#purchases.add(at);
        const due = event.data.promisedDeliveryBy;
        const promisedBy = due === undefined ? null : Date.parse(due);
        this.#join(event.customer, event.data.order, { promisedBy });
        break;
      }
      case "booking.created":
        this.#purchases.add(at);
        break;
      case "order.delivered": {
        const time = event.data.deliveredAt === undefined ? at : Date.parse(event.data.deliveredAt);
        this.#join(event.customer, event.data.order, { delivered: { at, time } });
        break;
      }
      case "order.cancelled":
        this.#deliveries.delete(`${event.customer}\u001f${event.data.order}`);
        break;
      case "stream.session":
        d.rebufferRatio.add(at, event.data.rebufferRatio);
        break;
      case "flight.arrived": {
        const delay =
          Date.parse(event.data.actualArrival) - Date.parse(event.data.scheduledArrival);
        d.arrivalDelayMinutes.add(at, delay / MINUTE);
        break;
      }
      case "support.contact":
        d.supportWaitSeconds.add(at, event.data.waitedSeconds);
        break;
      default:
        break;
    }
  }

  /** Every metric over every window ending at `now` (default: the watermark). */
  snapshot(now: number = this.#watermark): JourneySnapshot {
    const distributions = Object.fromEntries(
      Object.entries(this.#distributions).map(([name, dist]) => [name, dist.summary(now)]),
    ) as JourneySnapshot["distributions"];
    return {
      at: now,
      relativeAccuracy: this.relativeAccuracy,
      purchases: this.#purchases.summary(now),
      distributions,
    };
  }

  /**
   * Folds another partition's metrics into this one (same windows and accuracy). Partitions
   * keyed by customer keep each order's lateness join inside one partition, so only finished
   * observations need merging.
   */
  mergeFrom(other: JourneyMetrics): void {
    this.#watermark = Math.max(this.#watermark, other.#watermark);
    this.#purchases.mergeFrom(other.#purchases);
    for (const name of Object.keys(this.#distributions) as DistributionName[])
      this.#distributions[name].mergeFrom(other.#distributions[name]);
  }

  // Lateness needs the order's promised date and its delivery, which may arrive in either order.
  #join(customer: string, order: string, part: DeliveryJoin): void {
    const key = `${customer}\u001f${order}`;
    const known = { ...this.#deliveries.get(key), ...part };
    if (known.promisedBy === undefined || known.delivered === undefined) {
      this.#deliveries.set(key, known);
      return;
    }
    this.#deliveries.delete(key);
    if (known.promisedBy === null) return;
    const lateness = (known.delivered.time - known.promisedBy) / HOUR;
    this.#distributions.deliveryLatenessHours.add(known.delivered.at, lateness);
  }
}
