/**
 * Every code an event issue can carry. Codes are stable API: tools match on them and the
 * message catalogs are keyed by them, so rename one only with a new contract version.
 */
export const EVENT_ISSUE_CODES = [
  // Reading the input
  "event.invalid_json",
  "event.invalid_csv",
  "event.csv_header",
  "event.empty_line",
  "event.not_an_object",
  "event.unreadable",
  "event.too_many_issues",
  // Shape
  "event.required",
  "event.invalid_type",
  "event.unknown_field",
  "event.forbidden_key",
  "event.too_deep",
  "event.too_large",
  "event.invalid_enum",
  "event.invalid_format",
  "event.invalid",
  // Sizes and ranges
  "event.empty",
  "event.too_short",
  "event.too_long",
  "event.too_few",
  "event.too_many",
  "event.too_small",
  "event.too_big",
  "event.not_integer",
  // Envelope
  "event.invalid_event_type",
  "event.customer_required",
  "event.customer_forbidden",
  // Formats
  "event.invalid_time",
  "event.invalid_decimal",
  "event.negative_amount",
  "event.invalid_currency",
  "event.invalid_country",
  "event.invalid_airport",
  "event.invalid_carrier",
  "event.invalid_flight_id",
  "event.invalid_email",
  // Cross-field rules
  "event.points_currency",
  "event.subscription_only",
  "event.time_order",
  "event.same_airport",
  "event.duplicate_id",
  "event.unknown_guardian",
] as const;

/** A stable event issue code, such as `"event.invalid_decimal"`. */
export type EventIssueCode = (typeof EVENT_ISSUE_CODES)[number];

/** The names `expected` and `received` use in `event.invalid_type` issues; each is localized. */
export const VALUE_KINDS = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "null",
  "missing",
  "other",
] as const;

/** A kind of JSON value, as named in issue parameters. */
export type ValueKind = (typeof VALUE_KINDS)[number];

/** Names the kind of a value the way issue parameters do. */
export function kindOf(value: unknown): ValueKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "object":
      return "object";
    case "undefined":
      return "missing";
    default:
      return "other";
  }
}
