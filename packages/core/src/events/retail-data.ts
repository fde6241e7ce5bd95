import { z } from "zod";
import {
  checkTenders,
  ORDER_PAYMENT_METHODS,
  orderPayment,
  POINTS,
  withTenderCurrencies,
} from "./payments.js";
import { amount, currency, documented, id, time } from "./primitives.js";

/** What kind of thing an order line is; it decides what "already owned" means. */
export const ITEM_KINDS = [
  "digital",
  "book",
  "physical",
  "consumable",
  "subscription",
  "service",
] as const;

/** How often a subscription renews. */
export const SUBSCRIPTION_PERIODS = ["month", "year"] as const;

const orderItem = documented(
  z
    .strictObject({
      sku: id,
      kind: z.enum(ITEM_KINDS),
      workId: id.optional(),
      title: z.string().optional(),
      price: amount,
      quantity: z.int().min(1).default(1),
      service: id.optional(),
      period: z.enum(SUBSCRIPTION_PERIODS).optional(),
    })
    .superRefine((item, ctx) => {
      if (item.period !== undefined && item.kind !== "subscription") {
        ctx.addIssue({
          code: "custom",
          message: "event.subscription_only",
          path: ["period"],
          params: { field: "period" },
        });
      }
    }),
  {
    id: "OrderItem",
    description:
      "One order line. `price` is the unit price; `workId` groups editions of one work; " +
      "`service` and `period` describe what a subscription gives access to (period: subscriptions only).",
  },
);

/** `order.placed`: a customer bought something. */
export const orderPlacedData = z
  .strictObject({
    order: id,
    currency,
    items: z.array(orderItem).min(1),
    shipping: amount.optional(),
    total: amount.optional(),
    payments: z.array(orderPayment).min(1),
    promisedDeliveryBy: time.optional(),
    gift: z.boolean().optional(),
    channel: z.string().optional(),
  })
  .superRefine(checkTenders)
  .transform(withTenderCurrencies);

/** `order.shipped`: the order left the warehouse. */
export const orderShippedData = z.strictObject({
  order: id,
  carrier: z.string().optional(),
  tracking: z.string().optional(),
});

/** `order.delivered`: the order reached the customer (`deliveredAt` defaults to the event time). */
export const orderDeliveredData = z.strictObject({
  order: id,
  deliveredAt: time.optional(),
});

/** `order.cancelled`: the order will not be fulfilled. */
export const orderCancelledData = z.strictObject({
  order: id,
  reason: z.string().optional(),
});

/** `order.refunded`: money went back to the customer, for the whole order or some SKUs. */
export const orderRefundedData = z.strictObject({
  order: id,
  amount,
  currency,
  items: z.array(id).optional(),
  reason: z.string().optional(),
});

/** `payment.charged`: one charge against the customer's tender (twice for a double charge). */
export const paymentChargedData = z
  .strictObject({
    order: id,
    payment: id,
    amount,
    currency,
    method: z.enum(ORDER_PAYMENT_METHODS),
  })
  .superRefine((charge, ctx) => {
    if ((charge.currency === POINTS) !== (charge.method === "points")) {
      ctx.addIssue({
        code: "custom",
        message: "event.points_currency",
        path: ["currency"],
        params: { method: charge.method },
      });
    }
  });

/** `price.changed`: a SKU's price changed for everyone (no customer). */
export const priceChangedData = z.strictObject({
  sku: id,
  price: amount,
  currency,
  previousPrice: amount.optional(),
});
