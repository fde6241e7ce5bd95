/**
 * Every example in a command's --help runs as written: from a scratch folder holding the
 * packs, as a newcomer at the repository's root would, in-process and in help order (the
 * ingest examples first: they make the store the others read). Lines that never end or need
 * what the repository does not hold are listed with the reason, and still name real packs.
 */
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../../../test/support/cli.js";
import { ROOT } from "../../../test/support/packs.js";
import { buildProgram } from "./program.js";

const NOT_RUN = new Map<string, string>([
  ["goodfaith demo", "serves until stopped (demo.test.ts runs the demo)"],
  ["goodfaith demo --seed 7 --no-serve --json", "rebuilds a 38,000-event store (demo.test.ts)"],
  ["goodfaith serve -p packs/retail/promises.yaml --port 8080 &", "serves until stopped"],
  ["goodfaith metrics --watch 2 --json", "follows the log until stopped"],
  ["goodfaith clv fit --db .goodfaith/demo.db", "needs the demo's store"],
  ["goodfaith clv fit --transactions CDNOW_sample.txt --format cdnow --json", "CDNOW data"],
  [
    "goodfaith outbox run --executor webhook --url https://payments.example.com/goodfaith",
    "posts to a payment system until stopped",
  ],
  [
    "goodfaith webhooks disable we_3f9a1c2b7d4e",
    "needs an id webhooks add made (webhooks.test.ts)",
  ],
  [
    "goodfaith webhooks enable we_3f9a1c2b7d4e && goodfaith outbox run --once",
    "needs an id webhooks add made (webhooks.test.ts)",
  ],
]);

/** The exit code a line documents, where it is not 0 in a store with nothing dead. */
const EXIT_CODE = new Map([["goodfaith webhooks replay --dead && goodfaith outbox run --once", 2]]);

function* walk(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* walk(sub);
}

/** The indented lines under `Example:` or `Examples …:` in every command's help. */
function helpExamples(): string[] {
  const program = buildProgram(
    () => ({ out: () => {}, err: () => {}, lang: "en" }),
    () => {},
  );
  const lines: string[] = [];
  for (const command of walk(program)) {
    let help = "";
    command.configureOutput({ writeOut: (text) => (help += text) });
    command.outputHelp();
    let inBlock = false;
    for (const line of help.split("\n")) {
      if (/^Examples?\b.*:$/.test(line)) inBlock = true;
      else if (inBlock && line.startsWith("  ")) lines.push(line.trim());
      else inBlock = false;
    }
  }
  return lines;
}

/** Shell words: '…' and "…" quoting, as the examples use it. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** Runs `goodfaith … [&& goodfaith …] [| jq …]` as a shell would; the exit code of the line. */
async function runLine(line: string): Promise<{ code: number; err: string }> {
  let code = 0;
  let err = "";
  for (const part of line.split(" && ")) {
    const [name, ...args] = words(part.split(" | ")[0] ?? "");
    expect(name, line).toBe("goodfaith");
    const run = await runCli(args);
    code = run.code;
    err = run.err.join("\n");
    if (code !== 0) break;
  }
  return { code, err };
}

const examples = helpExamples();
const home = process.cwd();

describe("every --help example", () => {
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-help-examples-"));
    symlinkSync(join(ROOT, "packs"), join(dir, "packs"));
    process.chdir(dir);
  });
  afterAll(() => process.chdir(home));

  test("names packs that exist, and every line not run is still an example", () => {
    expect(examples.length).toBeGreaterThan(20);
    for (const line of examples)
      for (const path of words(line).filter((w) => w.startsWith("packs/")))
        expect(existsSync(join(ROOT, path)), `${line}: ${path}`).toBe(true);
    for (const line of NOT_RUN.keys()) expect(examples).toContain(line);
  });

  test("runs as written and exits as documented", async () => {
    const runnable = examples.filter((l) => l.startsWith("goodfaith ") && !NOT_RUN.has(l));
    const first = (l: string) => (l.startsWith("goodfaith ingest ") ? 0 : 1);
    for (const line of runnable.sort((a, b) => first(a) - first(b))) {
      const { code, err } = await runLine(line);
      const expected = EXIT_CODE.get(line) ?? 0;
      // On a wrong exit code the diff shows what the command said on stderr.
      expect({ line, code, err }).toEqual({
        line,
        code: expected,
        err: code === expected ? err : "",
      });
    }
  });
});
