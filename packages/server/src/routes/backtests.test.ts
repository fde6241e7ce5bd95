import { readFile } from "node:fs/promises";
import { adoptPromises, openStore } from "@goodfaith/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";
import { type Harness, harness, postRetailEvents } from "../../test/harness.js";
import { type Document, operationOf, violations } from "../../test/openapi-check.js";
import { followPromises } from "../promise-follower.js";

const RETAIL = new URL("../../../../packs/retail/promises.yaml", import.meta.url);

/** The retail pack without its late-delivery promise: a set that pays less. */
function withoutLateDelivery(yaml: string): string {
  const start = yaml.indexOf("  - id: late-delivery");
  const end = yaml.indexOf("  - id:", start + 10);
  return yaml.slice(0, start) + yaml.slice(end);
}

describe("POST /v1/backtests", () => {
  let h: Harness;
  let yaml: string;
  beforeEach(async () => {
    h = await harness();
    yaml = await readFile(RETAIL, "utf8");
    await postRetailEvents(h);
  });
  afterEach(() => h.close());

  it("replays the stored events through a proposed set, and compares it with another", async () => {
    const stored = (await h.store.listRemedies({}, { limit: 1000 })).remedies.length;
    const res = await h.call("/v1/backtests", { as: "agent", json: { promises: yaml } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { proposed: { totals: { remedies: number } } };
    // The same promises over the same events pay what ingestion paid.
    expect(body.proposed.totals.remedies).toBe(stored);
    // Without its late-delivery promise, the set pays less, and the comparison says so.
    const without = withoutLateDelivery(yaml);
    const compared = await h.call("/v1/backtests", {
      as: "agent",
      json: { promises: without, against: yaml },
    });
    const diff = (await compared.json()) as {
      proposed: { totals: { remedies: number } };
      comparison: object;
    };
    expect(diff.proposed.totals.remedies).toBeLessThan(stored);
    expect(diff.comparison).toBeTypeOf("object");
    // Nothing was written.
    expect((await h.store.listRemedies({}, { limit: 1000 })).remedies.length).toBe(stored);
  });

  it("locates problems of a document that does not load", async () => {
    const res = await h.call("/v1/backtests", {
      as: "agent",
      json: { promises: [yaml, "goodfaith: 1\n"] },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { issues: { path: string }[] };
    expect(problem.issues.every((i) => i.path.startsWith("promises[1]"))).toBe(true);
    expect((await h.call("/v1/backtests", { as: "agent", json: { promises: [] } })).status).toBe(
      400,
    );
  });

  it("reports the first hundred issues of each document, as validation does, and counts all", async () => {
    const broken = wrongEverywhere(250);
    const res = await h.call("/v1/backtests", {
      as: "agent",
      json: { promises: [broken, yaml], against: broken },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { issueCount: number; issues: { path: string }[] };
    expect(problem.issueCount).toBe(500);
    const where = (prefix: string) => problem.issues.filter((i) => i.path.startsWith(prefix));
    expect([where("promises[0]").length, where("against[0]").length]).toEqual([100, 100]);
    expect(problem.issues[0]?.path).toBe("promises[0].promises[0].colour");
  });
});

interface Answer {
  proposed: { totals: { remedies: number } };
  against: { totals: { remedies: number } };
  comparison: object;
  againstSet?: { version: number; digest: string; adoptedAt: string; actor: string };
}

describe('POST /v1/backtests with against: "current"', () => {
  let h: Harness;
  let yaml: string;
  let proposal: string;
  const backtest = async (against: unknown, headers: Record<string, string> = {}) =>
    h.call("/v1/backtests", { as: "agent", json: { promises: proposal, against }, headers });
  beforeEach(async () => {
    // The store keeps the retail pack as version 1, and the server serves that set.
    h = await harness({}, { adopt: true });
    yaml = await readFile(RETAIL, "utf8");
    proposal = withoutLateDelivery(yaml);
    await postRetailEvents(h);
  });
  afterEach(() => h.close());

  it("compares with the set served, as sending its texts would, and names the set as GET /v1/promises does", async () => {
    const res = await backtest("current");
    expect(res.status).toBe(200);
    const { againstSet, ...answer } = (await res.json()) as Answer;
    const sent = (await (await backtest([yaml])).json()) as Answer;
    expect(sent.againstSet).toBeUndefined();
    expect(answer).toEqual(sent);
    expect(answer.against.totals.remedies).toBeGreaterThan(answer.proposed.totals.remedies);
    const { set } = (await (await h.call("/v1/promises")).json()) as { set: object };
    expect(set).toMatchObject({ version: 1, actor: "test" });
    // The shape `goodfaith backtest --against --json` prints, member for member.
    expect(againstSet).toEqual({ ...set, from: "kept" });
    expect(Object.keys(againstSet ?? {})).toEqual([
      "version",
      "digest",
      "from",
      "adoptedAt",
      "actor",
    ]);
    const doc = (await (await h.call("/openapi.json", { as: "none" })).json()) as Document;
    const schema = operationOf(doc, "POST", "/v1/backtests")?.operation.responses["200"]?.content?.[
      "application/json"
    ]?.schema;
    expect(violations(doc, schema ?? {}, { againstSet, ...answer })).toEqual([]);
  });

  it("compares with the new set once the server has switched to it", async () => {
    const before = (await (await backtest("current")).json()) as Answer;
    // Another process adopts the proposal; the server's follower takes it up.
    const other = await openStore(h.db);
    const adopted = await adoptPromises(other, [{ file: "proposal.yaml", text: proposal }], {
      actor: "cli:promises",
    });
    await other.close();
    const follower = followPromises(h.store, h.ingest, { intervalMs: 60_000 });
    expect(await follower.check()).toMatchObject({ kind: "switched", set: { version: 2 } });
    await follower.stop();
    const after = (await (await backtest("current")).json()) as Answer;
    expect(after.againstSet).toEqual({
      version: 2,
      digest: adopted.set.digest,
      from: "kept",
      adoptedAt: new Date(adopted.set.adoptedAt).toISOString(),
      actor: "cli:promises",
    });
    // The proposal against itself: nothing changes; against the old set it paid more.
    expect(after.against.totals.remedies).toBe(after.proposed.totals.remedies);
    expect(before.against.totals.remedies).toBeGreaterThan(after.against.totals.remedies);
    const { againstSet: _, ...answer } = after;
    expect(answer).toEqual(await (await backtest([proposal])).json());
  });

  it("compares with documents the server was given that the store does not keep, naming no set", async () => {
    const given = await harness();
    try {
      await postRetailEvents(given);
      const call = (against: unknown) =>
        given.call("/v1/backtests", { as: "agent", json: { promises: proposal, against } });
      const res = await call("current");
      expect(res.status).toBe(200);
      const answer = (await res.json()) as Answer;
      expect(answer.againstSet).toBeUndefined();
      expect(answer).toEqual(await (await call(yaml)).json());
    } finally {
      await given.close();
    }
  });

  it("is a 409 no_promises, in the caller's language, when the server serves no promises", async () => {
    await h.ingest.switchTo([]);
    const titles = {
      en: "No promises to compare with",
      "zh-CN": "没有可供对比的承诺",
      sv: "Inga löften att jämföra med",
    };
    for (const [lang, title] of Object.entries(titles)) {
      const res = await backtest("current", { "accept-language": lang });
      expect(res.status).toBe(409);
      expect(res.headers.get("content-language")).toBe(lang);
      const problem = (await res.json()) as { code: string; title: string; detail: string };
      expect(problem).toMatchObject({ code: "no_promises", title });
      expect(problem.detail).toContain('"current"');
    }
    // Documents sent are still compared with.
    expect((await backtest(yaml)).status).toBe(200);
  });

  it("locates a value that is neither current nor documents at against", async () => {
    for (const against of ["currnt", "Current", 5, null]) {
      const res = await backtest(against, { "accept-language": "sv" });
      expect(res.status, String(against)).toBe(400);
      const problem = (await res.json()) as { issues: { path: string; code: string }[] };
      expect(problem.issues.map((i) => i.path)).toEqual(["against"]);
    }
    const res = await backtest("currnt");
    const { issues } = (await res.json()) as { issues: { code: string; message: string }[] };
    expect(issues).toEqual([
      {
        code: "request.invalid_against",
        path: "against",
        message:
          'expected "current" (the promises this server decides with now) or promise documents as YAML text',
      },
    ]);
  });
});
