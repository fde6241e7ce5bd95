import {
  appendLedgerDrafts,
  ledgerSecret,
  openStore,
  pseudonym,
  REMEDIES_CHAIN,
  runOutbox,
} from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";

// An ingested airline pack plus one refund waiting for a person, recorded as the ingestor
// records one a promise's approval threshold holds back: the row, and its planned entry on
// the ledger (which `ledger verify` compares the table with).
async function storeWithPendingRemedy(): Promise<string> {
  const db = tempDb();
  await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
  const store = await openStore(db);
  await store.recordRemedies(
    [
      {
        key: "delay-refund:flight:NW9@2026-11-21:booking:NW-9",
        promise: "delay-refund",
        version: "2026.11",
        customer: "c-kim",
        kind: "refund",
        amount: { amount: "2450.00", currency: "USD" },
        status: "awaiting_approval",
        at: Date.UTC(2026, 10, 21, 18),
        detail: JSON.stringify({ why: "arrived 4 h late, crew shortage" }),
      },
    ],
    1,
  );
  const secret = await ledgerSecret(store);
  await appendLedgerDrafts(store, REMEDIES_CHAIN, [
    {
      chain: REMEDIES_CHAIN,
      at: Date.UTC(2026, 10, 21, 18),
      kind: "remedy.planned",
      actor: "engine",
      remedyKey: pseudonym(secret, PENDING),
      customerRef: pseudonym(secret, "c-kim"),
      amount: "2450.00",
      currency: "USD",
    },
  ]);
  await store.close();
  return db;
}

const PENDING = "delay-refund:flight:NW9@2026-11-21:booking:NW-9";

describe("goodfaith remedies", () => {
  it("lists page by page, with a cursor that continues where the page ended", async () => {
    const db = await storeWithPendingRemedy();
    const all = JSON.parse((await cli(["remedies", "list", "--db", db, "--json"])).out[0] ?? "{}");
    expect(all.remedies.length).toBeGreaterThan(4);
    expect(all.next).toBeNull();
    const keys: string[] = [];
    let after: string | undefined;
    do {
      const page = JSON.parse(
        (
          await cli([
            "remedies",
            "list",
            "--db",
            db,
            "--json",
            "--limit",
            "2",
            ...(after ? ["--after", after] : []),
          ])
        ).out[0] ?? "{}",
      );
      expect(page.remedies.length).toBeLessThanOrEqual(2);
      keys.push(...page.remedies.map((r: { key: string }) => r.key));
      after = page.next ?? undefined;
    } while (after);
    expect(keys).toEqual(all.remedies.map((r: { key: string }) => r.key));

    const pending = await cli(["remedies", "list", "--db", db, "--status", "awaiting_approval"]);
    expect(pending.out).toHaveLength(1);
    expect(pending.out[0]).toContain("2450.00 USD");
    expect(pending.out[0]).toContain(PENDING);
    const bad = await cli(["remedies", "list", "--db", db, "--status", "pending"]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toBe("not a remedy status: pending");
  });

  it("filters by incident time as GET /v1/remedies does: --from inclusive, --to exclusive", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const keys = async (...range: string[]) => {
      const run = await cli(["remedies", "list", "--db", db, "--json", ...range]);
      expect(run.code).toBe(0);
      return (JSON.parse(run.out[0] ?? "{}") as { remedies: { key: string }[] }).remedies.map(
        (r) => r.key,
      );
    };
    // Two children seated apart (30 Sep, 2 Oct), then flight NW101 late on 20 Nov 14:40.
    expect(await keys("--to", "2026-10-02T08:14:00Z")).toEqual([
      "child-seated-apart:booking:NW-7001:pax:p2",
    ]);
    const late = await keys("--from", "2026-11-20T15:40:00+01:00");
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((k) => k.includes("NW101@2026-11-20"))).toBe(true);
    expect(await keys("--from", "2026-10-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z")).toEqual([
      "child-seated-apart:booking:NW-5001:pax:p2",
    ]);
    const bad = await cli(["remedies", "list", "--db", db, "--from", "2026-10-01"]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain("--from: 2026-10-01 is not an RFC 3339 time");
  });

  it("approves once as the named actor, on the ledger; a second decision is refused", async () => {
    const db = await storeWithPendingRemedy();
    const approve = await cli([
      "remedies",
      "approve",
      PENDING,
      "--db",
      db,
      "--actor",
      "agent:a-17",
    ]);
    expect(approve.code).toBe(0);
    expect(approve.out[0]).toBe(
      `${PENDING}: approve (was awaiting_approval); recorded in the ledger`,
    );
    const again = await cli(["remedies", "reject", PENDING, "--db", db, "--actor", "agent:a-17"]);
    expect(again.code).toBe(2);
    expect(again.err[0]).toBe(`${PENDING}: cannot reject a remedy that is approved`);
    const retry = await cli(["remedies", "retry", PENDING, "--db", db, "--actor", "agent:a-17"]);
    expect(retry.code).toBe(2);

    const shown = JSON.parse(
      (await cli(["remedies", "show", PENDING, "--db", db, "--json"])).out[0] ?? "{}",
    );
    expect(shown.remedy).toMatchObject({
      status: "approved",
      detail: { why: "arrived 4 h late, crew shortage" },
    });
    expect(shown.transitions.map((m: { to: string; actor: string }) => [m.to, m.actor])).toEqual([
      ["awaiting_approval", "engine"],
      ["approved", "agent:a-17"],
    ]);
    const verify = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(JSON.parse(verify.out[0] ?? "{}").ok).toBe(true);
    const store = await openStore(db);
    const kinds = [];
    for await (const e of store.readLedger("remedies")) kinds.push(`${e.kind}@${e.actor}`);
    await store.close();
    expect(kinds.at(-1)).toBe("remedy.approved@agent:a-17");
  });

  it("words the statuses of a decision in the reader's language", async () => {
    const db = await storeWithPendingRemedy();
    const decide = (decision: string, lang: string) =>
      cli(["remedies", decision, PENDING, "--db", db, "--actor", "agent:a-17", "--lang", lang]);
    const approve = await decide("approve", "sv");
    expect(approve.out[0]).toBe(
      `${PENDING}: beslutat att den ska godkännas (status innan: väntar på godkännande); noterat i liggaren`,
    );
    expect((await decide("reject", "sv")).err[0]).toBe(
      `${PENDING}: en gottgörelse med status godkänd kan inte avvisas`,
    );
    const zh = await decide("reject", "zh-CN");
    expect(zh.err[0]).toBe(`${PENDING}：补救处于已批准状态，无法拒绝`);
    const zhDb = await storeWithPendingRemedy();
    const zhApprove = await cli([
      ...["remedies", "approve", PENDING, "--db", zhDb],
      ...["--actor", "agent:a-17", "--lang", "zh-CN"],
    ]);
    expect(zhApprove.out[0]).toBe(`${PENDING}：已批准（原状态 等待批准）；已记入账本`);
    expect((await decide("approve", "zh-CN")).err[0]).toBe(
      `${PENDING}：补救处于已批准状态，无法批准`,
    );
  });

  it("shows the reference the executor gave for an executed remedy", async () => {
    const db = await storeWithPendingRemedy();
    await cli(["remedies", "approve", PENDING, "--db", db, "--actor", "agent:a-17"]);
    const before = await cli(["remedies", "show", PENDING, "--db", db]);
    expect(before.out.join("\n")).not.toContain("reference");
    expect((await cli(["outbox", "run", "--once", "--db", db])).code).toBe(0);
    const shown = JSON.parse(
      (await cli(["remedies", "show", PENDING, "--db", db, "--json"])).out[0] ?? "{}",
    );
    expect(shown.remedy).toMatchObject({ status: "executed", reference: `recorded:${PENDING}` });
    const human = await cli(["remedies", "show", PENDING, "--db", db, "--lang", "sv"]);
    expect(human.out).toContain(`  referens: recorded:${PENDING}`);
  });

  it("retries by hand a remedy dead-lettered because it was never confirmed", async () => {
    const db = await storeWithPendingRemedy();
    await cli(["remedies", "approve", PENDING, "--db", db, "--actor", "agent:a-17"]);
    const store = await openStore(db);
    const never = { execute: async () => ({ ok: false as const, pending: true as const }) };
    let now = Date.now();
    const options = { worker: "w1", leaseMs: 1000, maxAttempts: 2, now: () => now };
    await runOutbox(store, never, options);
    now += 1000;
    await runOutbox(store, never, options);
    now += 1000;
    const gaveUp = await runOutbox(store, never, options);
    expect(gaveUp.outcomes).toContainEqual({
      key: PENDING,
      status: "dead",
      attempt: 2,
      error: "not confirmed after 2 attempts",
    });
    await store.close();
    const dead = JSON.parse(
      (await cli(["remedies", "show", PENDING, "--db", db, "--json"])).out[0] ?? "{}",
    );
    expect(dead.remedy).toMatchObject({
      status: "dead",
      lastError: "not confirmed after 2 attempts",
    });
    const retry = await cli(["remedies", "retry", PENDING, "--db", db, "--actor", "agent:a-17"]);
    expect(retry.code).toBe(0);
    expect((await cli(["outbox", "run", "--once", "--db", db])).code).toBe(0);
    const done = JSON.parse(
      (await cli(["remedies", "show", PENDING, "--db", db, "--json"])).out[0] ?? "{}",
    );
    expect(done.remedy).toMatchObject({ status: "executed", attempts: 3 });
    const verify = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(JSON.parse(verify.out[0] ?? "{}").ok).toBe(true);
  });

  it("says so for a key it does not know, in the reader's language", async () => {
    const db = await storeWithPendingRemedy();
    const run = await cli(["remedies", "show", "nope", "--db", db, "--lang", "zh-CN"]);
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe("nope：没有这项补救");
  });

  it("--limit is a whole number from 1 to 1000, not a database error or a quiet 1", async () => {
    const db = await storeWithPendingRemedy();
    for (const limit of ["abc", "0", "-1", "2x", "1001"]) {
      const run = await cli(["remedies", "list", "--db", db, "--limit", limit, "--lang", "sv"]);
      expect(run, limit).toMatchObject({
        code: 1,
        err: ["--limit måste vara ett heltal från 1 till 1\u00a0000"],
        out: [],
      });
    }
    const customer = await cli(["customers", "show", "c-kim", "--db", db, "--limit", "0"]);
    expect(customer).toMatchObject({
      code: 1,
      err: ["--limit must be a whole number of at least 1"],
    });
  });
});
