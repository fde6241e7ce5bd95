import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, harness } from "../../test/harness.js";

const LANGS = ["en", "zh-CN", "sv"] as const;

describe("webhook routes: bad input is a located 400 in the caller's language", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  const issuesOf = async (path: string, lang: string, method = "GET") => {
    const res = await h.call(path, {
      method,
      headers: { "accept-language": lang },
      ...(method === "POST" && { json: {} }),
    });
    expect(res.status, path).toBe(400);
    expect(res.headers.get("content-language")).toBe(lang);
    const problem = (await res.json()) as {
      code: string;
      issues: { code: string; path: string; message: string }[];
    };
    expect(problem.code).toBe("invalid_request");
    return problem.issues;
  };

  it("an unknown delivery status is named, with the statuses there are", async () => {
    const said = {
      en: 'unknown status "lost"; expected one of pending, delivering, delivered, dead',
      "zh-CN": "未知状态“lost”；应为以下之一：pending, delivering, delivered, dead",
      sv: 'okänd status "lost"; förväntade en av pending, delivering, delivered, dead',
    };
    for (const lang of LANGS) {
      for (const status of ["lost", "dead,lost", "pending,lost,"]) {
        const query = `/v1/webhooks/deliveries?status=${status}`;
        const issues = await issuesOf(query, lang);
        if (status === "pending,lost,") expect(issues[0]?.path).toBe("query.status");
        else
          expect(issues).toEqual([
            { code: "request.invalid_status", path: "query.status", message: said[lang] },
          ]);
      }
    }
    const ok = await h.call("/v1/webhooks/deliveries?status=pending,dead");
    expect(ok.status).toBe(200);
  });

  it("a limit outside 1–1000 or not a number is located at query.limit", async () => {
    for (const lang of LANGS) {
      for (const [limit, code] of [
        ["0", "request.too_small"],
        ["1001", "request.too_big"],
        ["abc", "request.invalid_type"],
      ] as const) {
        const issues = await issuesOf(`/v1/webhooks/deliveries?limit=${limit}`, lang);
        expect(issues).toMatchObject([{ code, path: "query.limit" }]);
      }
    }
    for (const limit of ["1", "1000"])
      expect((await h.call(`/v1/webhooks/deliveries?limit=${limit}`)).status).toBe(200);
  });

  it("an id that is not an endpoint id is a 400 at param.id, not a 404", async () => {
    const said = {
      en: "is not a webhook endpoint id (we_ and 12 hex digits, e.g. we_3f9a1c2b7d4e)",
      "zh-CN": "不是 Webhook 端点 ID（we_ 加 12 位十六进制数字，例如 we_3f9a1c2b7d4e）",
      sv: "är inget id för en webhook-slutpunkt (we_ och 12 hexadecimala siffror, t.ex. we_3f9a1c2b7d4e)",
    };
    for (const lang of LANGS) {
      for (const [method, path] of [
        ["DELETE", "/v1/webhooks/deliveries"],
        ["DELETE", "/v1/webhooks/we_3F9A1C2B7D4E"],
        ["POST", "/v1/webhooks/not%20an%20id/enable"],
      ] as const) {
        expect(await issuesOf(path, lang, method)).toEqual([
          { code: "request.invalid_webhook_id", path: "param.id", message: said[lang] },
        ]);
      }
    }
    // The key is checked first: without one, a malformed id is still a 401.
    const res = await h.call("/v1/webhooks/x", { method: "DELETE", as: "none" });
    expect(res.status).toBe(401);
  });
});
