import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, harness } from "../test/harness.js";

describe("methods and paths the API does not have", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.close());

  it("answers a known path asked with another method 405, with what it allows", async () => {
    for (const [method, path, allow] of [
      ["PUT", "/v1/events", "OPTIONS, POST"],
      ["GET", "/v1/guard/check", "OPTIONS, POST"],
      ["DELETE", "/v1/remedies/r-1/approve", "OPTIONS, POST"],
      ["POST", "/v1/remedies/r-1", "GET, HEAD, OPTIONS"],
      ["PATCH", "/v1/webhooks/we_1", "DELETE, OPTIONS"],
    ] as const) {
      const res = await h.call(path, { method, headers: { "accept-language": "sv" } });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        code: "method_not_allowed",
        title: "Metoden tillåts inte",
        detail: `${path} tar inte emot ${method}.`,
      });
    }
  });

  it("answers OPTIONS on a known path with its methods, and 404 elsewhere", async () => {
    const options = await h.call("/v1/remedies", { method: "OPTIONS", as: "none" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const unknown = await h.call("/v1/nothing", { method: "OPTIONS" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe("not_found");
  });

  it("names the instance as sent, percent-encoded, and says the words vary by language", async () => {
    const res = await h.call("/v1/remedies/%00%20x", { as: "agent" });
    expect(res.status).toBe(404);
    expect(res.headers.get("vary")).toBe("accept-language");
    expect(await res.json()).toMatchObject({
      code: "remedy_not_found",
      instance: "/v1/remedies/%00%20x",
    });
  });
});
