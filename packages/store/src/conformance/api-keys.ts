/** Conformance: the HTTP API's keys (digests, scopes, revocation) and idempotency keys. */
import {
  type ApiKeyStore,
  hasApiKeys,
  hasIdempotency,
  type IdempotencyStore,
  type NewApiKey,
  type Store,
} from "@goodfaith/core";
import { describe, expect } from "vitest";
import { T0 } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

function apiKey(id: string, changes: Partial<NewApiKey> = {}): NewApiKey {
  return {
    id,
    name: `key ${id}`,
    scopes: ["ingest"],
    hash: `hash-${id}`,
    createdAt: T0,
    ...changes,
  };
}

function keysOf(store: Store): ApiKeyStore {
  if (!hasApiKeys(store)) throw new Error("the store does not implement ApiKeyStore");
  return store;
}

function idempotencyOf(store: Store): IdempotencyStore {
  if (!hasIdempotency(store)) throw new Error("the store does not implement IdempotencyStore");
  return store;
}

const RESPONSE = {
  status: 201,
  contentType: "application/json",
  body: '{"ok":true}',
  headers: { "content-language": "sv", location: "/v1/things/1" },
};

/** Registers the API key and idempotency tests. */
export function apiKeyConformance(target: ConformanceTarget): void {
  describe("API keys", () => {
    storeTest(target, "creates, finds by digest, lists and revokes keys", async ({ store }) => {
      const keys = keysOf(store);
      expect(await keys.createApiKey(apiKey("k1", { scopes: ["agent", "guard", "agent"] }))).toBe(
        true,
      );
      expect(await keys.createApiKey(apiKey("k2", { createdAt: T0 + 1 }))).toBe(true);
      // Neither an id nor a digest can be taken twice; the first key stays as it was.
      expect(await keys.createApiKey(apiKey("k1", { hash: "other" }))).toBe(false);
      expect(await keys.createApiKey(apiKey("k3", { hash: "hash-k2" }))).toBe(false);
      expect(await keys.findApiKey("hash-k1")).toEqual({
        id: "k1",
        name: "key k1",
        scopes: ["agent", "guard"],
        createdAt: T0,
      });
      expect(await keys.findApiKey("nope")).toBeUndefined();
      expect(await keys.revokeApiKey("k1", T0 + 5)).toBe(true);
      expect(await keys.revokeApiKey("k1", T0 + 6)).toBe(false);
      expect(await keys.revokeApiKey("missing", T0)).toBe(false);
      expect((await keys.findApiKey("hash-k1"))?.revokedAt).toBe(T0 + 5);
      const listed = await keys.listApiKeys();
      expect(listed.map((k) => [k.id, k.revokedAt])).toEqual([
        ["k1", T0 + 5],
        ["k2", undefined],
      ]);
      // The digest never comes back out.
      expect(JSON.stringify(listed)).not.toContain("hash-");
    });

    storeTest(target, "keys written by one store are seen by another", async ({ store, open }) => {
      await keysOf(store).createApiKey(apiKey("k1", { scopes: ["admin"] }));
      const other = keysOf(await open());
      expect((await other.findApiKey("hash-k1"))?.scopes).toEqual(["admin"]);
    });
  });

  describe("idempotency keys", () => {
    storeTest(target, "claim, complete, replay", async ({ store }) => {
      const idem = idempotencyOf(store);
      expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0)).toEqual({ state: "claimed" });
      expect(await idem.claimIdempotency("k1", "i-1", "fp-b", T0)).toEqual({
        state: "in_progress",
        fingerprint: "fp-a",
        claimedAt: T0,
      });
      // Another owner's key of the same name is its own.
      expect(await idem.claimIdempotency("k2", "i-1", "fp-b", T0)).toEqual({ state: "claimed" });
      await idem.completeIdempotency("k1", "i-1", T0, RESPONSE);
      expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 1)).toEqual({
        state: "completed",
        fingerprint: "fp-a",
        response: RESPONSE,
      });
    });

    storeTest(target, "keeps a response without headers as it was given", async ({ store }) => {
      const idem = idempotencyOf(store);
      await idem.claimIdempotency("k1", "i-2", "fp-a", T0);
      const { headers: _, ...bare } = RESPONSE;
      await idem.completeIdempotency("k1", "i-2", T0, bare);
      expect(await idem.claimIdempotency("k1", "i-2", "fp-a", T0 + 1)).toEqual({
        state: "completed",
        fingerprint: "fp-a",
        response: bare,
      });
    });

    storeTest(
      target,
      "forgets the kept responses that name a customer, and only those",
      async ({ store }) => {
        const idem = idempotencyOf(store);
        const kept = (key: string, body: string) =>
          idem
            .claimIdempotency("k1", key, "fp", T0)
            .then(() => idem.completeIdempotency("k1", key, T0, { ...RESPONSE, body }));
        await kept("a", '{"customer":"c-1","passenger":"Alva Berg"}');
        await kept("b", '{"customer":"c-10"}');
        await kept("c", '{"customer":"50%_off\\"x"}');
        await kept("d", '{"customers":["c-2","c-1"]}');
        await idem.claimIdempotency("k1", "e", "fp", T0); // still in progress: no body yet
        expect(await idem.forgetIdempotencyOf("c-1")).toBe(2);
        expect((await idem.claimIdempotency("k1", "a", "fp", T0 + 1)).state).toBe("claimed");
        expect((await idem.claimIdempotency("k1", "d", "fp", T0 + 1)).state).toBe("claimed");
        expect((await idem.claimIdempotency("k1", "b", "fp", T0 + 1)).state).toBe("completed");
        // LIKE's own characters in an id are only themselves.
        expect(await idem.forgetIdempotencyOf("50%")).toBe(0);
        expect(await idem.forgetIdempotencyOf('50%_off"x')).toBe(1);
        expect((await idem.claimIdempotency("k1", "e", "fp", T0 + 1)).state).toBe("in_progress");
      },
    );

    storeTest(target, "a released key is free again; a completed one is not", async ({ store }) => {
      const idem = idempotencyOf(store);
      await idem.claimIdempotency("k1", "i-1", "fp-a", T0);
      await idem.releaseIdempotency("k1", "i-1", T0);
      expect(await idem.claimIdempotency("k1", "i-1", "fp-b", T0)).toEqual({ state: "claimed" });
      await idem.completeIdempotency("k1", "i-1", T0, RESPONSE);
      await idem.releaseIdempotency("k1", "i-1", T0);
      expect((await idem.claimIdempotency("k1", "i-1", "fp-b", T0)).state).toBe("completed");
    });

    storeTest(target, "only one of many concurrent claims wins", async ({ store, open }) => {
      const stores = [idempotencyOf(store), idempotencyOf(await open())];
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          stores[i % 2]?.claimIdempotency("k1", "race", `fp-${i}`, T0),
        ),
      );
      expect(claims.filter((c) => c?.state === "claimed")).toHaveLength(1);
    });

    storeTest(
      target,
      "a claim past its lease is taken over by the same request",
      async ({ store }) => {
        const idem = idempotencyOf(store);
        await idem.claimIdempotency("k1", "i-1", "fp-a", T0);
        // Within the lease (claimed at staleBefore, not before it): still the first request's.
        expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 60, T0)).toEqual({
          state: "in_progress",
          fingerprint: "fp-a",
          claimedAt: T0,
        });
        // Past the lease, another request cannot take the key over.
        expect(await idem.claimIdempotency("k1", "i-1", "fp-b", T0 + 100, T0 + 40)).toEqual({
          state: "in_progress",
          fingerprint: "fp-a",
          claimedAt: T0,
        });
        expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 100, T0 + 40)).toEqual({
          state: "claimed",
        });
        // The new claim counts from its own time.
        expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 120, T0 + 60)).toEqual({
          state: "in_progress",
          fingerprint: "fp-a",
          claimedAt: T0 + 100,
        });
        // The first request, still alive after all, can neither release nor complete the new claim.
        await idem.releaseIdempotency("k1", "i-1", T0);
        await idem.completeIdempotency("k1", "i-1", T0, { ...RESPONSE, body: "stale" });
        expect((await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 130)).state).toBe(
          "in_progress",
        );
        await idem.completeIdempotency("k1", "i-1", T0 + 100, RESPONSE);
        // A completed key never goes stale: it replays.
        expect(await idem.claimIdempotency("k1", "i-1", "fp-a", T0 + 500, T0 + 400)).toEqual({
          state: "completed",
          fingerprint: "fp-a",
          response: RESPONSE,
        });
      },
    );

    storeTest(
      target,
      "only one of many concurrent takers of a stale claim wins",
      async ({ store, open }) => {
        const stores = [idempotencyOf(store), idempotencyOf(await open())];
        await stores[0]?.claimIdempotency("k1", "race", "fp", T0);
        for (let round = 1; round <= 3; round++) {
          // Each round's takers see the previous round's winner as stale.
          const at = T0 + round * 1000;
          const claims = await Promise.all(
            Array.from({ length: 8 }, (_, i) =>
              stores[i % 2]?.claimIdempotency("k1", "race", "fp", at, at - 500),
            ),
          );
          expect(claims.filter((c) => c?.state === "claimed")).toHaveLength(1);
          expect(claims.filter((c) => c?.state === "in_progress")).toHaveLength(7);
        }
      },
    );

    storeTest(target, "prunes keys claimed before a time", async ({ store }) => {
      const idem = idempotencyOf(store);
      await idem.claimIdempotency("k1", "old", "fp", T0);
      await idem.claimIdempotency("k1", "new", "fp", T0 + 10);
      expect(await idem.pruneIdempotency(T0 + 10)).toBe(1);
      expect((await idem.claimIdempotency("k1", "old", "fp", T0 + 20)).state).toBe("claimed");
      expect((await idem.claimIdempotency("k1", "new", "fp", T0 + 20)).state).toBe("in_progress");
    });
  });
}
