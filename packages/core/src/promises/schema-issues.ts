/**
 * Schema problems in a promise document, in the writer's terms: a missing field, a field
 * with no value, the wrong kind of value (text, list, mapping…), a misspelt key with the key
 * it most likely meant. Zod's own messages are English; only its issue codes are used.
 */
import { z } from "zod";
import { closest } from "../cel/closest.js";
import { formatPath, type Issue } from "../issue.js";
import { documentSchema } from "./document-schema.js";
import { keyPositionOf, positionOf, type YamlSource } from "./yaml-source.js";

type Path = readonly (string | number)[];

interface Found {
  readonly path: Path;
  readonly code: string;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  /** The issue is about the key that ends `path` (unknown, or not a currency), not its value. */
  readonly onKey?: boolean;
}

const EXPECTED = new Set(["string", "number", "boolean", "array", "object"]);

// A branch of a union "fits" unless the value itself has the wrong type or keys for it.
const fits = (branch: readonly z.core.$ZodIssue[]): boolean =>
  !branch.some(
    (i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "unrecognized_keys"),
  );

function explain(issue: z.core.$ZodIssue, base: Path): Found[] {
  const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
  const one = (code: string, params: Found["params"] = {}, messageKey = code): Found[] => [
    { path, code, messageKey, params },
  ];
  // Schema checks name their own message key (e.g. promise.invalid_duration).
  const own = issue.message.startsWith("promise.") ? issue.message : undefined;
  if (issue.input === undefined && issue.code !== "unrecognized_keys")
    return one("promise.required");
  if (issue.input === null) return one("promise.no_value");
  switch (issue.code) {
    case "invalid_type": {
      if (own) return one(own);
      const key = EXPECTED.has(issue.expected) ? `promise.expected_${issue.expected}` : undefined;
      return one("promise.invalid_type", { expected: issue.expected }, key);
    }
    case "unrecognized_keys":
      return issue.keys.map((field) => ({
        path: [...path, field],
        code: "promise.unknown_field",
        messageKey: "promise.unknown_field",
        params: { field },
        onKey: true,
      }));
    case "invalid_value":
      return one("promise.invalid_value", { options: issue.values.map(String).join(", ") });
    case "too_small": {
      const minimum = String(issue.minimum);
      if (issue.origin === "number")
        return one("promise.too_small", { minimum }, "promise.at_least");
      return one("promise.too_small", { minimum }, minimum === "1" ? "promise.empty" : undefined);
    }
    case "too_big":
      return one("promise.too_big", { maximum: String(issue.maximum) });
    case "invalid_union": {
      const fitting = issue.errors.filter(fits);
      const [only] = fitting;
      if (fitting.length === 1 && only) return only.flatMap((i) => explain(i, path));
      return one(own ?? "promise.invalid");
    }
    case "invalid_key":
      return issue.issues.flatMap((i) => explain(i, path)).map((f) => ({ ...f, onKey: true }));
    default:
      return one(own ?? "promise.invalid");
  }
}

/** The keys the schema allows at `path` (a union allows those of every branch). */
function keysAt(schema: z.core.$ZodType, path: Path): string[] {
  if (schema instanceof z.ZodOptional) return keysAt(schema.unwrap(), path);
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((o) => keysAt(o, path));
  const [head, ...rest] = path;
  if (schema instanceof z.ZodArray) return head === undefined ? [] : keysAt(schema.element, rest);
  if (!(schema instanceof z.ZodObject)) return [];
  if (head === undefined) return Object.keys(schema.shape);
  const next = schema.shape[head];
  return next ? keysAt(next, rest) : [];
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

const isMapping = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Where an unknown key belongs when it is a key of a mapping above or beside it that lacks
 * it: a key indented too far lands in the mapping before it, one indented too little in the
 * mapping around it, and the mapping it was meant for is left missing it (or empty).
 */
function belongsUnder(field: string, parent: Path, data: unknown): Path | undefined {
  const lacks = (at: Path): boolean => {
    const value = valueAt(data, at);
    return (value === null || isMapping(value)) && !Object.hasOwn(value ?? {}, field);
  };
  for (let depth = parent.length - 1; depth > 0; depth--) {
    const above = parent.slice(0, depth);
    if (keysAt(documentSchema, above).includes(field) && lacks(above)) return above;
  }
  for (const key of Object.keys(valueAt(data, parent) ?? {})) {
    const beside = [...parent, key];
    if (keysAt(documentSchema, beside).includes(field) && lacks(beside)) return beside;
  }
  return undefined;
}

/**
 * An unknown key next to a missing one it resembles is one mistake, not two: say the key
 * it most likely meant, and drop the "required" issue for that key. So is a key indented
 * to the wrong mapping: say where it belongs, and drop the issue of the mapping it left.
 */
function suggestKeys(found: readonly Found[], data: unknown): Found[] {
  const meant = new Set<string>();
  const out = found.map((f) => {
    if (f.code !== "promise.unknown_field") return f;
    const parent = f.path.slice(0, -1);
    const field = String(f.params.field);
    const present = Object.keys(valueAt(data, parent) ?? {});
    const free = keysAt(documentSchema, parent).filter((k) => !present.includes(k));
    const suggestion = closest(field, free);
    if (suggestion === undefined) {
      const under = belongsUnder(field, parent, data);
      if (under === undefined) return f;
      meant.add(JSON.stringify([...under, field]));
      meant.add(JSON.stringify(under));
      return {
        ...f,
        messageKey: "promise.misplaced_field",
        params: { ...f.params, parent: formatPath(under) },
      };
    }
    meant.add(JSON.stringify([...parent, suggestion]));
    return {
      ...f,
      messageKey: "promise.unknown_field_suggest",
      params: { ...f.params, suggestion },
    };
  });
  const left = (f: Found): boolean =>
    (f.code === "promise.required" || f.code === "promise.no_value") &&
    meant.has(JSON.stringify(f.path));
  return out.filter((f) => !left(f));
}

/** Turns zod's issues for `data` (parsed with `reportInput`) into located promise issues. */
export function schemaIssues(
  src: YamlSource,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): Issue[] {
  const found = issues.flatMap((issue) => explain(issue, []));
  return suggestKeys(found, data).map(({ onKey, ...f }) => ({
    ...f,
    ...(onKey ? keyPositionOf(src, f.path) : positionOf(src, f.path)),
  }));
}
