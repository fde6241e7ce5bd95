/**
 * End to end: a real server over a real PostgreSQL schema, reached through a TCP relay that
 * the test cuts (every connection dropped, nothing listening: the database is gone) and then
 * restores. While it is cut, data routes answer 503 `store_unavailable` with Retry-After, the
 * liveness probe stays 200, readiness is 503; once it is back, everything answers again.
 * Where PostgreSQL does not answer, the suite skips (and under CI fails).
 */
import { isStoreUnavailable, openStore } from "@goodfaith/store";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describePostgres, dropSchema } from "../../../test/support/postgres.js";
import { type Relay, relayTo, throughRelay } from "../../../test/support/relay.js";
import { BIG_PRICE_DROP, retailPack } from "../test/harness.js";
import { createApiKey, createApp, IngestService, type ServerStore } from "./index.js";
import { type RunningServer, startServer } from "./start-server.js";

await describePostgres("store outage, end to end", ({ url, freshSchema }) => {
  let schema: string;
  let store: ServerStore;
  let server: RunningServer;
  let link: Relay;
  const reported: unknown[] = [];
  const keys: Record<string, string> = {};

  beforeEach(async () => {
    link = await relayTo(url);
    schema = freshSchema();
    store = (await openStore(throughRelay(url, link), {
      schema,
      maxConnections: 4,
    })) as ServerStore;
    const documents = [await retailPack()];
    const ingest = await IngestService.open(store, documents);
    const app = createApp({ store, ingest, onError: (e) => reported.push(e) });
    for (const scope of ["ingest", "agent"] as const)
      keys[scope] = (await createApiKey(store, scope, [scope])).key;
    server = await startServer(app, { port: 0 });
  });

  afterEach(async () => {
    await server.close();
    await link.restore().catch(() => {});
    await store.close();
    await dropSchema(schema);
    await link.cut();
  });

  const call = (path: string, scope?: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        ...(scope !== undefined && { authorization: `Bearer ${keys[scope]}` }),
        ...(init.headers as Record<string, string>),
      },
    });
  const post = (path: string, scope: string, body: unknown) =>
    call(path, scope, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "sv" },
      body: JSON.stringify(body),
    });

  it("answers 503 store_unavailable with Retry-After while the database is unreachable, and recovers", async () => {
    expect((await call("/v1/remedies", "agent")).status).toBe(200);
    expect((await call("/readyz")).status).toBe(200);

    await link.cut();
    // Let the pool see its idle connections close before a request can take one: node-postgres
    // emits 'error' on a checked-out client whose socket closes, with no listener (neither
    // Kysely nor the store adds one), and that would crash this process, not answer a 503.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const res of [
      await call("/v1/remedies", "agent"),
      await post("/v1/events", "ingest", BIG_PRICE_DROP),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await res.json()).toMatchObject({ code: "store_unavailable", status: 503 });
    }
    // The liveness probe does not ask the store: an outage must not get the process restarted.
    expect((await call("/healthz")).status).toBe(200);
    expect((await call("/readyz")).status).toBe(503);
    // The causes went to the log, each one an outage rather than a bug.
    expect(reported.length).toBeGreaterThan(0);
    for (const error of reported) expect(isStoreUnavailable(error), String(error)).toBe(true);

    await link.restore();
    // Readiness rebuilds ingestion after the failed write; then data routes answer again.
    await expect.poll(async () => (await call("/readyz")).status, { timeout: 10_000 }).toBe(200);
    expect((await call("/v1/remedies", "agent")).status).toBe(200);
    const retried = await post("/v1/events", "ingest", BIG_PRICE_DROP);
    expect(retried.status).toBe(200);
  });
});
