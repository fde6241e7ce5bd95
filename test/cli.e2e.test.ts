/**
 * The real `goodfaith` executable, as a user runs it after `npm ci` (which builds `dist/`):
 * every pack over every sample stream, as `npm start` does.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ROOT } from "./support/packs.js";

const BIN = `${ROOT}packages/cli/dist/main.js`;
const packs = readdirSync(`${ROOT}packs`).sort();

function goodfaith(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "C" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("the goodfaith executable", () => {
  test("runs every pack over every sample stream, with no rejected event and no evaluation error", () => {
    const r = goodfaith([
      "run",
      "--promises",
      ...packs.map((p) => `packs/${p}/promises.yaml`),
      "--events",
      ...packs.map((p) => `packs/${p}/events.jsonl`),
      "--json",
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = lines.at(-1) as {
      type: string;
      remedies: number;
      evaluationErrors: number;
      events: { rejected: number };
    };
    expect(summary.type).toBe("summary");
    expect(summary.events.rejected).toBe(0);
    expect(summary.evaluationErrors).toBe(0);
    const remedies = lines.filter((l) => l.type === "remedy");
    expect(remedies.length).toBe(summary.remedies);
    // Every pack contributes, and no incident is remedied twice.
    const promises = new Set(remedies.map((r) => String(r.promise)));
    for (const id of [
      "delay-refund",
      "eu261-delay-compensation",
      "dot-cancellation-refund",
      "late-delivery",
      "rental-quality",
      "long-wait-credit",
    ]) {
      expect(promises).toContain(id);
    }
    const keys = remedies.map((r) => String(r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("npm links the `goodfaith` command at install, as README's `npx goodfaith …` needs", () => {
    const r = spawnSync(`${ROOT}node_modules/.bin/goodfaith`, ["--version"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.error).toBeUndefined();
    expect(r.stdout.trim()).toBe("0.1.0");
  });

  test("--help lists the commands and the exit codes", () => {
    const r = goodfaith(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("run [options]");
    expect(r.out).toContain("3  the run completed, but some events were rejected");
  });

  test("a missing file is a clear error, not a crash", () => {
    const r = goodfaith(["run", "-p", "packs/airline/promises.yaml", "-e", "no-such-file.jsonl"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("no-such-file.jsonl");
    expect(r.err).not.toContain("    at ");
  });
});
