import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adoptPromises, openStore } from "@goodfaith/store";
import { beforeAll, describe, expect, test } from "vitest";
import { AIRLINE_EVENTS, AIRLINE_PROMISES, runCli, tempDb } from "../../../../test/support/cli.js";

const [AIRLINE, EU261] = AIRLINE_PROMISES as [string, string];
const dir = mkdtempSync(join(tmpdir(), "goodfaith-backtest-against-"));
const PROPOSED = join(dir, "proposed.yaml");
writeFileSync(
  PROPOSED,
  readFileSync(AIRLINE, "utf8").replace("arrivalDelayMinutes >= 180", "arrivalDelayMinutes >= 120"),
);

/** `goodfaith backtest <args>` through the real program: stdout and stderr joined. */
async function backtest(args: string[], lang?: "en" | "zh-CN" | "sv") {
  const run = await runCli(["backtest", ...args], lang);
  return { out: run.out.join("\n"), err: run.err.join("\n"), code: run.code };
}

describe("goodfaith backtest --against without files: the set the store keeps", () => {
  // A store that ingested the airline pack with its promises: it keeps them as version 1.
  const db = tempDb();
  beforeAll(async () => {
    const ingest = await runCli(["ingest", AIRLINE_EVENTS, "-p", ...AIRLINE_PROMISES, "--db", db]);
    expect(ingest.err).toEqual([]);
  });

  test("with --events, compares as with the kept set's files; --json names its version and digest", async () => {
    const proposal = ["-p", PROPOSED, EU261, "-e", AIRLINE_EVENTS, "--json"];
    const kept = JSON.parse((await backtest([...proposal, "--against", "--db", db])).out);
    const files = JSON.parse((await backtest([...proposal, "--against", ...AIRLINE_PROMISES])).out);
    const { againstSet, ...report } = kept;
    expect(report).toEqual(files);
    expect(files.comparison.totals.remedies.delta).toBe(1);
    const history = await runCli(["promises", "history", "--db", db, "--json"]);
    const { version, digest } = JSON.parse(history.out[0] ?? "");
    expect(againstSet).toMatchObject({ version: 1, digest, from: "kept" });
    expect(version).toBe(1);
  });

  test("the report names the kept version instead of files, in the reader's language", async () => {
    const args = ["-p", PROPOSED, EU261, "-e", AIRLINE_EVENTS, "--against", "--db", db];
    const en = await backtest(args);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(
      /Proposed against the store's promises, version 1 \(adopted \d{4}-.*Z; \w.* 2026\.11, .*\)/,
    );
    expect(en.out).toContain("Remedies: 11 vs 10 (+1)");
    expect((await backtest(args, "sv")).out).toContain(
      "Förslaget jämfört med lagrets löften, version 1 (antagen ",
    );
    expect((await backtest(args, "zh-CN")).out).toContain("提议版本与存储中的承诺第 1 版（");
  });

  test("a store that keeps no set, or no store: says to give the files or adopt a set, exit 1", async () => {
    const empty = tempDb();
    await (await openStore(empty)).close();
    const missing = join(dir, "none.db");
    for (const store of [empty, missing]) {
      const r = await backtest(["-p", PROPOSED, "-e", AIRLINE_EVENTS, "--against", "--db", store]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toBe(
        `${store} keeps no promises to compare with: give the current files (--against <current.yaml>…), or adopt a set first (goodfaith ingest or goodfaith serve with --promises)`,
      );
    }
    expect(existsSync(missing)).toBe(false);
    const args = ["-p", PROPOSED, "--db", empty, "--against"];
    expect((await backtest(args, "sv")).err).toContain("har inga löften att jämföra med");
    expect((await backtest(args, "zh-CN")).err).toContain("中没有保存可供对比的承诺");
  });

  test("with --events and no --db, reads the default store's set", async () => {
    const home = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), "goodfaith-no-default-store-")));
    try {
      const r = await backtest(["-p", PROPOSED, "-e", AIRLINE_EVENTS, "--against"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^\.goodfaith\/goodfaith\.db keeps no promises to compare with/);
      expect(existsSync(".goodfaith")).toBe(false);
    } finally {
      process.chdir(home);
    }
  });

  test("a kept set that no longer loads: its problems, exit 2", async () => {
    const broken = tempDb();
    const store = await openStore(broken);
    const text = "goodfaith: 1\npromises: [";
    await adoptPromises(store, [{ file: "old.yaml", text }], { actor: "test" });
    await store.close();
    const r = await backtest(["-p", PROPOSED, "-e", AIRLINE_EVENTS, "--against", "--db", broken]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const [why, ...problems] = r.err.split("\n");
    expect(why).toBe(
      "the promises the store keeps (version 1) do not load in this version of Goodfaith; give the current files to --against instead:",
    );
    expect(problems[0]).toMatch(/^old\.yaml:\d+:\d+: /);
  });

  test("--events with --db is still one source too many when --against has files or is absent", async () => {
    for (const against of [[], ["--against", AIRLINE]]) {
      const r = await backtest(["-p", PROPOSED, "-e", AIRLINE_EVENTS, "--db", db, ...against]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("--events and --db are both sources of events: give one");
    }
  });
});
