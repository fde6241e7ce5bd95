import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awaitingRemedy, type Harness, harness, postRetailEvents } from "../../test/harness.js";

interface RemedyBody {
  remedy: {
    key: string;
    status: string;
    customer: string;
    amount?: { amount: string };
    detail: Record<string, unknown>;
  };
  transitions: { from?: string; to: string; actor: string; reason?: string }[];
}

describe("remedies", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("lists with filters and pages through with the cursor", async () => {
    await postRetailEvents(h);
    const all = (await h.store.listRemedies({}, { limit: 1000 })).remedies.map((r) => r.key);
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.call(`/v1/remedies?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        as: "agent",
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { remedies: { key: string }[]; next?: string };
      expect(page.remedies.length).toBeLessThanOrEqual(2);
      seen.push(...page.remedies.map((r) => r.key));
      cursor = page.next;
    } while (cursor !== undefined);
    expect(seen).toEqual(all);
    const anna = (await (await h.call("/v1/remedies?customer=c-anna", { as: "agent" })).json()) as {
      remedies: { customer: string }[];
    };
    expect(anna.remedies.length).toBeGreaterThan(0);
    expect(anna.remedies.every((r) => r.customer === "c-anna")).toBe(true);
    const none = (await (await h.call("/v1/remedies?status=rejected", { as: "agent" })).json()) as {
      remedies: unknown[];
    };
    expect(none.remedies).toEqual([]);
  });

  it("refuses a bad status, a bad cursor and a bad limit with located issues", async () => {
    for (const [query, path, words] of [
      ["status=lost", "query.status", 'okänd status "lost"'],
      ["cursor=zzz", "query.cursor", "ingen markör"],
      ["limit=0", "query.limit", ""],
      ["from=tuesday", "query.from", ""],
    ] as const) {
      const res = await h.call(`/v1/remedies?${query}`, {
        as: "agent",
        headers: { "accept-language": "sv-SE" },
      });
      expect(res.status, query).toBe(400);
      const problem = (await res.json()) as {
        code: string;
        issues: { path: string; message: string }[];
      };
      expect(problem.code).toBe("invalid_request");
      // Every part of the query is located the same way, and worded in the caller's language.
      expect(problem.issues.map((i) => i.path)).toContain(path);
      expect(problem.issues[0]?.message, query).toContain(words);
    }
  });

  it("shows one remedy with its explanation, and 404 for an unknown key", async () => {
    const key = await awaitingRemedy(h);
    const res = await h.call(`/v1/remedies/${encodeURIComponent(key)}`, { as: "agent" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RemedyBody;
    expect(body.remedy).toMatchObject({
      key,
      status: "awaiting_approval",
      customer: "c-9",
      amount: { amount: "500.00" },
    });
    expect(body.remedy.detail).toHaveProperty("explanation");
    expect(body.transitions.map((t) => t.to)).toEqual(["awaiting_approval"]);
    const missing = await h.call("/v1/remedies/no-such-remedy", { as: "agent" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe("remedy_not_found");
  });

  it("approves once, records who and why, and puts it on the ledger", async () => {
    const key = await awaitingRemedy(h);
    const before = (await h.store.ledgerHead("remedies"))?.seq ?? 0;
    const res = await h.call(`/v1/remedies/${encodeURIComponent(key)}/approve`, {
      as: "agent",
      json: { reason: "checked the receipt" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RemedyBody;
    expect(body.remedy.status).toBe("approved");
    const agentId = (await h.store.listApiKeys()).find((k) => k.scopes.includes("agent"))?.id;
    expect(body.transitions.at(-1)).toMatchObject({
      from: "awaiting_approval",
      to: "approved",
      actor: `api-key:${agentId}`,
      reason: "checked the receipt",
    });
    const entries = [];
    for await (const e of h.store.readLedger("remedies", before)) entries.push(e);
    expect(entries.map((e) => [e.kind, e.from, e.to])).toEqual([
      ["remedy.approved", "awaiting_approval", "approved"],
    ]);
    const verify = (await (await h.call("/v1/ledger/verify")).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    // Approved is final for a person: approving or rejecting again is a conflict.
    const again = await h.call(`/v1/remedies/${encodeURIComponent(key)}/reject`, {
      method: "POST",
      as: "agent",
      headers: { "accept-language": "sv" },
    });
    expect(again.status).toBe(409);
    const problem = (await again.json()) as { code: string; detail: string; remedyStatus: string };
    expect(problem).toMatchObject({ code: "remedy_conflict", remedyStatus: "approved" });
    // The status in the reader's words too, not the API's "approved".
    expect(problem.detail).toBe("Gottgörelsen är godkänd; den kan inte avvisas.");
  });

  it("rejects without a body; unknown keys are 404", async () => {
    const key = await awaitingRemedy(h);
    const res = await h.call(`/v1/remedies/${encodeURIComponent(key)}/reject`, {
      method: "POST",
      as: "admin",
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as RemedyBody).remedy.status).toBe("rejected");
    const entries = [];
    for await (const e of h.store.readLedger("remedies")) entries.push(e.kind);
    expect(entries.at(-1)).toBe("remedy.rejected");
    const missing = await h.call("/v1/remedies/nope/approve", { method: "POST", as: "agent" });
    expect(missing.status).toBe(404);
    const bad = await h.call(`/v1/remedies/${encodeURIComponent(key)}/approve`, {
      as: "agent",
      json: { reason: 7 },
    });
    expect(bad.status).toBe(400);
    // A misspelt field is refused where it is, not dropped with the reason it was meant to give.
    const typo = await h.call(`/v1/remedies/${encodeURIComponent(key)}/approve`, {
      as: "agent",
      json: { reasn: "checked" },
    });
    expect(typo.status).toBe(400);
    const issues = ((await typo.json()) as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(["reasn"]);
  });
});
