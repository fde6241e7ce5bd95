/**
 * Canonical JSON for digests: the ledger stores `digestJson(explanation)` in `facts`, so the
 * same explanation must always give the same bytes, whoever serialized it and in what order.
 * For plain JSON values without lone surrogates the output equals RFC 8785 (JCS): keys sorted
 * by UTF-16 code units, no whitespace, ECMAScript number and string formatting.
 */
import { hash } from "node:crypto";

/**
 * `value` as canonical JSON text. Like `JSON.stringify`, except: keys are sorted, a bigint
 * becomes its decimal string, and anything JSON would silently lose or corrupt (NaN,
 * Infinity, Map, Set, typed arrays, cycles, an undefined root) throws a TypeError.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, []);
  if (text === undefined) throw new TypeError("canonicalJson: the value has no JSON form");
  return text;
}

/** Lowercase hex SHA-256 of the UTF-8 of `canonicalJson(value)`. */
export function digestJson(value: unknown): string {
  return hash("sha256", canonicalJson(value), "hex");
}

// `undefined` means "omit" (as JSON.stringify does for undefined, functions and symbols).
function write(value: unknown, ancestors: unknown[]): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not JSON`);
      return JSON.stringify(value);
    case "bigint":
      return `"${value.toString()}"`;
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    default:
      return value === null ? "null" : writeObject(value as object, ancestors);
  }
}

function writeObject(value: object, ancestors: unknown[]): string | undefined {
  if (ancestors.includes(value)) throw new TypeError("canonicalJson: the value is cyclic");
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return write(toJSON.call(value), ancestors);
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) {
    throw new TypeError(`canonicalJson: a ${value.constructor.name} has no faithful JSON form`);
  }
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((item) => write(item, ancestors) ?? "null").join(",")}]`;
  } else {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = write(record[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    out = `{${members.join(",")}}`;
  }
  ancestors.pop();
  return out;
}
