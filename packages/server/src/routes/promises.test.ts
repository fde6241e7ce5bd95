import { readFile } from "node:fs/promises";
import { adoptPromises } from "@goodfaith/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";
import { type Harness, harness, retailSource } from "../../test/harness.js";

describe("promises", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("lists the promises in the language asked for", async () => {
    const sv = (await (await h.call("/v1/promises?lang=sv", { as: "guard" })).json()) as {
      lang: string;
      documents: { promises: { id: string; title: string }[] }[];
    };
    expect(sv.lang).toBe("sv");
    expect(sv.documents[0]?.promises[0]).toMatchObject({
      id: "already-owned",
      title: "Vi säger till innan du köper något två gånger",
    });
    const zh = (await (
      await h.call("/v1/promises", { as: "ingest", headers: { "accept-language": "zh-CN" } })
    ).json()) as { lang: string };
    expect(zh.lang).toBe("zh-CN");
  });

  it("renders the customer-facing page as HTML and Markdown", async () => {
    const html = await h.call("/v1/promises?format=html&lang=sv", { as: "agent" });
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toContain('<html lang="sv">');
    const md = await h.call("/v1/promises?format=markdown", { as: "agent" });
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(await md.text()).toContain("Northwind Market");
    expect((await h.call("/v1/promises?format=pdf", { as: "agent" })).status).toBe(400);
  });

  it("validates a draft: the ids when it loads, every located issue when not", async () => {
    const yaml = await readFile(
      new URL("../../../../packs/retail/promises.yaml", import.meta.url),
      "utf8",
    );
    const ok = await h.call("/v1/promises/validate", {
      as: "agent",
      body: yaml,
      headers: { "content-type": "application/yaml" },
    });
    expect(await ok.json()).toMatchObject({
      valid: true,
      company: "Northwind Market",
      promises: expect.arrayContaining(["already-owned"]),
    });
    const broken = yaml.replace("kind: warning", "kind: hug");
    const bad = await h.call("/v1/promises/validate", {
      as: "agent",
      body: broken,
      headers: { "content-type": "application/yaml" },
    });
    const verdict = (await bad.json()) as {
      valid: boolean;
      issues: { line: number; path: string }[];
    };
    expect(verdict.valid).toBe(false);
    expect(verdict.issues[0]?.path).toContain("remedy.kind");
    expect(verdict.issues[0]?.line).toBe(
      yaml.slice(0, yaml.indexOf("kind: warning")).split("\n").length,
    );
  });

  it("answers a document wrong everywhere with the first hundred issues and the count of all", async () => {
    const yaml = wrongEverywhere(250);
    const res = await h.call("/v1/promises/validate", {
      as: "agent",
      body: yaml,
      headers: { "content-type": "application/yaml" },
    });
    const verdict = (await res.json()) as { valid: boolean; issueCount: number; issues: unknown[] };
    expect([verdict.valid, verdict.issueCount, verdict.issues.length]).toEqual([false, 250, 100]);
    expect(verdict.issues[0]).toMatchObject({ path: "promises[0].colour", line: 10, column: 5 });
  });
});

describe("the promise set served, and the store's history", () => {
  it("names the store's version, or null for documents the store does not keep", async () => {
    const given = await harness();
    try {
      const body = (await (await given.call("/v1/promises", { as: "agent" })).json()) as {
        set: unknown;
      };
      expect(body.set).toBeNull();
      const history = await given.call("/v1/promises/history", { as: "ingest" });
      expect(await history.json()).toEqual({ versions: [] });
    } finally {
      await given.close();
    }
    const kept = await harness({}, { adopt: true });
    try {
      const body = (await (await kept.call("/v1/promises", { as: "guard" })).json()) as {
        set: Record<string, unknown>;
      };
      const [v1] = await kept.store.promiseSetHistory();
      expect(body.set).toEqual({
        version: 1,
        digest: v1?.digest,
        adoptedAt: new Date(v1?.adoptedAt ?? 0).toISOString(),
        actor: "test",
      });
      expect(body.set.adoptedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    } finally {
      await kept.close();
    }
  });

  it("lists every version, oldest first, without texts; 401 and 403 as problem details", async () => {
    const h = await harness({}, { adopt: true });
    try {
      const { file, text } = await retailSource();
      await adoptPromises(h.store, [{ file: "v2.yaml", text: `${text}\n# v2\n` }], {
        actor: "cli:promises",
      });
      const res = await h.call("/v1/promises/history", { as: "guard" });
      expect(res.status).toBe(200);
      const { versions } = (await res.json()) as { versions: Record<string, unknown>[] };
      expect(versions.map((v) => [v.version, v.actor, v.documents])).toEqual([
        [1, "test", [{ file, company: "Northwind Market", version: "2026.11" }]],
        [2, "cli:promises", [{ file: "v2.yaml" }]],
      ]);
      expect(JSON.stringify(versions)).not.toContain("goodfaith: 1");
      for (const [as, status] of [
        ["none", 401],
        ["executor", 403],
      ] as const) {
        const refused = await h.call("/v1/promises/history", {
          as,
          headers: { "accept-language": "sv" },
        });
        expect(refused.status).toBe(status);
        expect(refused.headers.get("content-type")).toContain("application/problem+json");
        expect(refused.headers.get("content-language")).toBe("sv");
      }
    } finally {
      await h.close();
    }
  });
});
