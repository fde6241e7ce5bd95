import type { Issue } from "../issue.js";
import { eventIssue } from "./zod-issues.js";

/** How deep the data of an unknown event type may nest. */
export const MAX_UNKNOWN_DEPTH = 32;

/** How many values the data of an unknown event type may hold in all. */
export const MAX_UNKNOWN_VALUES = 100_000;

/**
 * Checks data that no schema describes, without recursion: a bounded depth and size (so that
 * storing and re-serializing it cannot overflow the stack, and a cyclic or exponentially shared
 * in-memory object is refused), and no `__proto__` key, which turns into a prototype when a
 * consumer merges the object. Returns the first problem found, if any.
 */
export function inspectUnknownData(data: unknown): Issue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: ["data"] }];
  let seen = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value !== "object" || value === null) continue;
    if (++seen > MAX_UNKNOWN_VALUES) {
      return eventIssue("event.too_large", ["data"], { maximum: MAX_UNKNOWN_VALUES });
    }
    if (path.length - 1 > MAX_UNKNOWN_DEPTH) {
      return eventIssue("event.too_deep", path, { maximum: MAX_UNKNOWN_DEPTH });
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        stack.push({ value: item, path: [...path, index] });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === "__proto__") return eventIssue("event.forbidden_key", [...path, key], { key });
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
