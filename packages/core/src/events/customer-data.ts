import { z } from "zod";
import { country, email, label, language } from "./primitives.js";

/** The channels a customer can consent (or not) to be contacted on. */
export const CONSENT_CHANNELS = ["email", "sms", "push", "phone", "post"] as const;

/** `customer.updated`: what the company knows about the customer changed (fields present = new values). */
export const customerUpdatedData = z.strictObject({
  name: z.string().optional(),
  email: email.optional(),
  phone: z.string().optional(),
  language: language.optional(),
  country: country.optional(),
  segment: z.string().optional(),
  loyaltyTier: z.string().optional(),
  interests: z.array(label).optional(),
});

/** `consent.changed`: the customer granted or withdrew consent for a purpose (on a channel). */
export const consentChangedData = z.strictObject({
  purpose: label,
  granted: z.boolean(),
  channel: z.enum(CONSENT_CHANNELS).optional(),
});

/** `data.collected`: the company collected a category of data, for a purpose; shown to the customer. */
export const dataCollectedData = z.strictObject({
  category: label,
  purpose: label,
  source: z.string().optional(),
});
