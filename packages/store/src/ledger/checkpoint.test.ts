import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendTo } from "./chain.js";
import {
  generateSigningKey,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  verifyCheckpointSignature,
} from "./checkpoint.js";
import type { LedgerEntry } from "./entry.js";

const keys = generateSigningKey();
const intruder = generateSigningKey();

const entries: LedgerEntry[] = [];
for (let i = 0; i < 5; i++) {
  entries.push(
    appendTo(entries.at(-1), {
      chain: "remedies",
      at: 1_000 * i,
      kind: "remedy.transition",
      actor: "engine",
      remedyKey: "a".repeat(64),
      from: `s${i}`,
      to: `s${i + 1}`,
    }),
  );
}
const head = entries[3] as LedgerEntry; // seq 4: entries after the checkpoint exist too
const claim = { chain: "remedies", seq: head.seq, headHash: head.hash, at: 9_000 };
const checkpoint = signCheckpoint(claim, keys.privateKey);

describe("generateSigningKey", () => {
  it("makes an Ed25519 PEM pair", () => {
    expect(keys.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keys.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPrivateKey(keys.privateKey).asymmetricKeyType).toBe("ed25519");
  });
});

describe("signCheckpoint", () => {
  it("carries the claim, the signer's public key and a 64-byte signature", () => {
    expect(checkpoint).toMatchObject({ ...claim, publicKey: keys.publicKey });
    expect(Buffer.from(checkpoint.signature, "base64")).toHaveLength(64);
  });

  it("is deterministic (Ed25519) and accepts a KeyObject", () => {
    expect(signCheckpoint(claim, createPrivateKey(keys.privateKey))).toEqual(checkpoint);
  });

  it("refuses a malformed claim or a key that is not Ed25519", () => {
    expect(() => signCheckpoint({ ...claim, seq: 0 }, keys.privateKey)).toThrow(/seq/);
    expect(() => signCheckpoint({ ...claim, headHash: "ABC" }, keys.privateKey)).toThrow(
      /headHash/,
    );
    const x25519 = generateKeyPairSync("x25519").privateKey;
    expect(() => signCheckpoint(claim, x25519)).toThrow(/Ed25519/);
  });
});

describe("verifyCheckpointSignature", () => {
  it("accepts a valid checkpoint, from its own key or a pinned one", () => {
    expect(verifyCheckpointSignature(checkpoint)).toEqual({ ok: true, verified: 0 });
    const pinned = { trustedKeys: [intruder.publicKey, keys.publicKey] };
    expect(verifyCheckpointSignature(checkpoint, pinned)).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<SignedCheckpoint>]>([
    ["seq", { seq: claim.seq + 1 }],
    ["headHash", { headHash: entries[4]?.hash as string }],
    ["at", { at: claim.at + 1 }],
    ["chain", { chain: "remedies2" }],
  ])("rejects a tampered %s", (_, change) => {
    expect(verifyCheckpointSignature({ ...checkpoint, ...change })).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("rejects every single-character change of the signature", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    const { signature } = checkpoint;
    for (let i = 0; i < signature.length; i++) {
      for (const c of alphabet) {
        if (c === signature[i]) continue;
        const forged = signature.slice(0, i) + c + signature.slice(i + 1);
        const verdict = verifyCheckpointSignature({ ...checkpoint, signature: forged });
        expect(verdict.ok, `signature[${i}] = ${c}`).toBe(false);
      }
    }
  });

  it("rejects a signature checked against the wrong key", () => {
    const swapped = { ...checkpoint, publicKey: intruder.publicKey };
    expect(verifyCheckpointSignature(swapped)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("rejects a checkpoint re-signed by an untrusted key when the signer is pinned", () => {
    const forged = signCheckpoint({ ...claim, headHash: "f".repeat(64) }, intruder.privateKey);
    expect(verifyCheckpointSignature(forged)).toMatchObject({ ok: true }); // why pinning matters
    expect(verifyCheckpointSignature(forged, { trustedKeys: [keys.publicKey] })).toMatchObject({
      ok: false,
      reason: "untrusted_key",
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ["a non-base64 signature", { signature: "!".repeat(88) }],
    ["a short signature", { signature: Buffer.alloc(32).toString("base64") }],
    ["a garbage public key", { publicKey: "not a key" }],
    [
      "a non-Ed25519 public key",
      {
        publicKey: generateKeyPairSync("x25519").publicKey.export({ type: "spki", format: "pem" }),
      },
    ],
    ["a fractional seq", { seq: 1.5 }],
    ["a missing headHash", { headHash: undefined }],
  ])("reports %s as malformed", (_, change) => {
    const verdict = verifyCheckpointSignature({ ...checkpoint, ...change } as SignedCheckpoint);
    expect(verdict).toMatchObject({ ok: false, reason: "malformed" });
  });
});

describe("verifyCheckpoint with entries", () => {
  it("re-computes the chain up to the checkpoint and finds its head", async () => {
    expect(await verifyCheckpoint(checkpoint, entries)).toEqual({ ok: true, verified: 4 });
    async function* cursor() {
      yield* entries;
    }
    expect(await verifyCheckpoint(checkpoint, cursor())).toEqual({ ok: true, verified: 4 });
  });

  it("resumes after an earlier trusted head", async () => {
    const after = { seq: 2, hash: entries[1]?.hash as string };
    const verdict = await verifyCheckpoint(checkpoint, entries.slice(2), { after });
    expect(verdict).toEqual({ ok: true, verified: 2 });
  });

  it("catches a chain rewritten from the checkpoint's entry on (head_mismatch)", async () => {
    // A consistent forgery: entry 4 edited and every hash from there recomputed.
    const rewritten = entries.slice(0, 3);
    for (const { seq: _s, prevHash: _p, hash: _h, ...draft } of entries.slice(3)) {
      rewritten.push(appendTo(rewritten.at(-1), { ...draft, to: "executed" }));
    }
    expect(await verifyCheckpoint(checkpoint, rewritten)).toMatchObject({
      ok: false,
      reason: "head_mismatch",
      expected: head.hash,
      found: rewritten[3]?.hash,
    });
  });

  it("catches a truncated chain (head_missing)", async () => {
    expect(await verifyCheckpoint(checkpoint, entries.slice(0, 3))).toMatchObject({
      ok: false,
      reason: "head_missing",
    });
  });

  it("reports a chain broken before the checkpoint (chain_invalid)", async () => {
    const broken = entries.map((e) => (e.seq === 2 ? { ...e, at: e.at + 1 } : e));
    const verdict = await verifyCheckpoint(checkpoint, broken);
    expect(verdict).toMatchObject({
      ok: false,
      reason: "chain_invalid",
      chainFailure: { reason: "hash_mismatch", at: 2 },
    });
  });

  it("reports entries of another chain (chain_invalid)", async () => {
    const other = signCheckpoint({ ...claim, chain: "other" }, keys.privateKey);
    expect(await verifyCheckpoint(other, entries)).toMatchObject({
      ok: false,
      reason: "chain_invalid",
      chainFailure: { reason: "wrong_chain", at: 1 },
    });
  });

  it("does not read past the checkpoint", async () => {
    const beyond = [...entries, { ...(entries[4] as LedgerEntry), seq: 99 }];
    expect(await verifyCheckpoint(checkpoint, beyond)).toMatchObject({ ok: true });
  });

  it("checks the signature before reading any entry", async () => {
    const tampered = { ...checkpoint, seq: 5, headHash: entries[4]?.hash as string };
    expect(await verifyCheckpoint(tampered, entries)).toMatchObject({ reason: "bad_signature" });
  });
});
