import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";
import { type Harness, harness, postRetailEvents } from "../../test/harness.js";

const RETAIL = new URL("../../../../packs/retail/promises.yaml", import.meta.url);

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
    const start = yaml.indexOf("  - id: late-delivery");
    const end = yaml.indexOf("  - id:", start + 10);
    const without = yaml.slice(0, start) + yaml.slice(end);
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
