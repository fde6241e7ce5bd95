/**
 * A snapshot in parts. A JavaScript string holds at most about 536 million characters, which
 * the state of a few hundred thousand customers' orders passes: in one string, such a state
 * could not be checkpointed at all. So the long lists of an encoded state (a Map's or a Set's
 * entries, any array) go into parts of about `maxChars` characters each, and the first part
 * holds the rest, each such list replaced by `{"$parts": [from, to]}`: the entries of parts
 * `from` to `to - 1`, in order. No real value reads as such a reference: `encodeState` wraps
 * every plain object that looks like a tag (`$o`). A small state is one part, the snapshot as
 * one string.
 */
import type { Json } from "./snapshot-codec.js";

/** The characters a part holds, about: well under the limit, and quick to write as one row. */
export const PART_CHARS = 16 * 1024 * 1024;

// Lists shorter than this stay where they are: splitting them would save nothing.
const MIN_ENTRIES = 256;
// The entries a list's size is estimated from.
const SAMPLE = 64;

/**
 * `encoded` as JSON strings of about `maxChars` characters each (one entry may make more):
 * each list of at least an eighth of that goes into parts of its own.
 */
export function splitSnapshot(encoded: Json, maxChars = PART_CHARS): string[] {
  const parts: string[] = [""];
  const split = (list: readonly Json[]): Json => {
    // The size of a list, estimated from its first entries: a list much smaller than a part
    // stays where it is (a small state is one part), a larger one is cut into slices of about
    // a part each, each written with one `JSON.stringify`.
    const sampled = list.slice(0, SAMPLE);
    const perEntry = (JSON.stringify(sampled).length + 1) / sampled.length;
    if (perEntry * list.length < maxChars / 8) return list.map(visit);
    const from = parts.length;
    const emit = (start: number, end: number): void => {
      let text: string | undefined;
      try {
        text = JSON.stringify(list.slice(start, end));
      } catch (error) {
        // Longer than a string can be: the estimate was far off.
        if (!(error instanceof RangeError) || end - start < 2) throw error;
      }
      if (text !== undefined && (text.length <= maxChars || end - start < 2)) {
        parts.push(text);
        return;
      }
      const middle = Math.floor((start + end) / 2);
      emit(start, middle);
      emit(middle, end);
    };
    const step = Math.max(1, Math.floor((maxChars * 0.8) / perEntry));
    for (let start = 0; start < list.length; start += step) {
      emit(start, Math.min(list.length, start + step));
    }
    return { $parts: [from, parts.length] };
  };
  const visit = (node: Json): Json => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.length >= MIN_ENTRIES ? split(node) : node.map(visit);
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) out[key] = visit(value);
    return out;
  };
  const skeleton = visit(encoded);
  parts[0] = JSON.stringify(skeleton);
  return parts;
}

/** The encoded state `splitSnapshot` cut into `parts`. */
export function joinSnapshot(parts: readonly string[]): Json {
  const resolve = (node: Json): Json => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(resolve);
    const ref = node.$parts;
    if (Array.isArray(ref) && Object.keys(node).length === 1) {
      const [from, to] = ref as [number, number];
      const list: Json[] = [];
      for (let i = from; i < to; i++) {
        const part = parts[i];
        if (part === undefined) throw new Error(`snapshot part ${i} is missing`);
        for (const entry of JSON.parse(part) as Json[]) list.push(entry);
      }
      return list;
    }
    return fields(node);
  };
  // A value that looks like a tag is wrapped (`{"$o": value}`): its own fields are resolved, but
  // it is never itself taken for a reference.
  const fields = (node: { [key: string]: Json }): Json => {
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$o" && value !== null && typeof value === "object" && !Array.isArray(value)
          ? fields(value)
          : resolve(value);
    }
    return out;
  };
  const [first] = parts;
  if (first === undefined) throw new Error("a snapshot has at least one part");
  return resolve(JSON.parse(first) as Json);
}
