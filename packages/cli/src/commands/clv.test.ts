import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

const folder = dirname(tempDb());
const csv = (name: string, text: string) => {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
};
const tx = csv("tx.csv", "customer,date,amount\nc1,2026-01-01,10\nc1,2026-01-0x,5\n");

describe("goodfaith clv fit", () => {
  it("locates a bad line once, as file:line:column", async () => {
    const run = await cli(["clv", "fit", "-t", tx]);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`${tx}:3:4: expected a date YYYY-MM-DD, got "2026-01-0x"`]);
    expect((await cli(["clv", "fit", "-t", tx], "sv")).err).toEqual([
      `${tx}:3:4: förväntade ett datum ÅÅÅÅ-MM-DD, fick "2026-01-0x"`,
    ]);
    const cdnow = csv("cdnow.txt", " 00004 0001 19970230  2   29.33\n 00004 0001 19970101  2\n");
    expect((await cli(["clv", "fit", "-t", cdnow, "--format", "cdnow"], "zh-CN")).err).toEqual([
      `${cdnow}:1:13: 应为 YYYYMMDD 格式的日期，实际为“19970230”`,
      `${cdnow}:2:24: 应有 5 个字段（批次、客户、YYYYMMDD、数量、金额），实际为 4 个`,
    ]);
    const empty = csv("empty.csv", "customer,date,amount\n");
    expect((await cli(["clv", "fit", "-t", empty], "sv")).err).toEqual([
      `${empty}:2:1: filen innehåller inga köp`,
    ]);
  });

  it("says what is wrong with an option in the reader's language", async () => {
    const said = async (lang: "zh-CN" | "sv", ...args: string[]) => {
      const run = await cli(["clv", "fit", "-t", tx, ...args], lang);
      expect(run.code).toBe(1);
      return run.err[0];
    };
    expect(await said("sv", "--horizon-weeks", "x")).toBe(
      "--horizon-weeks måste vara ett tal som är minst 0",
    );
    expect(await said("zh-CN", "--discount-rate", "-1")).toBe(
      "--discount-rate 必须是大于等于 0 的数",
    );
    expect(await said("sv", "--calibration-end", "2026-1-1")).toBe(
      "--calibration-end: 2026-1-1 är ingen dag (ÅÅÅÅ-MM-DD), till exempel 2026-11-30",
    );
    expect(await said("zh-CN", "--db", "x.db")).toBe(
      "--transactions 和 --db：购买记录只能有一个来源，不能同时指定",
    );
  });

  it("says why the models cannot be fitted", async () => {
    const later = csv("later.csv", "customer,date,amount\nc1,2026-03-01,10\nc1,2026-04-01,5\n");
    const run = await cli(["clv", "fit", "-t", later, "--calibration-end", "2026-01-31"], "sv");
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`${later}: ingen kund gjorde sitt första köp senast 2026-01-31`]);
  });
});

describe("goodfaith clv value and report", () => {
  it("refuse a bad --period or --alive-threshold in the reader's language", async () => {
    for (const command of ["clv value", "report"]) {
      const args = [...command.split(" "), "--db", tempDb()];
      const period = await cli([...args, "--period", "2026-13"], "zh-CN");
      expect(period.code).toBe(1);
      expect(period.err).toEqual([
        "--period：2026-13 不是月份（2026-11），也不是日期范围（2026-11-01..2026-11-30）",
      ]);
      const alive = await cli([...args, "--alive-threshold", "2"], "sv");
      expect(alive.err).toEqual(["--alive-threshold måste vara ett tal från 0 till 1"]);
    }
  });

  it("say there are no purchases in the currency asked for", async () => {
    const db = tempDb();
    const retail = (file: string) => join(ROOT, "packs/retail", file);
    const ingest = ["ingest", retail("events.jsonl"), "-p", retail("promises.yaml"), "--db", db];
    expect((await cli(ingest)).code).toBe(0);
    const run = await cli(["clv", "value", "--db", db, "--currency", "XYZ"], "sv");
    expect(run.code).toBe(2);
    expect(run.err).toEqual(["inga köp i XYZ (order.placed, booking.created) i händelseloggen"]);
  });
});
