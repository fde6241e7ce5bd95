import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, postRetailEvents } from "../../test/harness.js";

describe("POST /v1/guard/check", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    await postRetailEvents(h);
  });
  afterEach(() => h.close());

  it("warns before buying what the customer already owns, in their language", async () => {
    const res = await h.call("/v1/guard/check", {
      as: "guard",
      json: { customer: "c-li", items: [{ sku: "ebook-three-body", kind: "digital" }] },
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      warnings: { code: string; sku: string; message: string; text: Record<string, string> }[];
    };
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({ code: "already_owned", sku: "ebook-three-body" });
    expect(body.warnings[0]?.message).toBe(body.warnings[0]?.text["zh-CN"]);
  });

  it("has nothing to say about a new item, a gift, or an unknown customer", async () => {
    for (const json of [
      { customer: "c-li", items: [{ sku: "never-bought", kind: "digital" }] },
      { customer: "c-li", items: [{ sku: "ebook-three-body", kind: "digital", gift: true }] },
      { customer: "c-nobody", items: [{ sku: "ebook-three-body", kind: "digital" }] },
    ]) {
      const res = await h.call("/v1/guard/check", { as: "guard", json });
      expect(((await res.json()) as { warnings: unknown[] }).warnings).toEqual([]);
    }
  });

  it("sees events ingested after it started", async () => {
    const order = {
      id: "late-1",
      type: "order.placed",
      time: "2026-11-20T10:00:00Z",
      customer: "c-new",
      data: {
        order: "o-new",
        currency: "EUR",
        items: [{ sku: "ebook-x", kind: "digital", price: "5.00" }],
        payments: [{ method: "card", amount: "5.00" }],
      },
    };
    expect((await h.call("/v1/events", { as: "ingest", json: order })).status).toBe(200);
    const res = await h.call("/v1/guard/check", {
      as: "guard",
      json: { customer: "c-new", items: [{ sku: "ebook-x", kind: "digital" }] },
    });
    expect(
      ((await res.json()) as { warnings: { code: string }[] }).warnings.map((w) => w.code),
    ).toEqual(["already_owned"]);
  });

  it("rejects a malformed request with located issues", async () => {
    const res = await h.call("/v1/guard/check", {
      as: "guard",
      json: { customer: "", items: [{ sku: "x" }] },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; issues: { path: string }[] };
    expect(problem.code).toBe("invalid_request");
    expect(problem.issues.map((i) => i.path).sort()).toEqual(["customer", "items[0].kind"]);
  });

  it("says where a malformed request is wrong, in the caller's language", async () => {
    const json = { customer: "", items: [{ sku: "x" }] };
    const messages = async (lang: string) => {
      const res = await h.call("/v1/guard/check", {
        as: "guard",
        json,
        headers: { "accept-language": lang },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-language")).toBe(lang);
      return ((await res.json()) as { issues: { message: string }[] }).issues.map((i) => i.message);
    };
    expect(await messages("sv")).toEqual([
      "För lite(t): förväntade en sträng att ha >=1 tecken",
      "Ogiltig inmatning: förväntade en sträng, fick ingenting",
    ]);
    expect(await messages("zh-CN")).toEqual([
      "数值过小：期望 字符串 >=1 字符",
      "无效输入：期望字符串，实际接收空值",
    ]);
  });

  it("refuses a field it does not know, at that field, rather than ignore a typo", async () => {
    const res = await h.call("/v1/guard/check", {
      as: "guard",
      json: { customer: "c-1", items: [{ sku: "isbn-1", kind: "book", workid: "w-1" }], x: 1 },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { issues: { code: string; path: string }[] };
    expect(problem.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "request.unrecognized_keys items[0].workid",
      "request.unrecognized_keys x",
    ]);
  });

  it("answers every body as the route validators of other JSON routes do", async () => {
    // POST /v1/webhooks keeps `app.openapi()`'s validators; the guard validates in its handler.
    const bodies: [string | undefined, string][] = [
      ["application/json", '{"customer": "c", items: [}'],
      ["application/json", "[]"],
      ["application/json", ""],
      ["application/json; charset=utf-8", "null"],
      ["text/plain", "{}"],
      ["application/json; foo", "{}"],
      [undefined, "{}"],
      [undefined, ""],
    ];
    for (const [type, body] of bodies) {
      const headers: Record<string, string> = type === undefined ? {} : { "content-type": type };
      const [guard, reference] = await Promise.all(
        ["/v1/guard/check", "/v1/webhooks"].map(async (path) => {
          const res = await h.call(path, { as: "admin", method: "POST", body, headers });
          const problem = (await res.json()) as {
            code: string;
            detail: string;
            issues?: unknown[];
          };
          return { status: res.status, code: problem.code, detail: problem.detail };
        }),
      );
      expect({ type, body, ...guard }).toEqual({ type, body, ...reference });
    }
  });

  it("refuses a body that is not JSON with 415 in the caller's language", async () => {
    const res = await h.call("/v1/guard/check", {
      as: "guard",
      method: "POST",
      body: "customer=c-li",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "sv" },
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("unsupported_media_type");
    expect(problem.detail).toBe("Skicka application/json, inte application/x-www-form-urlencoded.");
  });

  it("replays a check sent again with its Idempotency-Key", async () => {
    const call = {
      as: "guard",
      json: { customer: "c-li", items: [{ sku: "ebook-three-body", kind: "digital" }] },
      headers: { "idempotency-key": "checkout-1" },
    };
    const first = await h.call("/v1/guard/check", call);
    const again = await h.call("/v1/guard/check", call);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
  });

  it("counts checks and requests", async () => {
    const json = { customer: "c-li", items: [{ sku: "ebook-three-body", kind: "digital" }] };
    await h.call("/v1/guard/check", { as: "guard", json });
    await h.call("/v1/guard/check", { as: "guard", json: { ...json, customer: "c-nobody" } });
    await h.call("/v1/guard/check", { as: "guard", json: {} });
    const metrics = await (await h.call("/metrics")).text();
    expect(metrics).toContain('goodfaith_guard_checks_total{warned="true"} 1');
    expect(metrics).toContain('goodfaith_guard_checks_total{warned="false"} 1');
    expect(metrics).toContain(
      'goodfaith_http_requests_total{route="/v1/guard/check",method="POST",status="400"} 1',
    );
  });

  it("records each warning given, once, and the scorecard counts it", async () => {
    const json = {
      customer: "c-li",
      items: [{ sku: "ebook-three-body", kind: "digital", price: "9.99", currency: "EUR" }],
      at: "2026-11-21T10:00:00Z",
    };
    for (let i = 0; i < 2; i++) {
      expect((await h.call("/v1/guard/check", { as: "guard", json })).status).toBe(200);
    }
    // Recording is not awaited by the answer; wait for the ingest queue to take it.
    let warned: { id: string; data: Record<string, unknown> }[] = [];
    for (let tries = 0; tries < 50 && warned.length === 0; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      warned = [];
      for await (const { event } of h.store.readEvents()) {
        if (event.type === "guard.warned") warned.push(event as never);
      }
    }
    expect(warned).toHaveLength(1); // the same check twice is one warning
    expect(warned[0]?.data).toMatchObject({
      sku: "ebook-three-body",
      code: "already_owned",
      price: "9.99",
      currency: "EUR",
    });
    const res = await h.call("/v1/scorecard?by=all", { as: "agent" });
    const rows = (await res.json()) as { rows: { counts: Record<string, number> }[] };
    expect(rows.rows[0]?.counts.warningsIssued).toBe(1);
  });
});
