import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness } from "../test/harness.js";
import { createApiKey } from "./api-keys.js";

describe("API keys", () => {
  let h: Harness;
  let now = 1_000_000;
  beforeEach(async () => {
    now = 1_000_000;
    h = await harness({ now: () => now, keyCacheMs: 1000 });
  });
  afterEach(() => h.close());

  it("stores only a digest of the secret", async () => {
    const { key, record } = await createApiKey(h.store, "checkout", ["guard"]);
    expect(key).toMatch(/^gf_[0-9a-f]{12}_/);
    expect(record.hash).not.toContain(key.slice(16));
    expect(await h.store.findApiKey(record.hash)).toMatchObject({
      id: record.id,
      scopes: ["guard"],
    });
  });

  it("refuses malformed headers, and a revoked key once the cache has let it go", async () => {
    for (const authorization of [
      "Basic abc",
      "Bearer",
      `Bearer ${h.keys.agent} extra`,
      "Bearer gf_short",
    ]) {
      const res = await h.call("/v1/remedies", { as: "none", headers: { authorization } });
      expect(res.status, authorization).toBe(401);
    }
    const { key, record } = await createApiKey(h.store, "temp", ["agent"]);
    expect((await h.call("/v1/remedies", { as: key })).status).toBe(200);
    await h.store.revokeApiKey(record.id, now);
    now += 1001;
    const res = await h.call("/v1/remedies", { as: key, headers: { "accept-language": "sv" } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { title: string }).title).toBe("Ogiltig API-nyckel");
  });

  it("limits each key's rate with 429 and Retry-After", async () => {
    const limited = await harness({ rateLimit: { perSecond: 1, burst: 2 }, now: () => now });
    try {
      expect((await limited.call("/v1/promises", { as: "guard" })).status).toBe(200);
      expect((await limited.call("/v1/promises", { as: "guard" })).status).toBe(200);
      const third = await limited.call("/v1/promises", { as: "guard" });
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("1");
      // Another key has its own bucket; time refills this one.
      expect((await limited.call("/v1/promises", { as: "agent" })).status).toBe(200);
      now += 1000;
      expect((await limited.call("/v1/promises", { as: "guard" })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
