import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature.js";

const BODY = '{"id":"evt_1","type":"remedy.executed"}';
const SECRET = "whsec_test";
const T = 1_700_000_000;
// Computed outside this code: printf '%s' "1700000000.$BODY" | openssl dgst -sha256 -hmac whsec_test
const KNOWN = "58d682ae9c82c435b3dcc4978fb524a2eea6f18f17c76895f5b2c95293af35e3";

describe("webhook signatures", () => {
  it("matches a known vector and verifies", () => {
    const header = signWebhook(BODY, SECRET, T);
    expect(header).toBe(`t=${T},v1=${KNOWN}`);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T })).toEqual({
      ok: true,
      timestamp: T,
    });
  });

  it("refuses a tampered body, another secret, or a forged time", () => {
    const header = signWebhook(BODY, SECRET, T);
    const refused = { ok: false, reason: "mismatch" };
    expect(verifyWebhookSignature(BODY.replace("1", "2"), header, SECRET, { now: T })).toEqual(
      refused,
    );
    expect(verifyWebhookSignature(`${BODY} `, header, SECRET, { now: T })).toEqual(refused);
    expect(verifyWebhookSignature(BODY, header, "whsec_other", { now: T })).toEqual(refused);
    // Moving the time forward breaks the signature, so a replay cannot be freshened.
    const moved = header.replace(`t=${T}`, `t=${T + 60}`);
    expect(verifyWebhookSignature(BODY, moved, SECRET, { now: T + 60 })).toEqual(refused);
  });

  it("refuses a signature outside the replay window (default 5 minutes)", () => {
    const header = signWebhook(BODY, SECRET, T);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T + 300 }).ok).toBe(true);
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T + 301 })).toEqual({
      ok: false,
      reason: "outside_window",
    });
    expect(verifyWebhookSignature(BODY, header, SECRET, { now: T - 301 }).ok).toBe(false);
    expect(
      verifyWebhookSignature(BODY, header, SECRET, { now: T + 3600, toleranceSeconds: 3600 }).ok,
    ).toBe(true);
  });

  it("accepts any matching v1 (secret rotation) and refuses malformed headers", () => {
    const good = signWebhook(BODY, SECRET, T).split(",v1=")[1];
    const rotated = `t=${T},v1=${"0".repeat(64)},v1=${good}`;
    expect(verifyWebhookSignature(BODY, rotated, SECRET, { now: T }).ok).toBe(true);
    for (const header of [`t=${T}`, `v1=${good}`, `t=abc,v1=${good}`, `t=${T},v1=xyz`]) {
      expect(verifyWebhookSignature(BODY, header, SECRET, { now: T })).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
    expect(verifyWebhookSignature(BODY, undefined, SECRET)).toEqual({
      ok: false,
      reason: "missing",
    });
  });
});
