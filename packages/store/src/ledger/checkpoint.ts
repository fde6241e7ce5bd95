/**
 * Signed checkpoints: an Ed25519 signature over (chain, seq, head hash, time). The hash chain
 * alone proves that nothing *inside* it changed; a checkpoint kept elsewhere (a ticket, an
 * e-mail, another system) also proves that the chain was not truncated or rewritten from
 * some entry onward, because the rewritten head no longer matches the signed one.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { canonicalCheckpoint } from "./canonical.js";
import { type ChainFailure, ChainVerifier, scanEntries } from "./chain.js";
import { type ChainHead, isCount, isHex64, isWellFormed, type StoredEntry } from "./entry.js";

/** What a checkpoint signature covers. */
export interface CheckpointClaim {
  readonly chain: string;
  /** The seq of the head entry the checkpoint vouches for. */
  readonly seq: number;
  /** That entry's `hash`. */
  readonly headHash: string;
  /** When the checkpoint was taken, epoch ms. */
  readonly at: number;
}

/** A claim with its signature and the signer's public key. */
export interface SignedCheckpoint extends CheckpointClaim {
  /** The signer's Ed25519 public key, SPKI PEM. */
  readonly publicKey: string;
  /** Ed25519 signature over `canonicalCheckpoint(claim)`, standard base64 with padding. */
  readonly signature: string;
}

/** An Ed25519 key pair as PEM: SPKI for the public key, PKCS#8 for the private key. */
export interface SigningKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

/** A fresh Ed25519 key pair for signing checkpoints. */
export function generateSigningKey(): SigningKeyPair {
  return generateKeyPairSync("ed25519", {
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** Signs a claim with an Ed25519 private key (PEM or KeyObject); throws on a bad claim or key. */
export function signCheckpoint(
  claim: CheckpointClaim,
  privateKey: string | KeyObject,
): SignedCheckpoint {
  const problem = claimProblem(claim);
  if (problem !== undefined) throw new RangeError(`signCheckpoint: ${problem}`);
  // Derives the public half from a private key, whether PEM or KeyObject.
  const publicKey = createPublicKey(privateKey);
  if (publicKey.asymmetricKeyType !== "ed25519") {
    throw new RangeError("signCheckpoint: the key must be an Ed25519 private key");
  }
  const { chain, seq, headHash, at } = claim;
  return {
    chain,
    seq,
    headHash,
    at,
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    signature: sign(null, canonicalCheckpoint(claim), privateKey).toString("base64"),
  };
}

export type CheckpointFailureReason =
  /** A field is missing or not of its format. */
  | "malformed"
  /** Signed by a key that is not among `trustedKeys`. */
  | "untrusted_key"
  /** The signature does not match the claim and public key. */
  | "bad_signature"
  /** The entries fail verification before reaching the checkpoint; see `chainFailure`. */
  | "chain_invalid"
  /** The entries end before the checkpoint's seq: the chain was truncated. */
  | "head_missing"
  /** The entry at the checkpoint's seq has another hash: rewritten from there on. */
  | "head_mismatch";

export interface CheckpointFailure {
  readonly ok: false;
  readonly reason: CheckpointFailureReason;
  readonly expected?: string;
  readonly found?: string;
  readonly chainFailure?: ChainFailure;
  /** English, for logs. */
  readonly message: string;
}

/** `verified`: how many entries were re-computed to reach the checkpoint (0 without entries). */
export type CheckpointVerdict =
  | { readonly ok: true; readonly verified: number }
  | CheckpointFailure;

export interface VerifyCheckpointOptions {
  /**
   * Public keys (PEM or KeyObject) the signer must be one of. Without it anyone can sign a
   * checkpoint with their own key, so callers that verify a third party's checkpoint pin it.
   */
  readonly trustedKeys?: readonly (string | KeyObject)[];
  /** The entries given start after this head instead of at seq 1. */
  readonly after?: ChainHead;
  readonly signal?: AbortSignal;
}

/** Checks a checkpoint's form, signer and signature, without looking at any entry. */
export function verifyCheckpointSignature(
  checkpoint: SignedCheckpoint,
  options: VerifyCheckpointOptions = {},
): CheckpointVerdict {
  const problem = claimProblem(checkpoint);
  if (problem !== undefined) return failure("malformed", problem);
  const signature = decodeSignature(checkpoint.signature);
  if (signature === undefined) return failure("malformed", "signature: not 64 bytes of base64");
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(checkpoint.publicKey);
  } catch {
    return failure("malformed", "publicKey: not a public key");
  }
  if (publicKey.asymmetricKeyType !== "ed25519") {
    return failure("malformed", "publicKey: not an Ed25519 key");
  }
  if (
    options.trustedKeys !== undefined &&
    !options.trustedKeys.some((k) => sameKey(k, publicKey))
  ) {
    return failure("untrusted_key", "signed by a key that is not trusted");
  }
  if (!verify(null, canonicalCheckpoint(checkpoint), publicKey, signature)) {
    return failure("bad_signature", "the signature does not match");
  }
  return { ok: true, verified: 0 };
}

/**
 * Checks the signature and, given the chain's entries in order, re-computes them up to the
 * checkpoint's seq and checks that the entry there has the signed head hash. Entries after
 * the checkpoint are not read.
 */
export async function verifyCheckpoint(
  checkpoint: SignedCheckpoint,
  entries?: Iterable<StoredEntry> | AsyncIterable<StoredEntry>,
  options: VerifyCheckpointOptions = {},
): Promise<CheckpointVerdict> {
  const signed = verifyCheckpointSignature(checkpoint, options);
  if (!signed.ok || entries === undefined) return signed;
  const { after, signal } = options;
  if (after !== undefined && after.seq >= checkpoint.seq) {
    return failure(
      "malformed",
      `the checkpoint (seq ${checkpoint.seq}) is not after seq ${after.seq}`,
    );
  }
  const verifier = new ChainVerifier({ chain: checkpoint.chain, ...(after && { after }) });
  let verdict: CheckpointVerdict | undefined;
  await scanEntries(
    entries,
    (entry) => {
      const broken = verifier.push(entry);
      if (broken !== undefined) {
        verdict = { ...failure("chain_invalid", broken.message), chainFailure: broken };
      } else if (verifier.head?.seq === checkpoint.seq) {
        const found = verifier.head.hash;
        verdict =
          found === checkpoint.headHash
            ? { ok: true, verified: verifier.count }
            : {
                ...failure("head_mismatch", `seq ${checkpoint.seq} has another hash`),
                expected: checkpoint.headHash,
                found,
              };
      }
      return verdict !== undefined;
    },
    signal,
  );
  return (
    verdict ??
    failure(
      "head_missing",
      `the chain ends at seq ${verifier.head?.seq ?? 0}, before ${checkpoint.seq}`,
    )
  );
}

function failure(reason: CheckpointFailureReason, message: string): CheckpointFailure {
  return { ok: false, reason, message };
}

function claimProblem(claim: CheckpointClaim): string | undefined {
  if (typeof claim !== "object" || claim === null) return "must be an object";
  const { chain, seq, headHash, at } = claim;
  if (typeof chain !== "string" || chain === "" || !isWellFormed(chain))
    return "chain: must be a non-empty string";
  if (!isCount(seq) || seq < 1) return "seq: must be an integer ≥ 1";
  if (!isHex64(headHash)) return "headHash: must be 64 lowercase hex digits";
  if (!isCount(at)) return "at: must be a non-negative integer (epoch ms)";
  return undefined;
}

const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

// Strict: Node's base64 decoder skips junk and ignores the 4 padding bits of the last
// character, so several strings decode to the same bytes. Only the canonical spelling is
// accepted, so that every changed character of a signature is a rejected signature.
function decodeSignature(text: unknown): Buffer | undefined {
  if (typeof text !== "string" || !SIGNATURE_BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}

function sameKey(trusted: string | KeyObject, actual: KeyObject): boolean {
  try {
    const key = typeof trusted === "string" ? createPublicKey(trusted) : trusted;
    const der = (k: KeyObject) => k.export({ type: "spki", format: "der" });
    return der(key.type === "private" ? createPublicKey(key) : key).equals(der(actual));
  } catch {
    return false;
  }
}
