/**
 * The tamper-evident remedy ledger: pure logic, no I/O. Every remedy transition, approval,
 * erasure, checkpoint and adopted promise set is an entry in a SHA-256 hash chain over a
 * documented canonical encoding (FORMAT.md); signed checkpoints pin the head. Entries hold pseudonyms and
 * digests, never personal data, so erasing a customer elsewhere keeps the chain verifiable.
 *
 * @example
 * ```ts
 * import { appendTo, digestJson, pseudonym, verifyChain } from "./ledger/index.js";
 *
 * const secret = "at-least-16-bytes, kept outside the chain";
 * const remedyKey = pseudonym(secret, "late-delivery:order:o-1");
 * const planned = appendTo(undefined, {
 *   chain: "remedies", at: Date.now(), kind: "remedy.planned", actor: "engine", remedyKey,
 *   customerRef: pseudonym(secret, "c-1"), amount: "4.99", currency: "USD",
 *   facts: digestJson({ promise: "late-delivery", version: 3 }),
 * });
 * const executed = appendTo(planned, {
 *   chain: "remedies", at: Date.now(), kind: "remedy.transition", actor: "executor:webhook",
 *   remedyKey, from: "executing", to: "executed",
 * });
 * await verifyChain([planned, executed]); // { ok: true, count: 2, head: { seq: 2, hash } }
 * ```
 */

export { CHECKPOINT_TAG, canonicalCheckpoint, canonicalEntry, ENTRY_TAG } from "./canonical.js";
export { canonicalJson, digestJson } from "./canonical-json.js";
export {
  appendTo,
  type ChainFailure,
  type ChainFailureReason,
  type ChainSuccess,
  type ChainVerdict,
  ChainVerifier,
  chainHash,
  type VerifyChainOptions,
  verifyChain,
} from "./chain.js";
export {
  type CheckpointClaim,
  type CheckpointFailure,
  type CheckpointFailureReason,
  type CheckpointVerdict,
  generateSigningKey,
  type SignedCheckpoint,
  type SigningKeyPair,
  signCheckpoint,
  type VerifyCheckpointOptions,
  verifyCheckpoint,
  verifyCheckpointSignature,
} from "./checkpoint.js";
export {
  type ChainHead,
  type EntryProblem,
  entryProblem,
  GENESIS_HASH,
  LEDGER_KINDS,
  type LedgerDraft,
  type LedgerEntry,
  type LedgerKind,
  type StoredEntry,
  type UnhashedEntry,
} from "./entry.js";
export { pseudonym } from "./pseudonym.js";
