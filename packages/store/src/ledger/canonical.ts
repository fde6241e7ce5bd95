/**
 * The canonical byte encodings that ledger hashes and checkpoint signatures are computed
 * over. FORMAT.md is the normative spec with a worked example; in short:
 *
 *   encoding := item*                                  (a fixed list of items, no separators)
 *   item     := 0x00                                   an absent optional field
 *             | 0x01 length:uint32-big-endian bytes    a present field, UTF-8, length in bytes
 *
 *   entry      = "gf-ledger-v1", chain, seq, at, kind, remedyKey?, customerRef?, actor,
 *                from?, to?, amount?, currency?, facts?, prevHash       (14 items)
 *   checkpoint = "gf-checkpoint-v1", chain, seq, headHash, at            (5 items)
 *
 * Integers are decimal ASCII without sign or leading zeros; hashes stay 64 lowercase hex
 * characters. Why this shape:
 * - the length prefix makes "ab"+"c" and "a"+"bc" different byte strings;
 * - the presence byte makes an absent field differ from an empty string;
 * - the leading tag versions the format and separates entries from checkpoints, so a
 *   signature over one can never be replayed as the other;
 * - no field names, no JSON: nothing a serializer could reorder or re-escape.
 */
import { hash } from "node:crypto";
import type { CheckpointClaim } from "./checkpoint.js";
import type { UnhashedEntry } from "./entry.js";
import { isCount } from "./entry.js";

/** The version tag that opens every entry encoding. */
export const ENTRY_TAG = "gf-ledger-v1";
/** The version tag that opens every checkpoint encoding. */
export const CHECKPOINT_TAG = "gf-checkpoint-v1";

const ABSENT = 0x00;
const PRESENT = 0x01;

/**
 * The canonical bytes of an entry (without its hash). Throws a RangeError for values the
 * encoding cannot represent unambiguously: a non-string field, a lone surrogate, a number
 * that is not a non-negative safe integer. It does not apply the ledger's domain rules;
 * `entryProblem` does.
 */
export function canonicalEntry(entry: UnhashedEntry): Uint8Array {
  return copyOut(encodeEntry(entry));
}

/** The canonical bytes a checkpoint signature covers; throws like `canonicalEntry`. */
export function canonicalCheckpoint(claim: CheckpointClaim): Uint8Array {
  return copyOut(encodeCheckpoint(claim));
}

/**
 * Lowercase hex SHA-256 of `canonicalEntry(entry)`, without copying the bytes out: the hot
 * path of every append and every verified entry.
 */
export function hashCanonicalEntry(entry: UnhashedEntry): string {
  const bad = encodeEntry(entry);
  if (bad !== undefined) throw unencodable(bad);
  return hash("sha256", scratch.subarray(0, pos), "hex");
}

// The encoder writes into one module-level scratch buffer, grown when needed and never
// shrunk, so an append allocates no Buffer at all; callers copy out what they keep. Safe
// because encoding is synchronous and each worker thread has its own module instance.
let scratch = Buffer.allocUnsafeSlow(1024);
let pos = 0;
let bad: string | undefined;

function encodeEntry(e: UnhashedEntry): string | undefined {
  pos = 0;
  bad = undefined;
  text(ENTRY_TAG, "tag", false);
  text(e.chain, "chain", false);
  integer(e.seq, "seq");
  integer(e.at, "at");
  text(e.kind, "kind", false);
  text(e.remedyKey, "remedyKey", true);
  text(e.customerRef, "customerRef", true);
  text(e.actor, "actor", false);
  text(e.from, "from", true);
  text(e.to, "to", true);
  text(e.amount, "amount", true);
  text(e.currency, "currency", true);
  text(e.facts, "facts", true);
  text(e.prevHash, "prevHash", false);
  return bad;
}

function encodeCheckpoint(c: CheckpointClaim): string | undefined {
  pos = 0;
  bad = undefined;
  text(CHECKPOINT_TAG, "tag", false);
  text(c.chain, "chain", false);
  integer(c.seq, "seq");
  text(c.headHash, "headHash", false);
  integer(c.at, "at");
  return bad;
}

function copyOut(failure: string | undefined): Uint8Array {
  if (failure !== undefined) throw unencodable(failure);
  return new Uint8Array(scratch.subarray(0, pos));
}

function unencodable(field: string): RangeError {
  return new RangeError(
    `canonical encoding: ${field} must be a well-formed string (numbers: non-negative safe integers)`,
  );
}

function reserve(bytes: number): void {
  if (pos + bytes <= scratch.length) return;
  const grown = Buffer.allocUnsafeSlow(Math.max(scratch.length * 2, pos + bytes));
  scratch.copy(grown, 0, 0, pos);
  scratch = grown;
}

// UTF-8 by hand: for the short strings of an entry this is a little faster than Node's
// Buffer.write (whose argument checks cost more than the copy), and it finds lone
// surrogates in the same pass.
function text(value: unknown, field: string, optional: boolean): void {
  if (bad !== undefined) return;
  if (value === undefined && optional) {
    reserve(1);
    scratch[pos++] = ABSENT;
    return;
  }
  if (typeof value !== "string") {
    bad = field;
    return;
  }
  reserve(5 + 3 * value.length); // a UTF-16 unit never takes more than 3 UTF-8 bytes
  const buf = scratch;
  const start = pos + 5;
  let o = start;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      buf[o++] = c;
    } else if (c < 0x800) {
      buf[o++] = 0xc0 | (c >> 6);
      buf[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[o++] = 0xe0 | (c >> 12);
      buf[o++] = 0x80 | ((c >> 6) & 0x3f);
      buf[o++] = 0x80 | (c & 0x3f);
    } else {
      // Node would write a lone surrogate as U+FFFD, so two strings would encode the same.
      const low = value.charCodeAt(i + 1); // NaN past the end
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) {
        bad = field;
        return;
      }
      i++;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      buf[o++] = 0xf0 | (cp >> 18);
      buf[o++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[o++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[o++] = 0x80 | (cp & 0x3f);
    }
  }
  const length = o - start;
  buf[pos] = PRESENT;
  buf[pos + 1] = length >>> 24;
  buf[pos + 2] = (length >>> 16) & 0xff;
  buf[pos + 3] = (length >>> 8) & 0xff;
  buf[pos + 4] = length & 0xff;
  pos = o;
}

// Only non-negative safe integers have exactly one decimal spelling (no "-0", "1e21", "1.5").
function integer(value: unknown, field: string): void {
  if (bad !== undefined) return;
  if (!isCount(value)) {
    bad = field;
    return;
  }
  text(String(value), field, false);
}
