/**
 * The shop stream (Northwind Market, in euros): orders from a small catalogue, charges,
 * shipping and delivery, and price changes. Most orders go well; the seed makes some late,
 * some never shipped, some charged twice, and drops some prices within two weeks of a sale,
 * so that every retail promise has something to keep.
 */
import { money, toDecimalString } from "@goodfaith/core";
import type { DemoCustomer } from "./customers.js";
import { DAY, type DemoEvent, HOUR, iso, MINUTE } from "./event.js";
import { paymentMix } from "./payments.js";
import type { Random } from "./random.js";

type Kind = "physical" | "book" | "digital" | "consumable";

interface Product {
  readonly sku: string;
  readonly kind: Kind;
  readonly title: string;
  /** Price in cents. */
  readonly cents: number;
  readonly workId?: string;
}

const CATALOGUE: readonly Product[] = [
  { sku: "kettle-steel", kind: "physical", title: "Steel kettle 1.7 l", cents: 4900 },
  { sku: "headphones-nc700", kind: "physical", title: "Noise-cancelling headphones", cents: 12900 },
  { sku: "lamp-desk-oak", kind: "physical", title: "Oak desk lamp", cents: 3500 },
  { sku: "blanket-wool-grey", kind: "physical", title: "Wool blanket, grey", cents: 7900 },
  { sku: "rug-jute-160", kind: "physical", title: "Jute rug 160 cm", cents: 8900 },
  { sku: "mug-set-4", kind: "physical", title: "Stoneware mugs, set of 4", cents: 2400 },
  { sku: "pan-cast-iron", kind: "physical", title: "Cast-iron pan 28 cm", cents: 5900 },
  { sku: "speaker-mini", kind: "physical", title: "Portable speaker", cents: 6900 },
  { sku: "coffee-beans-1kg", kind: "consumable", title: "Coffee beans 1 kg", cents: 2290 },
  { sku: "tea-sencha-250", kind: "consumable", title: "Sencha tea 250 g", cents: 1190 },
  {
    sku: "book-three-body",
    kind: "book",
    title: "The Three-Body Problem (paperback)",
    cents: 1490,
    workId: "w-three-body",
  },
  {
    sku: "book-moomin",
    kind: "book",
    title: "Finn Family Moomintroll (hardback)",
    cents: 1990,
    workId: "w-moomin",
  },
  {
    sku: "book-kitchen",
    kind: "book",
    title: "Salt Fat Acid Heat (hardback)",
    cents: 3200,
    workId: "w-salt-fat",
  },
  {
    sku: "ebook-three-body",
    kind: "digital",
    title: "The Three-Body Problem (e-book)",
    cents: 999,
    workId: "w-three-body",
  },
  {
    sku: "ebook-moomin",
    kind: "digital",
    title: "Finn Family Moomintroll (e-book)",
    cents: 799,
    workId: "w-moomin",
  },
  {
    sku: "ebook-pippi",
    kind: "digital",
    title: "Pippi Longstocking (e-book)",
    cents: 699,
    workId: "w-pippi",
  },
];

// Prices that drop during the scenario (by 10–25 %), and when, as days after the start.
const DROPS = 9;

/** An order that reached its customer late, or not at all, for the support stream. */
export interface LateOrder {
  readonly customer: string;
  readonly order: string;
  /** When we promised it (late delivery) or when it should have shipped (not shipped). */
  readonly dueAt: number;
}

/** What the shop stream holds, and what the other streams and the demo's help refer to. */
export interface RetailStream {
  readonly events: DemoEvent[];
  readonly late: LateOrder[];
  /** A customer who bought an e-book, and the e-book: the guard's "already owned" example. */
  readonly owned: { readonly customer: string; readonly sku: string; readonly kind: string };
}

/** `count` orders between `start` and `end` by customers of `pool`. */
export function retailStream(
  pool: readonly DemoCustomer[],
  count: number,
  start: number,
  end: number,
  rnd: Random,
): RetailStream {
  const events: DemoEvent[] = [];
  const late: LateOrder[] = [];
  const prices = new Map(CATALOGUE.map((p) => [p.sku, p.cents]));
  const drops = Array.from({ length: DROPS }, () => ({
    product: rnd.pick(CATALOGUE),
    at: start + rnd.int(5, Math.floor((end - start) / DAY) - 3) * DAY + 9 * HOUR,
    percent: rnd.int(10, 25),
  })).sort((a, b) => a.at - b.at);
  const times = Array.from({ length: count }, () => start + rnd.int(0, end - start - 8 * DAY)).sort(
    (a, b) => a - b,
  );
  const drop = (k: number) => {
    const d = drops[k];
    if (d === undefined) return;
    const before = prices.get(d.product.sku) ?? d.product.cents;
    const after = Math.round((before * (100 - d.percent)) / 100);
    prices.set(d.product.sku, after);
    events.push({
      id: `pim-${k + 1}`,
      type: "price.changed",
      time: iso(d.at),
      data: {
        sku: d.product.sku,
        price: cents(after),
        currency: "EUR",
        previousPrice: cents(before),
      },
    });
  };
  let owned: RetailStream["owned"] | undefined;
  let nextDrop = 0;
  times.forEach((placed, n) => {
    // Orders see the prices of their time: every drop until then is applied first.
    for (; nextDrop < drops.length && (drops[nextDrop]?.at ?? end) <= placed; nextDrop++)
      drop(nextDrop);
    const customer = rnd.pick(pool);
    const order = `o-${100_001 + n}`;
    const products = [
      rnd.pick(CATALOGUE),
      ...(rnd.chance(0.3) ? [rnd.pick(CATALOGUE)] : []),
    ].filter((p, i, all) => all.findIndex((q) => q.sku === p.sku) === i);
    const items = products.map((p) => ({
      sku: p.sku,
      kind: p.kind,
      title: p.title,
      price: cents(prices.get(p.sku) ?? p.cents),
      quantity: p.kind === "consumable" ? rnd.int(1, 3) : 1,
      ...(p.workId !== undefined && { workId: p.workId }),
    }));
    const goods = products.reduce(
      (s, p, i) => s + (prices.get(p.sku) ?? p.cents) * (items[i]?.quantity ?? 1),
      0,
    );
    const ships = products.some((p) => p.kind !== "digital");
    const shipping = ships ? (goods >= 6000 ? 0 : 499) : 0;
    const total = money(BigInt(goods + shipping), "EUR");
    const payments = paymentMix(
      total,
      rnd.weighted({ card: 60, "card+points": 15, voucher: 10, wallet: 10, points: 5 }),
      rnd,
    );
    const promised = ships ? placed + rnd.int(3, 5) * DAY : undefined;
    const fate = ships
      ? rnd.weighted({ onTime: 80, late: 13, notShipped: 4, cancelled: 3 })
      : "digital";
    // A never-shipped order is promised for a week out and cancelled on day six (out of stock),
    // so its refund is for not shipping, not for lateness.
    const promisedBy =
      fate === "notShipped" && promised !== undefined ? placed + 7 * DAY : promised;
    events.push({
      id: `shop-${order}`,
      type: "order.placed",
      time: iso(placed),
      customer: customer.id,
      data: {
        order,
        currency: "EUR",
        items,
        ...(ships && { shipping: cents(shipping) }),
        total: toDecimalString(total),
        payments,
        ...(promisedBy !== undefined && { promisedDeliveryBy: iso(dayEnd(promisedBy)) }),
      },
    });
    payments
      .filter((p) => p.method === "card" || p.method === "wallet")
      .forEach((p, k) => {
        const charge = (suffix: string, after: number) =>
          events.push({
            id: `pay-${order}-${k + 1}${suffix}`,
            type: "payment.charged",
            time: iso(placed + after),
            customer: customer.id,
            data: {
              order,
              payment: `ch-${order}-${k + 1}${suffix}`,
              amount: p.amount,
              currency: "EUR",
              method: p.method,
            },
          });
        charge("", 3000);
        // The payment provider retried a charge that had gone through: the same amount twice.
        if (rnd.chance(0.03)) charge("-retry", 3000 + rnd.int(5, 600) * 1000);
      });
    if (!owned && products.some((p) => p.kind === "digital")) {
      const ebook = products.find((p) => p.kind === "digital");
      if (ebook) owned = { customer: customer.id, sku: ebook.sku, kind: ebook.kind };
    }
    if (promisedBy === undefined) return;
    const due = dayEnd(promisedBy);
    const shipped = placed + rnd.int(6, 30) * HOUR;
    const say = (type: "order.shipped" | "order.delivered", at: number) =>
      events.push(
        type === "order.shipped"
          ? {
              id: `wms-${order}-s`,
              type,
              time: iso(at),
              customer: customer.id,
              data: { order, carrier: "PostNord" },
            }
          : {
              id: `wms-${order}-d`,
              type,
              time: iso(at),
              customer: customer.id,
              data: { order, deliveredAt: iso(at - 10 * MINUTE) },
            },
      );
    if (fate === "cancelled") {
      events.push({
        id: `shop-${order}-x`,
        type: "order.cancelled",
        time: iso(placed + rnd.int(1, 20) * HOUR),
        customer: customer.id,
        data: { order, reason: "customer request" },
      });
    } else if (fate === "notShipped") {
      events.push({
        id: `shop-${order}-x`,
        type: "order.cancelled",
        time: iso(placed + 6 * DAY),
        customer: customer.id,
        data: { order, reason: "out of stock" },
      });
      late.push({ customer: customer.id, order, dueAt: placed + 3 * DAY });
    } else {
      say("order.shipped", shipped);
      say(
        "order.delivered",
        fate === "late"
          ? due + rnd.int(6, 72) * HOUR
          : Math.max(shipped + 12 * HOUR, due - rnd.int(4, 40) * HOUR),
      );
      if (fate === "late") late.push({ customer: customer.id, order, dueAt: due });
    }
  });
  for (; nextDrop < drops.length; nextDrop++) drop(nextDrop);
  if (!owned) throw new Error("retail stream: no e-book was sold; raise the order count");
  return { events, late, owned };
}

const cents = (n: number) => toDecimalString(money(BigInt(n), "EUR"));

// Promised dates are the end of the working day: 18:00 UTC.
function dayEnd(ms: number): number {
  return Math.floor(ms / DAY) * DAY + 18 * HOUR;
}
