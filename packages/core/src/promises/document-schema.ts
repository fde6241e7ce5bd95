import { z } from "zod";
import { isCurrency } from "../money/index.js";

/** Text in each of the three languages; all three are required so no customer reads a gap. */
const localized = z.strictObject(
  { en: z.string().min(1), "zh-CN": z.string().min(1), sv: z.string().min(1) },
  { error: "promise.expected_localized" },
);

// A number written without quotes is refused with the same words as a malformed string.
const decimal = z
  .string({ error: "promise.invalid_decimal" })
  .regex(/^-?\d+(\.\d+)?$/, { message: "promise.invalid_decimal" });
const currency = z
  .string({ error: "promise.invalid_currency" })
  .refine(isCurrency, { message: "promise.invalid_currency" });
const duration = z
  .string({ error: "promise.invalid_duration" })
  .regex(/^P/, { message: "promise.invalid_duration" });
const cel = z.string().min(1);

const eventTypes = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: "promise.invalid_event_list",
});

const amount = z.union(
  [
    z.strictObject({ expr: cel }),
    z.strictObject({ fraction: z.union([decimal, z.number().min(0).max(1)]) }),
    z.strictObject({ fixed: decimal, currency: currency.optional() }),
  ],
  { error: "promise.invalid_amount" },
);

const remedy = z.strictObject({
  kind: z.enum(["refund", "credit", "points", "notice", "gesture", "warning"]),
  amount: amount.optional(),
  tender: z.enum(["original", "cash", "points", "credit"]).optional(),
  within: duration.optional(),
  compensation: z.boolean().optional(),
  gesture: localized.optional(),
});

/** A limit in the document's currency ("500.00"), or one per currency ({ EUR: "500.00", USD: "550.00" }). */
const limit = z.union([decimal, z.record(currency, decimal)], { error: "promise.invalid_decimal" });

const governance = z.strictObject({
  autoApproveUpTo: limit.optional(),
  perCustomerCap: z.strictObject({ amount: limit, period: duration }).optional(),
  dailyBudget: limit.optional(),
});

const expect = z.strictObject({
  event: z.string().min(1),
  by: cel,
  grace: duration.optional(),
});

const guard = z.strictObject({
  check: z.enum(["already-owned", "price-protection"]),
  window: duration.optional(),
});

const promise = z.strictObject({
  id: z
    .string({ error: "promise.invalid_id" })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "promise.invalid_id" }),
  title: localized,
  text: localized,
  on: eventTypes,
  reach: z.enum(["customer", "bookings", "passengers", "subscribers", "buyers"]).optional(),
  when: cel.optional(),
  expect: expect.optional(),
  incident: cel.optional(),
  cause: cel.optional(),
  remedy,
  guard: guard.optional(),
  governance: governance.optional(),
  notice: z.string().min(1).optional(),
});

/** The shape of a Bill of Rights as written in YAML, before its expressions are compiled. */
export const documentSchema = z.strictObject({
  goodfaith: z.literal(1),
  company: z.string().min(1),
  version: z.union([z.string().min(1), z.number()]),
  currency,
  title: localized.optional(),
  intro: localized.optional(),
  promises: z.array(promise).min(1),
});

/** A Bill of Rights document as parsed from YAML. */
export type RawDocument = z.infer<typeof documentSchema>;
/** One promise as parsed from YAML. */
export type RawPromise = z.infer<typeof promise>;
