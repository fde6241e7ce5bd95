import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";
import { wrongEverywhere } from "../../../../test/support/wrong-everywhere.js";

const AIRLINE = join(ROOT, "packs/airline/promises.yaml");

describe("goodfaith promises diff", () => {
  it("prints each changed field both ways and exits 1; exits 0 when nothing changed", async () => {
    const next = join(tempDb(), "..", "airline-next.yaml");
    writeFileSync(
      next,
      readFileSync(AIRLINE, "utf8").replace(
        "flight.arrivalDelayMinutes >= 180",
        "flight.arrivalDelayMinutes >= 120",
      ),
    );
    const changed = await cli(["promises", "diff", AIRLINE, next]);
    expect(changed.code).toBe(1);
    expect(changed.out).toEqual([
      "Northwind Air 2026.11 → Northwind Air 2026.11: 1 promise changed",
      "~ delay-refund",
      "    when",
      "      - flight.controllable && flight.arrivalDelayMinutes >= 180",
      "      + flight.controllable && flight.arrivalDelayMinutes >= 120",
    ]);
    expect((await cli(["promises", "diff", AIRLINE, next], "sv")).out[0]).toBe(
      "Northwind Air 2026.11 → Northwind Air 2026.11: 1 löfte har ändrats",
    );
    const json = await cli(["promises", "diff", AIRLINE, next, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}").changes[0]).toMatchObject({ id: "delay-refund" });
    const same = await cli(["promises", "diff", AIRLINE, AIRLINE]);
    expect(same.code).toBe(0);
    const bad = await cli(["promises", "diff", AIRLINE, join(ROOT, "nope.yaml")]);
    expect(bad.code).toBe(2);
  });
});

describe("goodfaith promises validate --json", () => {
  it("names the company and version of a valid document, as POST /v1/promises/validate", async () => {
    const run = await cli(["promises", "validate", AIRLINE, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0] ?? "{}")).toEqual({
      file: AIRLINE,
      valid: true,
      company: "Northwind Air",
      version: "2026.11",
      promises: ["delay-refund", "child-seated-apart"],
    });
  });
});

describe("goodfaith promises validate on a document wrong everywhere", () => {
  // 250 promises with an unknown field each: 250 problems.
  const file = join(tempDb(), "..", "wrong-everywhere.yaml");
  writeFileSync(file, wrongEverywhere(250));

  it("prints the first hundred problems and how many more, and exits 2", async () => {
    const run = await cli(["promises", "validate", file]);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(101);
    expect(run.err[0]).toBe(`${file}:10:5: promises[0].colour: unknown field "colour"`);
    expect(run.err[100]).toBe(
      `${file}: … and 150 more not shown (250 problems in all): fix these first, then validate again`,
    );
    const sv = await cli(["promises", "validate", file], "sv");
    expect(sv.err[100]).toBe(
      `${file}: … och 150 till visas inte (250 problem totalt): rätta dessa först och validera sedan igen`,
    );
  });

  it("--json counts every problem and lists the first hundred", async () => {
    const run = await cli(["promises", "validate", file, "--json"]);
    expect(run.code).toBe(2);
    const verdict = JSON.parse(run.out[0] ?? "{}");
    // As POST /v1/promises/validate: the problems themselves, no line saying how many more.
    expect([verdict.valid, verdict.errorCount, verdict.errors.length]).toEqual([false, 250, 100]);
    expect(verdict.errors.every((e: string) => /:\d+:\d+: /.test(e))).toBe(true);
  });
});
