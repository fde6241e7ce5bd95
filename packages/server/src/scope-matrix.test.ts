/** Every endpoint against every scope: allowed, 401 without a key, 403 with the wrong one. */
import { API_SCOPES, type ApiScope } from "@goodfaith/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, harness } from "../test/harness.js";

interface Endpoint {
  readonly method: "GET" | "POST" | "DELETE";
  readonly path: string;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
  /** Scopes let in, besides admin; "public" needs no key. */
  readonly allowed: readonly ApiScope[] | "public";
}

const EVENT = {
  id: "m-1",
  type: "order.delivered",
  time: "2026-11-06T12:30:00Z",
  customer: "c-1",
  data: { order: "o-1" },
};

// Written out by hand, not derived from the routes: this is the contract being tested.
const ENDPOINTS: readonly Endpoint[] = [
  { method: "GET", path: "/healthz", allowed: "public" },
  { method: "GET", path: "/readyz", allowed: "public" },
  { method: "GET", path: "/openapi.json", allowed: "public" },
  { method: "GET", path: "/docs", allowed: "public" },
  { method: "GET", path: "/metrics", allowed: [] },
  { method: "POST", path: "/v1/events", json: EVENT, allowed: ["ingest"] },
  {
    method: "POST",
    path: "/v1/segment",
    json: {
      type: "track",
      event: "Signed Up",
      messageId: "s-1",
      timestamp: "2026-11-01T00:00:00Z",
      userId: "c-1",
    },
    allowed: ["ingest"],
  },
  {
    method: "POST",
    path: "/v1/cloudevents",
    json: {
      specversion: "1.0",
      id: "1",
      source: "/t",
      type: "order.delivered",
      time: "2026-11-06T12:30:00Z",
      customer: "c-1",
      data: { order: "o-1" },
    },
    headers: { "content-type": "application/cloudevents+json" },
    allowed: ["ingest"],
  },
  {
    method: "POST",
    path: "/v1/guard/check",
    json: { customer: "c-1", items: [{ sku: "s", kind: "book" }] },
    allowed: ["guard"],
  },
  { method: "GET", path: "/v1/remedies", allowed: ["agent"] },
  { method: "GET", path: "/v1/remedies/some-key", allowed: ["agent"] },
  { method: "POST", path: "/v1/remedies/some-key/approve", json: {}, allowed: ["agent"] },
  { method: "POST", path: "/v1/remedies/some-key/reject", json: {}, allowed: ["agent"] },
  { method: "POST", path: "/v1/remedies/some-key/confirm", json: {}, allowed: ["executor"] },
  {
    method: "POST",
    path: "/v1/remedies/some-key/fail",
    json: { error: "card closed" },
    allowed: ["executor"],
  },
  { method: "GET", path: "/v1/webhooks", allowed: [] },
  {
    method: "POST",
    path: "/v1/webhooks",
    json: { url: "https://example.com/hook", events: ["remedy.executed"] },
    allowed: [],
  },
  { method: "DELETE", path: "/v1/webhooks/we_000000000000", allowed: [] },
  { method: "POST", path: "/v1/webhooks/we_000000000000/enable", json: {}, allowed: [] },
  { method: "GET", path: "/v1/webhooks/deliveries?status=dead", allowed: [] },
  { method: "GET", path: "/v1/customers/c-1", allowed: ["agent"] },
  { method: "GET", path: "/v1/promises", allowed: ["ingest", "guard", "agent"] },
  { method: "GET", path: "/v1/promises/history", allowed: ["ingest", "guard", "agent"] },
  { method: "POST", path: "/v1/promises", json: { documents: [] }, allowed: [] },
  { method: "POST", path: "/v1/promises/validate", json: {}, allowed: ["agent"] },
  {
    method: "POST",
    path: "/v1/backtests",
    json: { promises: "goodfaith: 1\n" },
    allowed: ["agent"],
  },
  { method: "GET", path: "/v1/ledger/verify", allowed: [] },
  { method: "GET", path: "/v1/scorecard", allowed: ["agent"] },
  { method: "GET", path: "/v1/scorecard/explain", allowed: ["agent"] },
  { method: "GET", path: "/v1/metrics/journey", allowed: ["agent"] },
  { method: "GET", path: "/v1/capital", allowed: ["agent"] },
  { method: "GET", path: "/v1/report?format=text", allowed: ["agent"] },
];

describe("scope matrix", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it("covers every route of the OpenAPI document", async () => {
    const doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const tested = ENDPOINTS.map(
      (e) =>
        `${e.method} ${e.path
          .replace("some-key", "{key}")
          .replace("c-1", "{id}")
          .replace("we_000000000000", "{id}")
          .replace(/\?.*$/, "")}`,
    );
    expect(tested.filter((t) => !["GET /openapi.json", "GET /docs"].includes(t)).sort()).toEqual(
      documented.sort(),
    );
  });

  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint.method} ${endpoint.path}`;
    const send = (as: string) =>
      h.call(endpoint.path, {
        method: endpoint.method,
        as,
        ...(endpoint.json !== undefined && { json: endpoint.json }),
        ...(endpoint.headers !== undefined && { headers: endpoint.headers }),
      });

    if (endpoint.allowed === "public") {
      it(`${name}: open to everyone`, async () => {
        for (const as of ["none", ...API_SCOPES]) expect((await send(as)).status, as).toBe(200);
      });
      continue;
    }
    const allowed = endpoint.allowed;
    it(`${name}: 401 without a key or with an unknown one`, async () => {
      const none = await send("none");
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toBe("Bearer");
      const forged = await send("gf_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      expect(forged.status).toBe(401);
      expect(((await forged.json()) as { code: string }).code).toBe("invalid_key");
    });
    for (const scope of API_SCOPES) {
      const ok = scope === "admin" || allowed.includes(scope);
      it(`${name}: ${scope} is ${ok ? "allowed" : "denied (403)"}`, async () => {
        const res = await send(scope);
        if (ok) expect([401, 403]).not.toContain(res.status);
        else {
          expect(res.status).toBe(403);
          const problem = (await res.json()) as { code: string; detail: string };
          expect(problem.code).toBe("forbidden");
          // Each scope that would do is named once; admin always would.
          const would = [...allowed.filter((s) => s !== "admin"), "admin"].join(", ");
          expect(problem.detail).toContain(`scopes ${would}; this key has ${scope}.`);
        }
      });
    }
  }
});
