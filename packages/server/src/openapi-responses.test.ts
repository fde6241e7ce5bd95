/**
 * The OpenAPI document against the server's real answers: every response of a tour of all
 * routes (successes and the errors an integrator meets) has a documented status, a documented
 * media type and a body its declared schema accepts, undocumented members included.
 */
import { readFile } from "node:fs/promises";
import type { Lang } from "@goodfaith/core";
import { retryRemedy, runOutbox, WebhookExecutor } from "@goodfaith/store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awaitingRemedy,
  BIG_PRICE_DROP,
  type Harness,
  harness,
  postRetailEvents,
} from "../test/harness.js";
import { type Document, operationOf, violations } from "../test/openapi-check.js";
import { type ProblemCode, problemText } from "./messages.js";

describe("the OpenAPI document describes the real answers", () => {
  let h: Harness;
  let doc: Document;
  const seen = new Set<string>();
  const EXEC = Date.UTC(2026, 10, 20);

  beforeAll(async () => {
    // The store keeps the set served: `set` and the history are not empty.
    h = await harness({ now: () => EXEC }, { adopt: true });
    doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as Document;
  });
  afterAll(() => h.close());

  async function check(
    path: string,
    call: Parameters<Harness["call"]>[1] & { expect: number },
  ): Promise<unknown> {
    const res = await h.call(path, call);
    const method =
      call.method ?? (call.json !== undefined || call.body !== undefined ? "POST" : "GET");
    const name = `${method} ${path}`;
    expect.soft(res.status, `${name}: ${await res.clone().text()}`).toBe(call.expect);
    const found = operationOf(doc, method, path);
    expect(found, `${name} is documented`).toBeDefined();
    if (found === undefined) return undefined;
    seen.add(`${method} ${found.template}`);
    const response = found.operation.responses[String(res.status)];
    expect.soft(response, `${name}: ${res.status} is documented`).toBeDefined();
    const media = (res.headers.get("content-type") ?? "").split(";")[0] ?? "";
    const content = response?.content?.[media];
    expect.soft(content, `${name}: ${res.status} ${media} is documented`).toBeDefined();
    if (!media.includes("json")) return undefined;
    const body = (await res.json()) as unknown;
    expect
      .soft(violations(doc, content?.schema ?? {}, body), `${name} → ${res.status}`)
      .toEqual([]);
    return body;
  }

  it("for every route, its successes and its errors", async () => {
    const en = { "accept-language": "en" };
    // Events, a remedy awaiting approval, a webhook endpoint.
    expect((await postRetailEvents(h)).status).toBe(200);
    await check("/v1/events", { json: { id: "x" }, expect: 422 });
    await check("/v1/events", {
      body: "{",
      headers: { "content-type": "application/json" },
      expect: 400,
    });
    await check("/v1/segment", {
      json: {
        type: "track",
        event: "Viewed",
        messageId: "s-1",
        timestamp: "2026-11-01T00:00:00Z",
        userId: "c-1",
      },
      expect: 200,
    });
    await check("/v1/cloudevents", { json: {}, expect: 415 });
    await check("/v1/guard/check", {
      json: { customer: "c-1", items: [{ sku: "s", kind: "book" }] },
      as: "guard",
      expect: 200,
    });
    const key = await awaitingRemedy(h);
    const k = encodeURIComponent(key);
    const hook = (await check("/v1/webhooks", {
      json: { url: "https://hooks.example.com/x", events: ["remedy.approved", "remedy.executed"] },
      expect: 201,
    })) as { id: string };
    await check("/v1/webhooks", { json: { url: "ftp://x", events: [] }, expect: 400 });
    await check("/v1/webhooks", { expect: 200 });

    // Remedies and the executor's callbacks.
    await check("/v1/remedies?status=awaiting_approval", { as: "agent", expect: 200 });
    await check("/v1/remedies?status=nope", { as: "agent", expect: 400 });
    await check(`/v1/remedies/${k}`, { as: "agent", expect: 200 });
    await check("/v1/remedies/nope", { as: "agent", expect: 404 });
    await check(`/v1/remedies/${k}/confirm`, { json: {}, as: "executor", expect: 409 });
    await check(`/v1/remedies/${k}/fail`, { json: { error: "x" }, as: "executor", expect: 409 });
    await check("/v1/remedies/nope/fail", { json: { error: "x" }, as: "executor", expect: 404 });
    await check("/v1/remedies/nope/fail", { json: {}, as: "executor", expect: 400 });
    await check(`/v1/remedies/${k}/reject`, { json: { reason: 1 }, as: "agent", expect: 400 });
    await check(`/v1/remedies/${k}/approve`, { json: {}, as: "agent", expect: 200 });
    await check(`/v1/remedies/${k}/approve`, { json: {}, as: "agent", expect: 409 });
    // Nobody answers: dead-lettered after one attempt; the payment system's word comes late.
    const executor = new WebhookExecutor({
      url: "http://127.0.0.1:9/",
      secret: "s",
      now: () => EXEC,
    });
    await runOutbox(h.store, executor, { worker: "w", maxAttempts: 1, now: () => EXEC });
    await check(`/v1/remedies/${k}/confirm`, {
      json: { reference: "re_1" },
      as: "executor",
      expect: 200,
    });
    await check(`/v1/remedies/${k}/confirm`, {
      json: { reference: "re_2" },
      as: "executor",
      expect: 409,
    });
    await check(`/v1/remedies/${k}/reject`, { json: {}, as: "agent", expect: 409 });
    expect(await retryRemedy(h.store, key, "a", EXEC)).toMatchObject({ ok: false });

    // Webhooks: deliveries, disable, enable.
    await check("/v1/webhooks/deliveries", { expect: 200 });
    await check(`/v1/webhooks/deliveries?endpoint=${hook.id}&status=delivered,dead&limit=1`, {
      expect: 200,
    });
    for (const query of ["status=nope", "limit=0", "limit=1001", "limit=abc"])
      await check(`/v1/webhooks/deliveries?${query}`, { headers: en, expect: 400 });
    await check(`/v1/webhooks/${hook.id}`, { method: "DELETE", expect: 200 });
    await check(`/v1/webhooks/${hook.id}/enable`, { json: {}, expect: 200 });
    await check("/v1/webhooks/we_000000000000", { method: "DELETE", expect: 404 });
    await check("/v1/webhooks/we_000000000000/enable", { json: {}, expect: 404 });
    await check("/v1/webhooks/not%20an%20id", { method: "DELETE", expect: 400 });
    await check("/v1/webhooks/not-an-id/enable", { json: {}, expect: 400 });
    await check(`/v1/webhooks/${hook.id}/enable`, { json: { x: 1 }, expect: 400 });

    // Customers, promises, backtests.
    await check("/v1/customers/c-9", { as: "agent", expect: 200 });
    await check("/v1/customers/nobody", { as: "agent", expect: 404 });
    await check("/v1/customers/c-9?limit=0", { as: "agent", expect: 400 });
    await check("/v1/promises", { expect: 200 });
    await check("/v1/promises/history", { as: "guard", expect: 200 });
    await check("/v1/promises/history", { as: "executor", expect: 403 });
    await check("/v1/promises?format=markdown", { expect: 200 });
    await check("/v1/promises?format=pdf", { expect: 400 });
    const yaml = { "content-type": "application/yaml" };
    await check("/v1/promises/validate", { body: "goodfaith: 1\n", headers: yaml, expect: 200 });
    await check("/v1/promises/validate", { body: "{", headers: yaml, expect: 200 });
    const pack = await readFile(
      new URL("../../../packs/retail/promises.yaml", import.meta.url),
      "utf8",
    );
    await check("/v1/backtests", {
      json: { promises: pack, against: [pack] },
      as: "agent",
      expect: 200,
    });
    await check("/v1/backtests", { json: { promises: "x: 1\n" }, expect: 400 });
    await check("/v1/backtests", { json: { promises: [] }, expect: 400 });
    // Adopting: a rollback to the pack after a smaller set, a document that does not load.
    const shorter = pack.slice(0, pack.indexOf("  - id: not-shipped"));
    await check("/v1/promises", { json: { documents: [{ yaml: shorter }] }, expect: 200 });
    await check("/v1/promises", { json: { documents: [{ name: "p", yaml: pack }] }, expect: 200 });
    await check("/v1/promises", { json: { documents: [{ yaml: "x: 1\n" }] }, expect: 400 });
    await check("/v1/promises", {
      json: { documents: [{ yaml: pack }] },
      as: "agent",
      expect: 403,
    });

    // Operations and measures.
    await check("/v1/ledger/verify", { expect: 200 });
    await check("/metrics", { expect: 200 });
    await check("/metrics", { as: "agent", expect: 403 });
    await check("/v1/scorecard", { as: "agent", expect: 200 });
    await check("/v1/scorecard?by=year", { as: "agent", expect: 400 });
    await check("/v1/scorecard/explain?figure=toldFirst", { as: "agent", expect: 200 });
    await check("/v1/metrics/journey", { as: "agent", expect: 200 });
    await check("/v1/capital", { as: "agent", expect: 422 });
    await check("/v1/capital?currency=eur", { as: "agent", expect: 400 });
    await check("/v1/report?format=text", { as: "agent", expect: 200 });
    await check("/v1/report?format=pdf", { as: "agent", expect: 400 });
    await check("/healthz", { as: "none", expect: 200 });
    await check("/readyz", { as: "none", expect: 200 });
    await check("/v1/remedies", { as: "none", expect: 401 });
  });

  it("and the tour reached every documented operation", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((o) => !seen.has(o))).toEqual([]);
  });
});

const LANGS: readonly Lang[] = ["en", "zh-CN", "sv"];

/**
 * Where a problem answer to `method path` departs from the document: its status, media type,
 * body and Retry-After (sent exactly when documented), and its words in `lang`.
 */
async function problemDepartures(
  doc: Document,
  method: string,
  path: string,
  lang: Lang,
  res: Response,
): Promise<string[]> {
  const name = `${method} ${path} (${lang}) → ${res.status}`;
  const response = operationOf(doc, method, path)?.operation.responses[String(res.status)];
  if (response === undefined) return [`${name}: undocumented`];
  const media = (res.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const content = response.content?.[media];
  if (content === undefined) return [`${name}: ${media} undocumented`];
  const body = (await res.json()) as { code: ProblemCode; title: string };
  const out = violations(doc, content.schema ?? {}, body).map((v) => `${name}: ${v}`);
  const sent = res.headers.has("retry-after");
  const documented = Object.keys(response.headers ?? {}).some((h) => /^retry-after$/i.test(h));
  if (sent !== documented) out.push(`${name}: Retry-After sent ${sent}, documented ${documented}`);
  if (
    res.headers.get("content-language") !== lang ||
    body.title !== problemText(body.code, lang).title
  )
    out.push(`${name}: not in ${lang}: ${body.title}`);
  return out;
}

describe("the OpenAPI document describes the server's own failures", () => {
  let h: Harness;
  let doc: Document;
  beforeAll(async () => {
    h = await harness();
    doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as Document;
  });
  afterAll(() => h.close());

  /**
   * Where the answers of every authenticated route, in every language, depart from `status`,
   * `code` and the document when every store call but `close` rejects with `error`.
   */
  async function underFailingStore(
    error: unknown,
    status: number,
    code = "internal",
  ): Promise<string[]> {
    // A fresh app: no key is cached yet, so every request asks the store for its key.
    const failing = await harness();
    const store = failing.store as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(store))
      if (typeof value === "function" && name !== "close")
        store[name] = () => Promise.reject(error);
    try {
      const operations = Object.entries(doc.paths).flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([, op]) => op.security !== undefined)
          .map(([m]) => [m.toUpperCase(), template.replace(/\{[^}]+\}/g, "x")] as const),
      );
      expect(operations.length).toBeGreaterThan(20);
      const found: string[] = [];
      for (const [method, path] of operations)
        for (const lang of LANGS) {
          const res = await failing.call(path, {
            method,
            headers: { "accept-language": lang },
            ...(method === "POST" && { json: {} }),
          });
          const said = ((await res.clone().json()) as { code?: string }).code;
          if (res.status !== status || said !== code)
            found.push(`${method} ${path}: ${res.status} ${said}`);
          else found.push(...(await problemDepartures(doc, method, path, lang, res)));
        }
      // The liveness probe never asks the store: an outage must not get the process restarted.
      const live = await failing.call("/healthz", { as: "none" });
      if (live.status !== 200) found.push(`GET /healthz: ${live.status}`);
      return found;
    } finally {
      await failing.close();
    }
  }

  it("500 on every authenticated route when the store fails under it", async () => {
    // A plain error is a bug, wherever it comes from.
    expect(await underFailingStore(new Error("disk I/O error"), 500)).toEqual([]);
  });

  it("503 store_unavailable, with Retry-After, on every authenticated route when the store cannot be reached", async () => {
    const refused = await new pg.Client({ connectionString: "postgres://gf@127.0.0.1:1/none" })
      .connect()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    // problemDepartures checks Retry-After is sent and documented, and the words in each language.
    expect(await underFailingStore(refused, 503, "store_unavailable")).toEqual([]);
  });

  it("500 when a write fails, then 503 recovering (with Retry-After) from the probe and the guard until the probe's rebuild", async () => {
    expect((await postRetailEvents(h)).status).toBe(200);
    let failing = true;
    const fail = <T>(real: T): T =>
      ((...args: unknown[]) => {
        if (failing) throw new Error("disk I/O error");
        return (real as (...a: unknown[]) => unknown).apply(h.store, args);
      }) as T;
    h.store.appendEvents = fail(h.store.appendEvents);
    h.store.loadCheckpoint = fail(h.store.loadCheckpoint);
    h.store.listRemedies = fail(h.store.listRemedies);
    const found: string[] = [];
    for (const lang of LANGS) {
      const headers = { "accept-language": lang };
      // The first write breaks the state; the next ones fail to rebuild it.
      const write = await h.call("/v1/events", { json: BIG_PRICE_DROP, headers });
      const read = await h.call("/v1/remedies", { as: "agent", headers });
      const ready = await h.call("/readyz", { as: "none", headers });
      // The guard does not answer "no warnings" from a state it does not have.
      const guard = await h.call("/v1/guard/check", {
        as: "guard",
        json: { customer: "c-1", items: [{ sku: "s", kind: "book" }] },
        headers,
      });
      expect([write.status, read.status, ready.status, guard.status]).toEqual([500, 500, 503, 503]);
      found.push(...(await problemDepartures(doc, "POST", "/v1/events", lang, write)));
      found.push(...(await problemDepartures(doc, "GET", "/v1/remedies", lang, read)));
      for (const [path, res] of [
        ["/readyz", ready],
        ["/v1/guard/check", guard],
      ] as const) {
        expect(res.headers.get("retry-after"), path).toMatch(/^[1-9]\d*$/);
        expect(await res.clone().json(), path).toMatchObject({ code: "recovering" });
        found.push(
          ...(await problemDepartures(doc, path === "/readyz" ? "GET" : "POST", path, lang, res)),
        );
      }
    }
    expect(found).toEqual([]);
    failing = false;
    // No write comes to a server the probe took out of rotation: the probe alone rebuilds it.
    await expect.poll(async () => (await h.call("/readyz", { as: "none" })).status).toBe(200);
  });

  it("503 not_ready, with Retry-After, once the store is gone", async () => {
    const closed = await harness();
    await closed.store.close();
    const found: string[] = [];
    for (const lang of LANGS) {
      const res = await closed.call("/readyz", {
        as: "none",
        headers: { "accept-language": lang },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      found.push(...(await problemDepartures(doc, "GET", "/readyz", lang, res)));
    }
    expect(found).toEqual([]);
    await closed.close();
  });
});
