import { adoptPromises } from "@goodfaith/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, retailSource } from "../../test/harness.js";

const T0 = Date.UTC(2026, 10, 20, 9);

interface Adopted {
  adopted: boolean;
  set: { version: number; digest: string; adoptedAt: string; actor: string };
  repeats?: number;
  dropped?: string[];
}

describe("POST /v1/promises adopts a set", () => {
  let h: Harness;
  let retail: string;
  // What the operator's log was told, line by line.
  const logged: { fields: Record<string, unknown>; msg: string }[] = [];
  const line = (fields: object, msg: string) => {
    logged.push({ fields: fields as Record<string, unknown>, msg });
  };
  const log = { info: line, warn: line, error: line, isLevelEnabled: () => true };

  beforeEach(async () => {
    logged.length = 0;
    // Version 1 is the retail pack, adopted by `test`; the server serves it.
    h = await harness({ now: () => T0, log }, { adopt: true });
    retail = (await retailSource()).text;
  });
  afterEach(() => h.close());

  const adopt = (documents: unknown, call: Parameters<Harness["call"]>[1] = {}) =>
    h.call("/v1/promises", { json: { documents }, ...call });
  const adminId = async () =>
    (await h.store.listApiKeys()).find((k) => k.scopes.includes("admin"))?.id;
  const served = async () =>
    (await (await h.call("/v1/promises", { as: "guard" })).json()) as {
      set: { version: number; actor: string } | null;
      documents: { title?: string; promises: { id: string }[] }[];
    };
  const history = async () =>
    (
      (await (await h.call("/v1/promises/history", { as: "agent" })).json()) as {
        versions: { version: number; actor: string; documents: { file: string }[] }[];
      }
    ).versions;

  it("serves the new set at once, lists it with the key as actor, and the ledger still verifies", async () => {
    const edited = retail.replace(
      "en: Northwind Market's promises to you",
      "en: Northwind Market promises you this",
    );
    const res = await adopt([{ name: "retail/v2.yaml", yaml: edited }]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Adopted;
    const actor = `api-key:${await adminId()}`;
    expect(body).toEqual({
      adopted: true,
      set: {
        version: 2,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        adoptedAt: new Date(T0).toISOString(),
        actor,
      },
    });
    // No poll needed: this server switched before answering.
    const now = await served();
    expect(now.set).toMatchObject({ version: 2, actor });
    expect(now.documents[0]?.title).toBe("Northwind Market promises you this");
    expect((await history()).map((v) => [v.version, v.actor, v.documents[0]?.file])).toEqual([
      [1, "test", "packs/retail/promises.yaml"],
      [2, actor, "retail/v2.yaml"],
    ]);
    const verified = await h.call("/v1/ledger/verify");
    expect(await verified.json()).toMatchObject({
      ok: true,
      promiseSets: { ok: true, checked: 2 },
    });
    // The operator's log names the version and digest, never the texts.
    expect(logged.find((l) => l.fields.event === "promises_adopted")?.fields).toEqual({
      event: "promises_adopted",
      promiseSet: 2,
      digest: body.set.digest,
    });
    expect(JSON.stringify(logged)).not.toContain("Northwind");
  });

  it("adopts nothing when a document does not load: located issues, history and served set unchanged", async () => {
    const broken = retail.replace("kind: warning", "kind: hug");
    const res = await adopt([{ yaml: retail }, { yaml: broken }], {
      headers: { "accept-language": "sv" },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as {
      code: string;
      issueCount: number;
      issues: { path: string; line: number }[];
    };
    expect(problem).toMatchObject({ code: "invalid_request", issueCount: 1 });
    expect(problem.issues[0]?.path).toMatch(/^documents\[1\]\.promises\[\d\]\.remedy\.kind$/);
    expect(problem.issues[0]?.line).toBe(
      retail.slice(0, retail.indexOf("kind: warning")).split("\n").length,
    );
    expect((await history()).map((v) => v.version)).toEqual([1]);
    expect((await served()).set?.version).toBe(1);
    // A misshapen body is refused by its schema before anything is read.
    for (const documents of [[], [{ yaml: "" }], [{ yaml: retail, file: "x" }], retail])
      expect((await adopt(documents)).status).toBe(400);
    expect((await history()).map((v) => v.version)).toEqual([1]);
  });

  it("is for admin keys only", async () => {
    for (const as of ["agent", "guard", "ingest", "executor"]) {
      const res = await adopt([{ yaml: `${retail}\n# ${as}\n` }], { as });
      expect([as, res.status]).toEqual([as, 403]);
    }
    expect((await adopt([{ yaml: retail }], { as: "none" })).status).toBe(401);
    expect((await history()).map((v) => v.version)).toEqual([1]);
  });

  it("names a rollback (repeats) and the promises a smaller set drops", async () => {
    const shorter = retail.slice(0, retail.indexOf("  - id: not-shipped"));
    const smaller = (await (await adopt([{ yaml: shorter }])).json()) as Adopted;
    expect(smaller).toMatchObject({ adopted: true, set: { version: 2 }, dropped: ["not-shipped"] });
    expect(smaller.repeats).toBeUndefined();
    expect((await served()).documents[0]?.promises.map((p) => p.id)).not.toContain("not-shipped");
    // The name a document is given defaults to its place in the request.
    expect((await history())[1]?.documents).toEqual([
      { file: "api:0", company: "Northwind Market", version: "2026.11" },
    ]);
    const back = (await (await adopt([{ yaml: retail }])).json()) as Adopted;
    expect(back).toMatchObject({ adopted: true, set: { version: 3 }, repeats: 1 });
    expect(back.dropped).toBeUndefined();
    expect((await served()).documents[0]?.promises.map((p) => p.id)).toContain("not-shipped");
  });

  it("replays an Idempotency-Key's answer; the same texts again adopt nothing", async () => {
    const edited = `${retail}\n# edited\n`;
    const once = { headers: { "idempotency-key": "adopt-1" } };
    const first = await adopt([{ yaml: edited }], once);
    const replay = await adopt([{ yaml: edited }], once);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const answer = (await first.json()) as Adopted;
    expect(await replay.json()).toEqual(answer);
    expect(answer).toMatchObject({ adopted: true, set: { version: 2 } });
    // File names do not count: the same texts under another name are the set in effect.
    const again = (await (await adopt([{ name: "other.yaml", yaml: edited }])).json()) as Adopted;
    expect(again).toEqual({ ...answer, adopted: false });
    expect((await history()).map((v) => v.version)).toEqual([1, 2]);
    expect(logged.filter((l) => l.fields.event === "promises_adopted")).toHaveLength(1);
  });

  it("switches a server serving documents the store does not keep to the kept set they match", async () => {
    const given = await harness();
    try {
      expect((await given.call("/v1/promises")).status).toBe(200);
      const res = await given.call("/v1/promises", { json: { documents: [{ yaml: retail }] } });
      expect(await res.json()).toMatchObject({ adopted: true, set: { version: 1 } });
      // Adopted elsewhere first (as by `goodfaith promises adopt`): nothing new, yet now served.
      const other = `${retail}\n# elsewhere\n`;
      await adoptPromises(given.store, [{ file: "x.yaml", text: other }], {
        actor: "cli:promises",
      });
      const same = await given.call("/v1/promises", { json: { documents: [{ yaml: other }] } });
      expect(await same.json()).toMatchObject({ adopted: false, set: { version: 2 } });
      const now = (await (await given.call("/v1/promises")).json()) as { set: { version: number } };
      expect(now.set.version).toBe(2);
    } finally {
      await given.close();
    }
  });
});
