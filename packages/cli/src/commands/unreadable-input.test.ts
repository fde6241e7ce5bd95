/**
 * The README's exit codes for input, command by command: 1 when a file cannot be read, 2 when
 * a promise document was read but does not load; and a failed command makes no store.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

const PROMISES = join(ROOT, "packs/retail/promises.yaml");
const EVENTS = join(ROOT, "packs/retail/events.jsonl");
const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-unreadable-"));
const MISSING = join(dir, "no-such-file");
const INVALID = join(dir, "invalid.yaml");
writeFileSync(INVALID, "goodfaith: 1\ncompany: X\nversion: 1\ncurrency: EURO\npromises: []\n");
const ITEMS = '[{"sku":"a","kind":"book"}]';

// Every command that reads a file, with `file` where one of its inputs goes.
const READERS: Record<string, (file: string) => string[]> = {
  "promises validate": (f) => ["promises", "validate", PROMISES, f],
  "promises render": (f) => ["promises", "render", f],
  "run --promises": (f) => ["run", "-p", PROMISES, f, "-e", EVENTS],
  "run --events": (f) => ["run", "-p", PROMISES, "-e", EVENTS, f],
  "guard check --promises": (f) => [
    "guard",
    "check",
    "-e",
    EVENTS,
    "-c",
    "c",
    "-i",
    ITEMS,
    "-p",
    f,
  ],
  "guard check --events": (f) => ["guard", "check", "-e", f, "-c", "c", "-i", ITEMS],
  "guard check --items": (f) => ["guard", "check", "-e", EVENTS, "-c", "c", "-i", f],
  "ingest --promises": (f) => ["ingest", EVENTS, "-p", f, "--db", tempDb()],
  "ingest <files>": (f) => ["ingest", EVENTS, f, "-p", PROMISES, "--db", tempDb()],
  "ingest --format csv": (f) => ["ingest", f, "--format", "csv", "-p", PROMISES, "--db", tempDb()],
  "backtest --promises": (f) => ["backtest", "-p", f, "-e", EVENTS],
  "backtest --against": (f) => ["backtest", "-p", PROMISES, "--against", f, "-e", EVENTS],
  "backtest --events": (f) => ["backtest", "-p", PROMISES, "-e", f],
  "ledger verify --checkpoint": (f) => ["ledger", "verify", "--checkpoint", f, "--db", tempDb()],
  "ledger verify --trusted-key": (f) => ["ledger", "verify", "--trusted-key", f, "--db", tempDb()],
  "ledger checkpoint --key": (f) => ["ledger", "checkpoint", "--key", f, "--db", tempDb()],
  "clv fit --transactions": (f) => ["clv", "fit", "--transactions", f],
  // Checked before it opens the store or listens, so it returns at once.
  "serve --promises": (f) => ["serve", "-p", f, "--db", tempDb(), "--no-outbox"],
};

// Those of them that read promise documents.
const PROMISE_READERS = [
  "promises validate",
  "promises render",
  "run --promises",
  "guard check --promises",
  "ingest --promises",
  "backtest --promises",
  "backtest --against",
  "serve --promises",
] as const;

describe("a file that cannot be read", () => {
  for (const [command, args] of Object.entries(READERS)) {
    it(`${command}: exit 1, naming the file`, async () => {
      const run = await cli(args(MISSING));
      expect(run.err.join("\n")).toContain(`${MISSING}: no such file or folder`);
      expect(run.code).toBe(1);
    });
  }

  it("promises validate: exit 1 even when another file does not load", async () => {
    expect((await cli(["promises", "validate", MISSING, INVALID])).code).toBe(1);
    expect((await cli(["promises", "validate", INVALID, MISSING])).code).toBe(1);
  });

  it("promises diff: exit 2, as its help says (1 there means the documents differ)", async () => {
    const run = await cli(["promises", "diff", PROMISES, MISSING]);
    expect(run.err).toEqual([`${MISSING}: no such file or folder`]);
    expect(run.code).toBe(2);
  });
});

describe("a promise document that was read but does not load", () => {
  for (const command of PROMISE_READERS) {
    it(`${command}: exit 2`, async () => {
      const run = await cli(READERS[command]?.(INVALID) ?? []);
      expect(run.err.join("\n")).toContain(`${INVALID}:4:11: currency:`);
      expect(run.code).toBe(2);
    });
  }
});

describe("ingest that fails on its input", () => {
  for (const [input, args, code] of [
    ["an event file that cannot be read", (db: string) => [MISSING, "-p", PROMISES, "--db", db], 1],
    ["a folder given as an event file", (db: string) => [dir, "-p", PROMISES, "--db", db], 1],
    ["a promise file that cannot be read", (db: string) => [EVENTS, "-p", MISSING, "--db", db], 1],
    ["a promise file that does not load", (db: string) => [EVENTS, "-p", INVALID, "--db", db], 2],
  ] as const) {
    it(`leaves no store behind: ${input}`, async () => {
      const db = tempDb();
      const run = await cli(["ingest", ...args(db)]);
      expect(run.code).toBe(code);
      expect(existsSync(db)).toBe(false);
    });
  }
});
