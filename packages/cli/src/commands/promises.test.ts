import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

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
      "Northwind Air 2026.11 → Northwind Air 2026.11: 1 promises changed",
      "~ delay-refund",
      "    when",
      "      - flight.controllable && flight.arrivalDelayMinutes >= 180",
      "      + flight.controllable && flight.arrivalDelayMinutes >= 120",
    ]);
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
