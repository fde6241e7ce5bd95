import { z } from "zod";
import { LANGS } from "../i18n/lang.js";
import type { EventIssueCode } from "./issue-codes.js";

/** What the JSON Schema generator reads about a schema: a `$defs` name, a description, examples. */
export interface SchemaMeta {
  id?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
}

/** Our own metadata registry, so that documenting the contract touches no global Zod state. */
export const eventSchemaRegistry = z.registry<SchemaMeta>();

/** Attaches documentation to a schema (read only by the JSON Schema generator). */
export function documented<S extends z.ZodType>(schema: S, meta: SchemaMeta): S {
  eventSchemaRegistry.add(schema as z.ZodType, meta);
  return schema;
}

/**
 * A Zod error option that tags a failing value with our issue code. Missing values are left to the
 * generic mapping, which reports them as `event.required`; the code travels in the message slot.
 */
export function coded(code: EventIssueCode): {
  error: (issue: { input?: unknown }) => string | undefined;
} {
  return { error: (issue) => (issue.input === undefined ? undefined : code) };
}

/** Identifiers (ids of events, customers, orders, SKUs, …) are non-empty and at most this long. */
export const MAX_ID_LENGTH = 256;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const AMOUNT = /^\d+(?:\.\d+)?$/;
const CALENDAR_DATE = z.regexes.date.source.replace(/^\^|\$$/g, "");
const CARRIER = "(?:[A-Z]{2,3}|[A-Z]\\d|\\d[A-Z])";

/** A non-empty identifier of at most 256 characters. */
export const id = documented(z.string().min(1).max(MAX_ID_LENGTH), {
  id: "Id",
  description: "A non-empty identifier of at most 256 characters.",
});

/** A free-text label that must say something. */
export const label = z.string().min(1);

/** A signed decimal string, the JSON form of money: "12.50", "-3". */
export const decimal = documented(
  z.string(coded("event.invalid_decimal")).regex(DECIMAL, coded("event.invalid_decimal")),
  {
    id: "Decimal",
    description: 'A decimal string (money travels as text, never as a float), e.g. "12.50".',
    examples: ["12.50", "-3"],
  },
);

/** A non-negative decimal string: prices, amounts paid and refunded, fares. */
export const amount = documented(
  z.string(coded("event.invalid_decimal")).regex(AMOUNT, {
    error: (issue: { input?: unknown }) =>
      typeof issue.input === "string" && DECIMAL.test(issue.input)
        ? "event.negative_amount"
        : "event.invalid_decimal",
  }),
  {
    id: "Amount",
    description: 'A non-negative decimal string in the sibling `currency`, e.g. "12.50".',
    examples: ["12.50", "0"],
  },
);

/** An ISO 4217 currency code, or PTS for loyalty points. */
export const currency = documented(
  z.string(coded("event.invalid_currency")).regex(/^[A-Z]{3}$/, coded("event.invalid_currency")),
  {
    id: "Currency",
    description:
      'An ISO 4217 currency code (three uppercase letters), or "PTS" for loyalty points.',
    examples: ["EUR", "SEK", "PTS"],
  },
);

/** An RFC 3339 date-time with a `Z` or a numeric offset; calendar dates are checked. */
export const time = documented(z.iso.datetime({ offset: true, ...coded("event.invalid_time") }), {
  id: "Time",
  description: "An RFC 3339 date-time with Z or an offset, e.g. 2026-11-20T14:05:00Z.",
  examples: ["2026-11-20T14:05:00Z", "2026-11-20T15:05:00.250+01:00"],
});

/** An ISO 3166-1 alpha-2 country code. */
export const country = documented(
  z.string(coded("event.invalid_country")).regex(/^[A-Z]{2}$/, coded("event.invalid_country")),
  { id: "Country", description: "An ISO 3166-1 alpha-2 country code.", examples: ["SE"] },
);

/** An IATA airport code. */
export const airport = documented(
  z.string(coded("event.invalid_airport")).regex(/^[A-Z]{3}$/, coded("event.invalid_airport")),
  { id: "Airport", description: "An IATA airport code.", examples: ["ARN", "FRA"] },
);

/** The airline operating a flight: its IATA (or ICAO) designator, and whether the EU licensed it. */
export const carrier = documented(
  z.strictObject({
    code: z
      .string(coded("event.invalid_carrier"))
      .regex(new RegExp(`^${CARRIER}$`), coded("event.invalid_carrier")),
    euLicensed: z.boolean().optional(),
  }),
  {
    id: "Carrier",
    description:
      "The operating airline: IATA (or ICAO) designator; EU licensing matters for EU 261.",
  },
);

/** One flight on one date: designator, number, optional suffix, `@`, local departure date. */
export const flightId = documented(
  z
    .string(coded("event.invalid_flight_id"))
    .regex(
      new RegExp(`^${CARRIER}\\d{1,4}[A-Z]?@${CALENDAR_DATE}$`),
      coded("event.invalid_flight_id"),
    ),
  {
    id: "FlightId",
    description: "One flight on one date: carrier designator and number, '@', departure date.",
    examples: ["LH1234@2026-11-20"],
  },
);

/** One of Goodfaith's three languages. */
export const language = z.enum(LANGS);

/** An e-mail address, checked only loosely: something@somewhere, no spaces. */
export const email = z
  .string(coded("event.invalid_email"))
  .regex(/^[^\s@]+@[^\s@]+$/, coded("event.invalid_email"));

/** A count that cannot be negative (seconds waited, an age). */
export const count = z.int().min(0);

/**
 * Reports `event.time_order` at `path` when `later` comes before `earlier`. Offsets make local
 * times comparable as instants; a negative duration would poison every delay computed downstream.
 */
export function checkTimeOrder(
  ctx: z.core.$RefinementCtx,
  earlier: { readonly field: string; readonly value: string | undefined },
  later: { readonly value: string | undefined; readonly path: readonly (string | number)[] },
): void {
  if (earlier.value === undefined || later.value === undefined) return;
  if (Date.parse(later.value) < Date.parse(earlier.value)) {
    ctx.addIssue({
      code: "custom",
      message: "event.time_order",
      path: [...later.path],
      params: { after: earlier.field },
    });
  }
}
