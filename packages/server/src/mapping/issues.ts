/** Issues of foreign formats in the event catalog's words, so they read like event issues. */
import type { Issue } from "@goodfaith/core";

/** An issue with an event catalog code at `path`. */
export function mappingIssue(
  code: "event.required" | "event.invalid_enum" | "event.invalid",
  path: readonly (string | number)[],
  params: Readonly<Record<string, string | number>> = {},
): Issue {
  return { code, messageKey: code, params, path };
}

/** A plain object, or undefined. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** JSON numbers as the event contract's decimal strings; anything else unchanged (validation speaks to it). */
export function decimal(value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : value;
}
