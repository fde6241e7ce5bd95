/**
 * The video stream (Northwind Play, in dollars): subscriptions, film rentals and how each
 * viewing actually played, and service outages. About one rental in eight plays below what
 * was sold; two outages last long enough to credit every subscriber, one is too short to.
 */
import { money, toDecimalString } from "@goodfaith/core";
import type { DemoCustomer } from "./customers.js";
import { DAY, type DemoEvent, HOUR, iso, MINUTE } from "./event.js";
import { paymentMix } from "./payments.js";
import type { Random } from "./random.js";

const SERVICE = "play-video";

const TITLES = [
  { title: "Arrival", quality: "UHD", cents: 599 },
  { title: "Parasite", quality: "HD", cents: 399 },
  { title: "Persona", quality: "SD", cents: 299 },
  { title: "Spirited Away", quality: "HD", cents: 399 },
  { title: "The Seventh Seal", quality: "SD", cents: 299 },
  { title: "Dune: Part Two", quality: "UHD", cents: 599 },
  { title: "In the Mood for Love", quality: "HD", cents: 399 },
] as const;

// Bitrate each tier is sold with (the pack's floors are 1.5, 5 and 15 Mbit/s).
const GOOD_KBPS = { SD: 2500, HD: 7000, UHD: 18000 } as const;

/** The outages of the scenario: start (days after the start, hour) and minutes down. */
const OUTAGES = [
  {
    day: 20,
    hour: 20,
    minutes: 95,
    cause: "A database failover did not complete, so playback could not start.",
    causeText: {
      "zh-CN": "数据库故障切换未能完成，因此无法开始播放。",
      sv: "Databasens byte till reservsystemet blev inte klart, så uppspelningen kunde inte starta.",
    },
  },
  {
    day: 47,
    hour: 13,
    minutes: 12,
    cause: "A configuration change was rolled back.",
    causeText: {
      "zh-CN": "一项配置变更被回滚。",
      sv: "En konfigurationsändring rullades tillbaka.",
    },
  },
  {
    day: 63,
    hour: 21,
    minutes: 38,
    cause: "A certificate expired on the video servers and was renewed.",
    causeText: {
      "zh-CN": "视频服务器上的一个证书过期，已重新续期。",
      sv: "Ett certifikat gick ut på videoservrarna och förnyades.",
    },
  },
] as const;

/** `subscribers` subscriptions at the start and `rentals` rentals up to `end`. */
export function streamingStream(
  pool: readonly DemoCustomer[],
  sizes: { readonly subscribers: number; readonly rentals: number },
  start: number,
  end: number,
  rnd: Random,
): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (let n = 0; n < sizes.subscribers; n++) {
    const customer = rnd.pick(pool);
    const yearly = rnd.chance(0.25);
    const price = money(yearly ? 17999n : 1799n, "USD");
    const order = `s-${10_001 + n}`;
    events.push({
      id: `bill-${order}`,
      type: "order.placed",
      time: iso(start + rnd.int(0, 3 * 24 * 60) * MINUTE),
      customer: customer.id,
      data: {
        order,
        currency: "USD",
        items: [
          {
            sku: yearly ? "plan-premium-year" : "plan-premium-month",
            kind: "subscription",
            title: yearly ? "Northwind Play Premium (yearly)" : "Northwind Play Premium",
            price: yearly ? "179.99" : "17.99",
            service: SERVICE,
            period: yearly ? "year" : "month",
          },
        ],
        total: toDecimalString(price),
        payments: paymentMix(price, "card", rnd),
      },
    });
  }
  for (let n = 0; n < sizes.rentals; n++) {
    const customer = rnd.pick(pool);
    const film = rnd.pick(TITLES);
    const price = money(BigInt(film.cents), "USD");
    const order = `r-${20_001 + n}`;
    const placed =
      start + 4 * DAY + rnd.int(0, Math.floor((end - start - 6 * DAY) / MINUTE)) * MINUTE;
    const sku = `rent-${film.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${film.quality.toLowerCase()}`;
    events.push({
      id: `store-${order}`,
      type: "order.placed",
      time: iso(placed),
      customer: customer.id,
      data: {
        order,
        currency: "USD",
        items: [
          {
            sku,
            kind: "digital",
            title: `${film.title} (${film.quality}, 48-hour rental)`,
            price: toDecimalString(price),
          },
        ],
        total: toDecimalString(price),
        payments: paymentMix(price, rnd.weighted({ card: 75, points: 25 }), rnd),
      },
    });
    const poor = rnd.chance(0.12);
    const sessions = rnd.int(1, 3);
    for (let k = 0; k < sessions; k++) {
      // A poor rental keeps stalling (2.5–8 % of the time) or drops below its tier's floor.
      const stalls = poor && rnd.chance(0.6);
      const good = GOOD_KBPS[film.quality];
      events.push({
        id: `qoe-${order}-${k + 1}`,
        type: "stream.session",
        time: iso(placed + (1 + k * 10) * HOUR + rnd.int(0, 59) * MINUTE),
        customer: customer.id,
        data: {
          session: `ss-${order}-${k + 1}`,
          title: film.title,
          order,
          rental: true,
          rebufferRatio: stalls ? 0.025 + rnd.next() * 0.055 : Math.round(rnd.next() * 120) / 10000,
          bitrateKbps: poor && !stalls ? Math.round(good * 0.45) : good + rnd.int(-200, 800),
          promisedQuality: film.quality,
          watchedSeconds: rnd.int(900, 7800),
        },
      });
    }
  }
  OUTAGES.forEach((o, k) => {
    const from = start + o.day * DAY + o.hour * HOUR;
    const to = from + o.minutes * MINUTE;
    events.push({
      id: `ops-outage-${k + 1}`,
      type: "service.outage",
      time: iso(to + 20 * MINUTE),
      data: {
        outage: `inc-${7781 + k}`,
        service: SERVICE,
        start: iso(from),
        end: iso(to),
        cause: o.cause,
        causeText: o.causeText,
        causeCategory: "technical",
      },
    });
  });
  return events;
}
