import { z } from "zod";
import { count, id, label, language } from "./primitives.js";

/** Where a customer reached support. */
export const CONTACT_CHANNELS = ["phone", "chat", "email", "social", "in_person"] as const;

/** Where a piece of feedback came from. */
export const FEEDBACK_SOURCES = ["review", "survey", "ticket", "call"] as const;

/** `support.contact`: a customer contacted support; the wait is measured, not surveyed. */
export const supportContactData = z.strictObject({
  contact: id,
  channel: z.enum(CONTACT_CHANNELS),
  waitedSeconds: count,
  topic: label,
  resolved: z.boolean(),
  order: id.optional(),
  booking: id.optional(),
  agent: id.optional(),
});

/** `feedback.received`: what a customer said, in their words. */
export const feedbackReceivedData = z.strictObject({
  feedback: id,
  text: z.string(),
  rating: z.int().min(1).max(5).optional(),
  language: language.optional(),
  source: z.enum(FEEDBACK_SOURCES).optional(),
  order: id.optional(),
  sku: id.optional(),
});
