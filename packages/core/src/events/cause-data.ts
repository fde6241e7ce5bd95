/**
 * The honest cause an event states (`flight.arrived`, `flight.cancelled`, `service.outage`):
 * the company's own words for promise conditions, and what a notice may say to a customer in
 * each of Goodfaith's languages.
 */
import { z } from "zod";
import { documented, label } from "./primitives.js";

/**
 * Well-known causes a notice can name in every language when the company gave no text in the
 * customer's. Deliberately few: each must mean the same thing to every reader.
 */
export const CAUSE_CATEGORIES = [
  "weather",
  "air_traffic_control",
  "technical",
  "late_aircraft",
  "crew",
  "strike",
  "security",
] as const;

/** One of the well-known cause categories. */
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/** `cause`: the company's own words, as before; promise expressions read it. */
export const cause = documented(z.string(), {
  description:
    "The cause as the company reported it, in its own words (English by convention). Promise " +
    "expressions read it as is (`flight.cause`, `outage.cause`); a notice in English uses it " +
    "unless `causeText.en` is given. Other languages use `causeText`, then `causeCategory`, " +
    "and otherwise quote it, saying it is quoted as reported.",
  examples: ["a fault in the aircraft's hydraulic system found before departure"],
});

/** `causeText`: the cause in the customer's languages, for notices. */
export const causeText = documented(
  z.strictObject({ en: label.optional(), "zh-CN": label.optional(), sv: label.optional() }),
  {
    id: "CauseText",
    description:
      "The cause in Goodfaith's languages, for notices: a customer who reads one of them gets " +
      "its text as is. Promise expressions do not read it (they read `cause`).",
    examples: [
      {
        en: "a fault in the aircraft's hydraulic system found before departure",
        "zh-CN": "起飞前发现飞机液压系统故障",
        sv: "ett fel i flygplanets hydraulsystem som upptäcktes före avgång",
      },
    ],
  },
);

/** `causeCategory`: a well-known cause, which every language can name. */
export const causeCategory = documented(z.enum(CAUSE_CATEGORIES), {
  id: "CauseCategory",
  description:
    "What kind of cause it was, when it is a well-known one. A notice in a language " +
    "`causeText` leaves out names the category in that language instead of quoting `cause`.",
});

/** The cause fields, to spread into the data of an event that states a cause. */
export const causeFields = {
  cause: cause.optional(),
  causeText: causeText.optional(),
  causeCategory: causeCategory.optional(),
} as const;
