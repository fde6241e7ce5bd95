import type { Lang } from "./i18n/lang.js";

/** Where in the input an issue was found: a field path, and for text inputs a line and column (1-based). */
export interface Location {
  readonly path: readonly (string | number)[];
  readonly line?: number;
  readonly column?: number;
}

/**
 * An expected failure, as data (bad input is never an exception): a stable `code`,
 * where it is, and a message key with parameters that a locale catalog renders.
 */
export interface Issue extends Location {
  readonly code: string;
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Either a value or the issues that prevented it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failed result. */
export const fail = <T = never>(issues: readonly Issue[]): Result<T> => ({ ok: false, issues });

/** A message catalog: message key → template with `{param}` placeholders. */
export type Catalog = Readonly<Record<string, string>>;

/** Renders a path like `data.items[2].price`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export type { Lang };
