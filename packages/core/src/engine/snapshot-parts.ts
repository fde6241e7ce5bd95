/**
 * A snapshot in parts. A JavaScript string holds at most about 536 million characters, which
 * the state of a few hundred thousand customers' orders passes: in one string, such a state
 * could not be checkpointed at all. So the long lists of a state (a Map's or a Set's entries,
 * any array) go into parts of about `maxChars` characters each, and the first part holds the
 * rest, each such list replaced by `{"$parts": [from, to]}`: the entries of parts `from` to
 * `to - 1`, in order. No real value reads as such a reference: `encodeState` wraps every plain
 * object that looks like a tag (`$o`). A small state is one part, the snapshot as one string.
 *
 * Parts are written one after another, and `pause` is awaited between them: a server saving a
 * large checkpoint goes on answering in between, rather than stopping for the whole of it.
 */
import { encodeState, type Json, looksTagged } from "./snapshot-codec.js";

/** The characters a part holds, about: one part is encoded in some 10 ms, and one row. */
export const PART_CHARS = 1024 * 1024;

// Lists shorter than this stay where they are: splitting them would save nothing.
const MIN_ENTRIES = 256;
// The entries a list's size is estimated from.
const SAMPLE = 64;

/** How `encodeInParts` cuts. */
export interface PartsOptions {
  /** @default PART_CHARS */
  readonly maxChars?: number;
  /** Awaited after each part of a long list: lets other work run while a large state is written. */
  readonly pause?: () => Promise<void>;
}

interface List {
  readonly tag: "$m" | "$s" | undefined;
  readonly entries: readonly unknown[];
}

function listOf(value: unknown): List | undefined {
  if (value instanceof Map) return { tag: "$m", entries: [...value] };
  if (value instanceof Set) return { tag: "$s", entries: [...value] };
  if (Array.isArray(value)) return { tag: undefined, entries: value };
  return undefined;
}

/**
 * `value` encoded as `encodeState` does, as JSON strings of about `maxChars` characters each
 * (one entry may make more): each list of at least an eighth of that in parts of its own.
 * One part, `JSON.stringify(encodeState(value))`, when none is.
 */
export async function encodeInParts(value: unknown, options: PartsOptions = {}): Promise<string[]> {
  const maxChars = options.maxChars ?? PART_CHARS;
  const parts: string[] = [""];
  const encodeEntry = (tag: List["tag"], entry: unknown): Json => {
    if (tag !== "$m") return encodeState(entry);
    const [key, item] = entry as [unknown, unknown];
    return [encodeState(key), encodeState(item)];
  };
  // Entries start..end as one part; when that is too long (the estimate was off: a few entries
  // far larger than the rest), one entry at a time, as many a part as fit.
  const emit = async (list: List, start: number, end: number): Promise<void> => {
    const encoded = list.entries.slice(start, end).map((e) => encodeEntry(list.tag, e));
    let text: string | undefined;
    try {
      text = JSON.stringify(encoded);
    } catch (error) {
      // Longer than a string can be.
      if (!(error instanceof RangeError)) throw error;
    }
    if (text !== undefined && (text.length <= maxChars || encoded.length === 1)) {
      parts.push(text);
      return;
    }
    let chunk: string[] = [];
    // The part's length so far: "[", and each entry with the "," or "]" after it.
    let chars = 1;
    for (const entry of encoded) {
      const one = JSON.stringify(entry);
      if (chunk.length > 0 && chars + one.length + 1 > maxChars) {
        parts.push(`[${chunk.join(",")}]`);
        await options.pause?.();
        chunk = [];
        chars = 1;
      }
      chunk.push(one);
      chars += one.length + 1;
    }
    parts.push(`[${chunk.join(",")}]`);
  };
  const split = async (list: List): Promise<Json> => {
    // The list's size, estimated from its first entries.
    const sample = list.entries.slice(0, SAMPLE).map((e) => encodeEntry(list.tag, e));
    const perEntry = (JSON.stringify(sample).length + 1) / sample.length;
    if (perEntry * list.entries.length < maxChars / 8) {
      return list.entries.map((e) => encodeEntry(list.tag, e));
    }
    const from = parts.length;
    const step = Math.max(1, Math.floor((maxChars * 0.8) / perEntry));
    for (let start = 0; start < list.entries.length; start += step) {
      await emit(list, start, Math.min(list.entries.length, start + step));
      await options.pause?.();
    }
    return { $parts: [from, parts.length] };
  };
  const visit = async (node: unknown): Promise<Json> => {
    const list = listOf(node);
    if (list !== undefined && list.entries.length >= MIN_ENTRIES) {
      const entries = await split(list);
      return list.tag === undefined ? entries : { [list.tag]: entries };
    }
    if (list !== undefined || node === null || typeof node !== "object") return encodeState(node);
    // A plain object, as `encodeState` writes it.
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(node)) {
      if (item !== undefined) out[key] = await visit(item);
    }
    return looksTagged(out) ? { $o: out } : out;
  };
  parts[0] = JSON.stringify(await visit(value));
  return parts;
}

/** The encoded state `encodeInParts` cut into `parts`. */
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
