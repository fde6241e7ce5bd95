import {
  hasApiKeys,
  hasNotices,
  type Lang,
  type RemedyFilter,
  type Store,
  type StoredNotice,
  type StoredRemedy,
} from "@goodfaith/core";
import { hashApiKey } from "@goodfaith/server";
import { openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { loadFlightRows } from "../demo/flights.js";
import { generateScenario } from "../demo/scenario.js";
import type { DemoSummary } from "../demo/summary.js";
import type { CliContext } from "../io/context.js";
import { demoCommand } from "./demo.js";

// Every remedy matching `filter`, read page by page straight from the store.
async function list(store: Store, filter: RemedyFilter = {}): Promise<StoredRemedy[]> {
  const all: StoredRemedy[] = [];
  let page = await store.listRemedies(filter, { limit: 500 });
  all.push(...page.remedies);
  while (page.next) {
    page = await store.listRemedies(filter, { limit: 500, after: page.next });
    all.push(...page.remedies);
  }
  return all;
}

// Every notice in the store, page by page.
async function notices(store: Store): Promise<StoredNotice[]> {
  if (!hasNotices(store)) throw new Error("the demo's store records no notices");
  const all: StoredNotice[] = [];
  let page = await store.listNotices({}, { limit: 500 });
  all.push(...page.notices);
  while (page.next !== undefined) {
    page = await store.listNotices({}, { limit: 500, after: page.next });
    all.push(...page.notices);
  }
  return all;
}

// The causes the demo's events state: the English text, and its translations by language.
function demoCauses(seed: number) {
  const english = new Set<string>();
  const translated: Record<Exclude<Lang, "en">, Set<string>> = {
    "zh-CN": new Set(),
    sv: new Set(),
  };
  for (const e of generateScenario(seed).events) {
    if (e.type !== "flight.arrived" && e.type !== "service.outage") continue;
    if (e.data.cause !== undefined) english.add(e.data.cause);
    for (const lang of ["zh-CN", "sv"] as const) {
      const text = e.data.causeText?.[lang];
      if (text !== undefined) translated[lang].add(text);
    }
  }
  return { english, translated };
}

describe("goodfaith demo", () => {
  it("--no-serve --json: prints a summary that matches what the store recorded", async () => {
    const db = tempDb();
    const run = await cli(["demo", "--no-serve", "--json", "--db", db]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    const summary = JSON.parse(run.out[0] ?? "{}") as DemoSummary & { seed: number; db: string };
    expect(summary.seed).toBe(261);
    const store = await openStore(db);
    try {
      expect(summary.events).toBe(await store.countEvents());
      // The store keeps the packs as its Bill of Rights, named as a user would name them.
      const kept = await store.promiseSet();
      expect(kept?.version).toBe(1);
      expect(kept?.actor).toBe("cli:demo");
      expect(kept?.sources.map((s) => s.file)).toContain("packs/retail/promises.yaml");
      const remedies = await list(store);
      expect(summary.remedies.remedies).toBe(remedies.length);
      for (const [promise, totals] of Object.entries(summary.byPromise)) {
        expect(totals.remedies, promise).toBe((await list(store, { promise })).length);
      }
      const awaiting = await list(store, { status: ["awaiting_approval"] });
      expect(summary.remedies.awaitingApproval).toBe(awaiting.length);
      expect(summary.customersReached).toBe(new Set(remedies.map((r) => r.customer)).size);
      // A Swedish or Chinese customer reads the cause in their language, never the English
      // the company reported it in.
      const causes = demoCauses(summary.seed);
      expect(causes.english.size).toBeGreaterThan(0);
      const all = await notices(store);
      for (const lang of ["zh-CN", "sv"] as const) {
        const told = all.filter((n) => n.lang === lang && n.body !== "");
        const quotingEnglish = told.filter((n) =>
          [...causes.english].some((c) => n.body.includes(c)),
        );
        expect(
          quotingEnglish.map((n) => n.key),
          lang,
        ).toEqual([]);
        const translatedCause = told.filter((n) =>
          [...causes.translated[lang]].some((c) => n.body.includes(c)),
        );
        expect(translatedCause.length, lang).toBeGreaterThan(0);
      }
    } finally {
      await store.close();
    }
    // Every promise of the retail, streaming and support packs had something to do, and the
    // airline's own promises and the US DOT rule acted on the real three-hour delays.
    const fired = Object.entries(summary.byPromise)
      .filter(([, t]) => t.remedies > 0)
      .map(([id]) => id);
    expect(fired).toEqual(
      expect.arrayContaining([
        "late-delivery",
        "price-drop",
        "duplicate-charge",
        "not-shipped",
        "rental-quality",
        "outage-credit",
        "long-wait-apology",
        "long-wait-credit",
        "repeat-contact",
        "delay-refund",
        "child-seated-apart",
        "dot-significant-delay-refund",
      ]),
    );
    expect(summary.remedies.awaitingApproval).toBeGreaterThan(0);
    expect(summary.remedies.money.map((m) => m.currency)).toEqual(["EUR", "USD"]);
    expect(BigInt(summary.remedies.points)).toBeGreaterThan(0n);
    // Telling first is a real share: neither none nor all.
    const told = summary.toldFirst;
    expect(told.toldFirst).toBeGreaterThan(0);
    expect(told.toldFirst).toBeLessThan(told.contacted);
  }, 180_000);

  it("serves the API with a fresh agent+guard key, stored hashed, and curl calls that work", async () => {
    const db = tempDb();
    const out: string[] = [];
    let stop = () => {};
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let ready: (line: { key: string; curl: string[] }) => void = () => {};
    const served = new Promise<{ key: string; curl: string[] }>((resolve) => {
      ready = resolve;
    });
    const ctx: CliContext = {
      out: (line) => {
        out.push(line);
        const parsed = JSON.parse(line) as { key?: string; curl?: string[] };
        if (parsed.key && parsed.curl) ready({ key: parsed.key, curl: parsed.curl });
      },
      err: (line) => out.push(line),
      lang: "en",
    };
    const small = { customers: 300, orders: 120, subscribers: 20, rentals: 30, contacts: 60 };
    const running = demoCommand(
      // --no-outbox, as the serve banner offers: the API alone.
      {
        ...{ db, port: 0, json: true, until, outbox: false },
        ...{ size: small, flights: loadFlightRows().slice(0, 600) },
      },
      ctx,
    );
    const { key, curl } = await served;
    expect(curl).toHaveLength(3);
    const base = /'(http:\/\/[^/]+)\//.exec(curl[0] ?? "")?.[1];
    const auth = { authorization: `Bearer ${key}` };
    const remedies = await fetch(`${base}/v1/remedies?limit=1`, { headers: auth });
    expect(remedies.status).toBe(200);
    // The guard call of the examples: the customer already owns that e-book.
    const body = /-d '([^']+)'/.exec(curl[2] ?? "")?.[1] ?? "";
    const guard = await fetch(`${base}/v1/guard/check`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body,
    });
    expect(guard.status).toBe(200);
    const warnings = (await guard.json()) as { warnings: { code: string }[] };
    expect(warnings.warnings.map((w) => w.code)).toContain("already_owned");
    // agent and guard, not ingest: sending events is refused.
    const ingest = await fetch(`${base}/v1/events`, { method: "POST", headers: auth, body: "[]" });
    expect(ingest.status).toBe(403);
    stop();
    expect(await running).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ outbox: false }),
    );
    const store = await openStore(db);
    try {
      if (!hasApiKeys(store)) throw new Error("the store keeps no API keys");
      const keys = await store.listApiKeys();
      expect(keys.map((k) => k.scopes)).toEqual([["agent", "guard"]]);
      // Only the digest is kept: the key is found by its hash.
      expect(await store.findApiKey(hashApiKey(key))).toMatchObject({ scopes: ["agent", "guard"] });
    } finally {
      await store.close();
    }
  }, 120_000);

  it("refuses a PostgreSQL store, a bad seed and a bad port before doing any work", async () => {
    const pg = await cli(["demo", "--no-serve", "--db", "postgres://u:secret@localhost/x"]);
    expect(pg.code).toBe(1);
    expect(pg.err.join("\n")).not.toContain("secret");
    const seed = await cli(["demo", "--no-serve", "--seed", "-1", "--db", tempDb()]);
    expect(seed.code).toBe(1);
    expect(seed.err[0]).toContain("--seed");
    const port = await cli(["demo", "--port", "99999", "--db", tempDb()]);
    expect(port.code).toBe(1);
    expect(port.err[0]).toContain("--port");
  });
});
