import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pseudonym } from "./pseudonym.js";

const secret = "a-secret-of-at-least-16-bytes";

describe("pseudonym", () => {
  it("is HMAC-SHA256 of the id under the secret, in lowercase hex", () => {
    const expected = createHmac("sha256", secret).update("c-42").digest("hex");
    expect(pseudonym(secret, "c-42")).toBe(expected);
    expect(pseudonym(Buffer.from(secret), "c-42")).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the secret and on every character of the id", () => {
    const reference = pseudonym(secret, "c-42");
    expect(pseudonym(`${secret}!`, "c-42")).not.toBe(reference);
    expect(pseudonym(secret, "c-43")).not.toBe(reference);
    expect(pseudonym(secret, "C-42")).not.toBe(reference);
  });

  it("refuses a guessable secret and an empty id", () => {
    expect(() => pseudonym("short", "c-42")).toThrow(RangeError);
    expect(() => pseudonym(new Uint8Array(15), "c-42")).toThrow(RangeError);
    expect(() => pseudonym(secret, "")).toThrow(RangeError);
  });
});
