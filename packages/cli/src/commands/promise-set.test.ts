import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, PROMISES_CHAIN } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

const RETAIL = join(ROOT, "packs/retail/promises.yaml");
const EVENTS = join(ROOT, "packs/retail/events.jsonl");
const TEXT = readFileSync(RETAIL, "utf8");

// A copy of the retail pack's promises under another version, with Chinese and Swedish text.
function edited(): string {
  const file = join(mkdtempSync(join(tmpdir(), "goodfaith-promise-set-")), "promises.yaml");
  writeFileSync(
    file,
    TEXT.replace('version: "2026.11"', 'version: "2026.12"').replace(
      "# Northwind Market's promises",
      "# 北风市场 — Northwinds löften, åäö\n# Northwind Market's promises",
    ),
  );
  return file;
}

const summary = (out: readonly string[]) => JSON.parse(out.at(-1) ?? "{}");

describe("the promise set a store keeps", () => {
  it("adopts on ingest, adds a version only for a change, and lists the history", async () => {
    const db = tempDb();
    const first = await cli(["ingest", EVENTS, "-p", RETAIL, "--db", db, "--json"]);
    expect(first.code).toBe(0);
    expect(summary(first.out).promises).toMatchObject({
      version: 1,
      from: "adopted",
      actor: "cli:ingest",
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const again = await cli(["ingest", EVENTS, "-p", RETAIL, "--db", db]);
    expect(again.out[1]).toMatch(/^ {2}promises: version 1 in effect, unchanged since \d{4}-/);
    const changed = edited();
    const next = await cli(["ingest", EVENTS, "-p", changed, "--db", db]);
    expect(next.out[1]).toBe(
      "  promises: version 2 adopted and now in effect (Northwind Market 2026.12)",
    );

    const history = await cli(["promises", "history", "--db", db, "--json"]);
    expect(history.code).toBe(0);
    const versions = history.out.map((l) => JSON.parse(l));
    expect(versions.map((v) => [v.version, v.actor, v.documents])).toEqual([
      [1, "cli:ingest", [{ file: RETAIL, company: "Northwind Market", version: "2026.11" }]],
      [2, "cli:ingest", [{ file: changed, company: "Northwind Market", version: "2026.12" }]],
    ]);
    expect(versions[0].digest).toBe(summary(first.out).promises.digest);
    expect(versions[1].digest).not.toBe(versions[0].digest);
    const human = await cli(["promises", "history", "--db", db, "--lang", "sv"]);
    expect(human.out[0]).toBe(`2 versioner av löftena i ${db}, äldst först; den sista gäller:`);
    expect(human.out[1]).toContain(`av cli:ingest  sha256 ${versions[0].digest}`);

    // Each adoption is on the ledger's promises chain, and the ledger still verifies.
    const verify = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(verify.code).toBe(0);
    const store = await openStore(db);
    try {
      const entries = [];
      for await (const e of store.readLedger(PROMISES_CHAIN)) entries.push(e);
      expect(entries.map((e) => [e.kind, e.facts])).toEqual(
        versions.map((v) => ["promises.adopted", v.digest]),
      );
    } finally {
      await store.close();
    }
  });

  it("shows a version's documents byte for byte; exit 2 for one the store does not keep", async () => {
    const db = tempDb();
    const changed = edited();
    expect((await cli(["ingest", EVENTS, "-p", RETAIL, "--db", db])).code).toBe(0);
    expect((await cli(["ingest", EVENTS, "-p", changed, "--db", db])).code).toBe(0);
    const current = await cli(["promises", "show", "--db", db, "--json"]);
    expect(JSON.parse(current.out[0] ?? "{}").sources).toEqual([
      {
        file: changed,
        text: readFileSync(changed, "utf8"),
        company: "Northwind Market",
        version: "2026.12",
      },
    ]);
    const first = await cli(["promises", "show", "1", "--db", db]);
    expect(first.out[0]).toMatch(new RegExp(`^# ${RETAIL}: version 1 of the store's promises`));
    expect(`${first.out.slice(1).join("\n")}\n`).toBe(TEXT);
    const missing = await cli(["promises", "show", "3", "--db", db, "--lang", "zh-CN"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([
      `${db} 中没有第 3 版承诺（goodfaith promises history 会列出所有版本）`,
    ]);
    const none = await cli(["promises", "show", "--db", tempDb()]);
    expect(none.code).toBe(1); // no store there at all
  });

  it("ingest without --promises decides with the kept set; a file that does not load is never adopted", async () => {
    const db = tempDb();
    const lines = readFileSync(EVENTS, "utf8").split("\n").filter(Boolean);
    const head = join(mkdtempSync(join(tmpdir(), "goodfaith-promise-set-")), "first.jsonl");
    writeFileSync(head, `${lines[0]}\n`);
    expect((await cli(["ingest", head, "-p", RETAIL, "--db", db])).code).toBe(0);
    const kept = await cli(["ingest", EVENTS, "--db", db, "--json"]);
    expect(kept.code).toBe(0);
    expect(summary(kept.out)).toMatchObject({
      remedies: { created: 5 },
      promises: { version: 1, from: "kept", actor: "cli:ingest" },
    });
    const bad = await cli(["ingest", EVENTS, "-p", EVENTS, "--db", db]);
    expect(bad.code).toBe(2);
    const history = await cli(["promises", "history", "--db", db, "--json"]);
    expect(history.out).toHaveLength(1);
  });

  it("says which promises a new set stops keeping: a set is adopted whole", async () => {
    const db = tempDb();
    const AIRLINE = join(ROOT, "packs/airline/promises.yaml");
    expect((await cli(["promises", "adopt", RETAIL, AIRLINE, "--db", db])).code).toBe(0);
    const one = await cli(["promises", "adopt", RETAIL, "--db", db]);
    expect(one.out[0]?.split("\n")).toEqual([
      "promises: version 2 adopted and now in effect (Northwind Market 2026.11)",
      "  note: 2 promises of version 1 are not in these documents and no longer kept: delay-refund, child-seated-apart (a set is adopted whole: give every document it should keep)",
    ]);
    // Adding a document drops nothing; --json names what a replacement dropped.
    const both = await cli(["promises", "adopt", RETAIL, AIRLINE, "--db", db, "--json"]);
    expect(JSON.parse(both.out[0] ?? "{}").dropped).toBeUndefined();
    const airlineOnly = await cli(["promises", "adopt", AIRLINE, "--db", db, "--json"]);
    expect(JSON.parse(airlineOnly.out[0] ?? "{}")).toMatchObject({
      version: 4,
      dropped: [
        "already-owned",
        "price-protection",
        "late-delivery",
        "price-drop",
        "duplicate-charge",
        "not-shipped",
      ],
    });
  });

  it("promises adopt: a new version, the same set again, and nothing adopted from a file that does not load or cannot be read", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "goodfaith-promise-set-")), "new", "g.db");
    // No store yet: adopting makes one.
    const first = await cli(["promises", "adopt", RETAIL, "--db", db]);
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out).toEqual([
      "promises: version 1 adopted and now in effect (Northwind Market 2026.11)",
      "a running goodfaith serve over this store switches to it at its next look (every 5 seconds unless --promises-poll-ms says otherwise)",
    ]);
    const again = await cli(["promises", "adopt", RETAIL, "--db", db, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out[0] ?? "{}")).toMatchObject({
      version: 1,
      from: "unchanged",
      actor: "cli:promises",
    });
    const sv = await cli(["promises", "adopt", edited(), "--db", db, "--lang", "sv"]);
    expect(sv.out[0]).toBe("löften: version 2 antagen och gäller nu (Northwind Market 2026.12)");
    // An old file given again goes back on version 2: adopted, and said.
    const back = await cli(["promises", "adopt", RETAIL, "--db", db]);
    expect(back.out[0]?.split("\n")).toEqual([
      "promises: version 3 adopted and now in effect (Northwind Market 2026.11)",
      "  note: version 3 has the same documents as version 1, so it undoes the versions after 1; if that was not meant, adopt the documents you want again (goodfaith promises history lists them)",
    ]);
    const backJson = await cli(["promises", "adopt", edited(), "--db", db, "--json"]);
    expect(JSON.parse(backJson.out[0] ?? "{}")).toMatchObject({ version: 4, repeats: 2 });

    // Every problem, located; the store untouched.
    const broken = join(mkdtempSync(join(tmpdir(), "goodfaith-promise-set-")), "broken.yaml");
    writeFileSync(broken, TEXT.replaceAll("kind: warning", "kind: hug"));
    const invalid = await cli(["promises", "adopt", RETAIL, broken, "--db", db]);
    expect(invalid.code).toBe(2);
    expect(invalid.out).toEqual([]);
    expect(invalid.err).toHaveLength(2); // the two warnings' kinds
    for (const line of invalid.err) expect(line).toMatch(new RegExp(`^${broken}:\\d+:\\d+: `));
    const unreadable = await cli(["promises", "adopt", join(ROOT, "no-such.yaml"), "--db", db]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err[0]).toContain("no-such.yaml");
    const history = await cli(["promises", "history", "--db", db, "--json"]);
    expect(history.out.map((l) => JSON.parse(l).actor)).toEqual(Array(4).fill("cli:promises"));
    // A file that does not load creates no store either.
    const nowhere = join(mkdtempSync(join(tmpdir(), "goodfaith-promise-set-")), "g.db");
    expect((await cli(["promises", "adopt", broken, "--db", nowhere])).code).toBe(2);
    expect(existsSync(nowhere)).toBe(false);
  });
});
