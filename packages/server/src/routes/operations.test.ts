import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awaitingRemedy, type Harness, harness, postRetailEvents } from "../../test/harness.js";

describe("operations, ledger and customers", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("answers health and readiness without a key", async () => {
    expect(await (await h.call("/healthz", { as: "none" })).json()).toEqual({ status: "ok" });
    expect(await (await h.call("/readyz", { as: "none" })).json()).toEqual({ status: "ready" });
  });

  it("is not ready once the store is gone, and tells only the log why", async () => {
    const logged: unknown[] = [];
    const closed = await harness({ onError: (error) => logged.push(error) });
    await closed.store.close();
    const res = await closed.call("/readyz", { as: "none", headers: { "accept-language": "sv" } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      code: "not_ready",
      detail: "Lagret går inte att nå; serverns logg säger varför.",
    });
    expect(logged).toHaveLength(1);
    await closed.close();
  });

  it("counts requests by route and status in the Prometheus format", async () => {
    await h.call("/v1/remedies/x", { as: "agent" });
    await h.call("/v1/remedies/y", { as: "agent" });
    await h.call("/nowhere", { as: "none" });
    const res = await h.call("/metrics");
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await res.text();
    expect(text).toContain(
      'goodfaith_http_requests_total{route="/v1/remedies/:key",method="GET",status="404"} 2',
    );
    expect(text).toContain(
      'goodfaith_http_requests_total{route="unmatched",method="GET",status="404"} 1',
    );
    expect(text).toContain("# TYPE goodfaith_events_ingested_total counter");
  });

  it("serves the OpenAPI 3.1 document and a docs page that needs nothing from outside", async () => {
    const doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as {
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: Record<string, object> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/healthz",
      "/metrics",
      "/readyz",
      "/v1/backtests",
      "/v1/capital",
      "/v1/cloudevents",
      "/v1/customers/{id}",
      "/v1/events",
      "/v1/guard/check",
      "/v1/ledger/verify",
      "/v1/metrics/journey",
      "/v1/promises",
      "/v1/promises/history",
      "/v1/promises/validate",
      "/v1/remedies",
      "/v1/remedies/{key}",
      "/v1/remedies/{key}/approve",
      "/v1/remedies/{key}/confirm",
      "/v1/remedies/{key}/fail",
      "/v1/remedies/{key}/reject",
      "/v1/report",
      "/v1/scorecard",
      "/v1/scorecard/explain",
      "/v1/segment",
      "/v1/webhooks",
      "/v1/webhooks/deliveries",
      "/v1/webhooks/{id}",
      "/v1/webhooks/{id}/enable",
    ]);
    // The served set is read and adopted at the same path.
    expect(Object.keys(doc.paths["/v1/promises"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(doc.components.schemas).toHaveProperty("Event");
    expect(doc.components.schemas).toHaveProperty("Problem");
    // Every POST documents the Idempotency-Key header, once.
    const posts = Object.entries(doc.paths).flatMap(([path, ops]) => {
      const post = (ops as { post?: { parameters?: { name: string; in: string }[] } }).post;
      return post ? [[path, post] as const] : [];
    });
    expect(posts.length).toBeGreaterThan(10);
    for (const [path, post] of posts) {
      const headers = (post.parameters ?? []).filter(
        (p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key",
      );
      expect(headers, path).toHaveLength(1);
    }
    // Every reference resolves inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice(ref.lastIndexOf("/") + 1, -1);
      expect(doc.components.schemas, ref).toHaveProperty(name);
    }
    const page = await (await h.call("/docs", { as: "none" })).text();
    expect(page).toContain("/v1/guard/check");
    expect(page).toContain('id="problem-forbidden"');
    // Each problem with what it says; never a bare, unfilled placeholder.
    expect(page).toContain("This endpoint needs a key with one of the scopes {scopes}");
    expect(page).not.toMatch(/<span class="d">\{\w+\}<\/span>/);
    // Nothing is loaded from elsewhere (example URLs in the schemas are only text).
    expect(page).not.toMatch(/<script|(?:src|href)=["']?https?:\/\/(?!localhost)/);
  });

  it("documents what a request refused before its route runs is answered", async () => {
    const doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const small = await harness({ bodyLimitBytes: 64 });
    try {
      for (const [template, ops] of Object.entries(doc.paths)) {
        const post = ops.post;
        if (post === undefined) continue;
        const path = template.replace(/\{[^}]+\}/g, "x");
        const documented = Object.keys(post.responses);
        const answers = [
          // The media-type gate (routes that read any text answer 200 instead).
          await h.call(path, { body: "a,b", headers: { "content-type": "text/csv" } }),
          await small.call(path, {
            body: "x".repeat(100),
            headers: { "content-type": "text/csv" },
          }),
          await h.call(path, { body: "{}", headers: { "idempotency-key": "k\u00e9" } }),
        ];
        for (const res of answers)
          expect(documented, `POST ${template}`).toContain(String(res.status));
      }
    } finally {
      await small.close();
    }
  });

  it("verifies the ledger", async () => {
    await awaitingRemedy(h);
    const verdict = (await (await h.call("/v1/ledger/verify")).json()) as {
      ok: boolean;
      chains: { chain: string; count: number }[];
    };
    expect(verdict.ok).toBe(true);
    expect(verdict.chains.find((c) => c.chain === "remedies")?.count).toBeGreaterThan(0);
  });

  it("compares the remedies table with the ledger: a move made behind its back is not ok", async () => {
    const key = await awaitingRemedy(h);
    const verify = async () => (await h.call("/v1/ledger/verify")).json();
    expect(await verify()).toMatchObject({ ok: true, chainsOk: true, remedies: { ok: true } });
    // A move without its ledger entry: what an edit of the table amounts to.
    const at = Date.now();
    await h.store.transition(key, { from: ["awaiting_approval"], to: "cancelled", actor: "x", at });
    expect(await verify()).toMatchObject({
      ok: false,
      chainsOk: true,
      remedies: {
        ok: false,
        mismatched: 1,
        mismatches: [
          { reason: "status_differs", key, expected: "awaiting_approval", found: "cancelled" },
        ],
      },
    });
  });

  it("shows a customer's timeline: events, remedies with explanations, data", async () => {
    await awaitingRemedy(h);
    await h.call("/v1/events", {
      json: {
        id: "crm-1",
        type: "customer.updated",
        time: "2026-11-01T00:00:00Z",
        customer: "c-9",
        data: { name: "Nine", language: "sv" },
      },
    });
    const res = await h.call("/v1/customers/c-9", { as: "agent" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      events: { event: { id: string } }[];
      remedies: { remedy: { detail: object }; transitions: unknown[] }[];
      data: { field: string }[];
    };
    expect(body.events.map((e) => e.event.id)).toEqual(["t-order", "crm-1"]);
    expect(body.remedies).toHaveLength(1);
    expect(body.remedies[0]?.remedy.detail).toHaveProperty("explanation");
    expect(body.data.map((d) => d.field)).toContain("name");
    const limited = (await (await h.call("/v1/customers/c-9?limit=1", { as: "agent" })).json()) as {
      events: { event: { id: string } }[];
      more: { events: boolean };
    };
    expect(limited.events.map((e) => e.event.id)).toEqual(["crm-1"]);
    expect(limited.more.events).toBe(true);
  });

  it("answers 404 for a customer nothing is known about, in the caller's language", async () => {
    await postRetailEvents(h);
    const nobody = await h.call("/v1/customers/c-typo", {
      as: "agent",
      headers: { "accept-language": "sv" },
    });
    expect(nobody.status).toBe(404);
    expect(nobody.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await nobody.json()) as { code: string; detail: string };
    expect(problem.code).toBe("customer_not_found");
    expect(problem.detail).toContain("Vi vet ingenting om kunden c-typo");
    // Known only by an event (no personal data): not unknown.
    const placed = await h.call("/v1/events", {
      json: {
        id: "shop-x",
        type: "order.placed",
        time: "2026-11-02T13:00:00Z",
        customer: "c-x",
        data: {
          order: "o-x",
          currency: "EUR",
          items: [{ sku: "kettle-steel", kind: "physical", price: "49.00" }],
          total: "49.00",
          payments: [{ method: "card", amount: "49.00" }],
        },
      },
    });
    expect(placed.status).toBe(200);
    expect((await h.call("/v1/customers/c-x", { as: "agent" })).status).toBe(200);
  });

  it("shows what we told the customer, in their language", async () => {
    await postRetailEvents(h);
    const body = (await (await h.call("/v1/customers/c-anna", { as: "agent" })).json()) as {
      notices: { promise: string; status: string; lang: string; body: string }[];
    };
    const late = body.notices.find((n) => n.promise === "late-delivery");
    expect(late).toMatchObject({ status: "ready", lang: "sv" });
    expect(late?.body).toMatch(/^Hej Anna/);
  });
});
