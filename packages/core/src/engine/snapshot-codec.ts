/**
 * A JSON encoding for engine state that keeps what JSON alone loses: bigints, Maps and
 * Sets. Tags are single-key objects (`{"$n": "123"}`, `{"$m": [[k, v]]}`, `{"$s": [...]}`);
 * a plain object that happens to look like a tag is wrapped (`{"$o": {...}}`), so any state
 * round-trips exactly.
 */

/** Data JSON can hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Whether `obj` reads as a tag (one key, starting with `$`): a plain object like that is wrapped. */
export function looksTagged(obj: object): boolean {
  const keys = Object.keys(obj);
  return keys.length === 1 && (keys[0] ?? "").startsWith("$");
}

/** Encodes a state value to JSON-safe data. */
export function encodeState(value: unknown): Json {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot snapshot the number ${value}`);
    return value;
  }
  if (typeof value === "bigint") return { $n: value.toString() };
  if (value instanceof Map)
    return { $m: [...value].map(([k, v]) => [encodeState(k), encodeState(v)]) };
  if (value instanceof Set) return { $s: [...value].map(encodeState) };
  if (Array.isArray(value)) return value.map(encodeState);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeState(v);
    return looksTagged(out) ? { $o: out } : out;
  }
  throw new Error(`cannot snapshot a ${typeof value}`);
}

/** Decodes data written by `encodeState`. */
export function decodeState(data: Json): unknown {
  if (data === null || typeof data !== "object") return data;
  if (Array.isArray(data)) return data.map(decodeState);
  if (looksTagged(data)) {
    const [tag, inner] = Object.entries(data)[0] as [string, Json];
    switch (tag) {
      case "$n":
        return BigInt(inner as string);
      case "$m":
        return new Map(
          (inner as Json[][]).map(([k, v]) => [decodeState(k ?? null), decodeState(v ?? null)]),
        );
      case "$s":
        return new Set((inner as Json[]).map(decodeState));
      case "$o": {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(inner as { [key: string]: Json }))
          out[k] = decodeState(v);
        return out;
      }
      default:
        throw new Error(`unknown snapshot tag ${tag}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = decodeState(v);
  return out;
}
