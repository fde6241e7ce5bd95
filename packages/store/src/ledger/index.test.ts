import { describe, expect, it } from "vitest";
import * as ledger from "./index.js";
import { appendTo, digestJson, pseudonym, verifyChain } from "./index.js";

describe("the ledger's public surface", () => {
  it("runs the example in index.ts", async () => {
    const secret = "a-secret-of-at-least-16-bytes";
    const remedyKey = pseudonym(secret, "late-delivery:order:o-1");
    const planned = appendTo(undefined, {
      chain: "remedies",
      at: Date.now(),
      kind: "remedy.planned",
      actor: "engine",
      remedyKey,
      customerRef: pseudonym(secret, "c-1"),
      amount: "4.99",
      currency: "USD",
      facts: digestJson({ promise: "late-delivery", version: 3 }),
    });
    const executed = appendTo(planned, {
      chain: "remedies",
      at: Date.now(),
      kind: "remedy.transition",
      actor: "executor:webhook",
      remedyKey,
      from: "executing",
      to: "executed",
    });
    expect(await verifyChain([planned, executed])).toEqual({
      ok: true,
      count: 2,
      head: { seq: 2, hash: executed.hash },
    });
  });

  it("exports exactly the documented values", () => {
    expect(Object.keys(ledger).sort()).toEqual([
      "CHECKPOINT_TAG",
      "ChainVerifier",
      "ENTRY_TAG",
      "GENESIS_HASH",
      "LEDGER_KINDS",
      "appendTo",
      "canonicalCheckpoint",
      "canonicalEntry",
      "canonicalJson",
      "chainHash",
      "digestJson",
      "entryProblem",
      "generateSigningKey",
      "pseudonym",
      "signCheckpoint",
      "verifyChain",
      "verifyCheckpoint",
      "verifyCheckpointSignature",
    ]);
  });
});
