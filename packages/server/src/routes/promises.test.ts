import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";
import { type Harness, harness } from "../../test/harness.js";

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
