/**
 * Test support for the CLI: run `goodfaith` in-process through the real program, capturing
 * what it writes and the exit code it sets, plus the fixtures the store commands' tests share.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { buildProgram } from "../../packages/cli/src/program.js";
import type { Lang } from "../../packages/core/src/i18n/lang.js";
import { ROOT } from "./packs.js";

/** What a command printed (line by line) and the exit code it set. */
export interface CliRun {
  readonly out: string[];
  readonly err: string[];
  readonly code: number;
}

/** Runs `goodfaith <args>` in-process; `--lang` on the command line wins over `lang`. */
export async function runCli(args: string[], lang: Lang = "en"): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = buildProgram(
    (option) => ({
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      lang: (option as Lang | undefined) ?? lang,
    }),
    (c) => {
      code = c;
    },
    args,
  );
  program.exitOverride();
  await program.parseAsync(["node", "goodfaith", ...args]);
  return { out, err, code };
}

/** The airline pack's sample events and the promises that act on them. */
export const AIRLINE_EVENTS = join(ROOT, "packs/airline/events.jsonl");
export const AIRLINE_PROMISES = ["packs/airline/promises.yaml", "packs/eu261/promises.yaml"].map(
  (f) => join(ROOT, f),
);

// The folders `tempDb` made for this test file, removed once its tests are done: a run of the
// suite made some 200 MB of stores, left behind on every run.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A path for a fresh SQLite store in a new temporary folder. */
export const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-store-"));
  made.push(dir);
  return join(dir, "g.db");
};

/** A new API key with `scope` in the store at `db`, made by `goodfaith keys create`. */
export async function newKey(db: string, scope: string): Promise<string> {
  const run = await runCli(["keys", "create", "-s", scope, "--db", db, "--json"]);
  if (run.code !== 0) throw new Error(`keys create: ${run.err.join("\n")}`);
  return (JSON.parse(run.out.join("\n")) as { key: string }).key;
}
