/**
 * The `goodfaith` command line: every command resolves its options, calls a function that
 * returns an exit code, and writes through a context (so tests run it in-process).
 */

import { createRequire } from "node:module";
import { LANGS } from "@goodfaith/core";
import { type Command, Option } from "commander";
import { registerBacktestCommands } from "./commands/backtest.js";
import {
  type ClvOptions,
  type ClvValueOptions,
  clvFitCommand,
  clvValueCommand,
} from "./commands/clv.js";
import { registerCustomerCommands } from "./commands/customer.js";
import { registerDemoCommands } from "./commands/demo.js";
import { guardCommand } from "./commands/guard.js";
import { registerIngestCommands } from "./commands/ingest.js";
import { registerKeysCommands } from "./commands/keys.js";
import { registerLedgerCommands } from "./commands/ledger.js";
import { registerMetricsCommands } from "./commands/metrics.js";
import { registerOutboxCommands } from "./commands/outbox.js";
import { diffCommand, renderCommand, validateCommand } from "./commands/promises.js";
import { registerRemediesCommands } from "./commands/remedies.js";
import { registerReportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { registerScorecardCommands } from "./commands/scorecard.js";
import { registerServeCommands } from "./commands/serve.js";
import { DB_HELP } from "./commands/store-options.js";
import { registerWebhooksCommands } from "./commands/webhooks.js";
import type { CliContext } from "./io/context.js";
import { LocalizedCommand } from "./io/localized-command.js";

// The version users see is the package's own, read once from its package.json.
const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

const EXIT_CODES = `
Exit codes:
  0  success
  1  a file could not be read, or the command line was wrong
  2  invalid input: a promise document that does not load, or a bad items file
  3  the run completed, but some events were rejected (each is reported)`;

/** Builds the program; `context(lang)` supplies output streams and the language. */
export function buildProgram(
  context: (lang: string | undefined) => CliContext,
  setExit: (code: number) => void,
): Command {
  const program: Command = new LocalizedCommand("goodfaith", () => ctx().lang)
    // Commander's errors go where the command's own do, and throw rather than exit the
    // process: main.ts turns them into the exit code, and tests see them. Set before any
    // subcommand is made, as subcommands copy them.
    .configureOutput({ writeErr: (text) => ctx().err(text.replace(/\n$/, "")) })
    .exitOverride()
    .description("Keep your promises to customers before they have to ask.")
    .version(VERSION)
    .addOption(
      new Option("--lang <lang>", "language of human output and pages; default from LANG").choices([
        ...LANGS,
      ]),
    )
    .showHelpAfterError()
    .addHelpText("after", EXIT_CODES);
  const ctx = () => context(program.opts<{ lang?: string }>().lang);

  program
    .command("run")
    .description(
      "evaluate promise documents over event files and print every remedy, then a summary",
    )
    .requiredOption("-p, --promises <files...>", "promise documents (YAML)")
    .requiredOption(
      "-e, --events <files...>",
      "event files (JSON Lines); several are merged by event time",
    )
    .option(
      "--until <time>",
      "move event time to this RFC 3339 time at the end, firing deadlines before it",
    )
    .option("--json", "JSON lines: one per remedy, then a summary")
    .addHelpText(
      "after",
      `
Examples:
  goodfaith run --promises packs/airline/promises.yaml packs/eu261/promises.yaml --events packs/airline/events.jsonl
  goodfaith run -p packs/retail/promises.yaml -e packs/retail/events.jsonl --json | jq 'select(.type=="remedy")'`,
    )
    .action(
      async (opts: { promises: string[]; events: string[]; until?: string; json?: boolean }) =>
        setExit(await runCommand(opts, ctx())),
    );

  const guard = program.command("guard").description("the guard: warnings before a purchase");
  guard
    .command("check")
    .description("what the guard says to a customer about to buy some items, from their history")
    .requiredOption("-e, --events <files...>", "the customer history (JSON Lines)")
    .requiredOption("-c, --customer <id>", "the customer")
    .requiredOption(
      "-i, --items <file-or-json>",
      'items.json, or inline JSON: [{"sku":"…","kind":"book"}]',
    )
    .option(
      "-p, --promises <files...>",
      "promise documents with guard promises (default: already-owned and a 14-day price guarantee)",
      [],
    )
    .option(
      "--at <time>",
      "when the purchase happens (RFC 3339); default: the history's last event time",
    )
    .option("--json", "JSON output")
    .addHelpText(
      "after",
      `
Example:
  goodfaith guard check --events packs/retail/events.jsonl --customer c-li --items '[{"sku":"ebook-three-body","kind":"digital"}]'`,
    )
    .action(
      async (opts: {
        events: string[];
        customer: string;
        items: string;
        promises: string[];
        at?: string;
        json?: boolean;
      }) => setExit(await guardCommand(opts, ctx())),
    );

  const clv = program.command("clv").description("customer lifetime value (BG/NBD + Gamma-Gamma)");
  clv
    .command("fit")
    .description("fit the models to a purchase history and value every customer")
    .option(
      "-t, --transactions <file>",
      "purchases: CSV with header customer,date,amount, or the CDNOW format (default: the store's log)",
    )
    .option("--db <url>", DB_HELP)
    .option("--currency <code>", "with --db: reporting currency (default: the most used)")
    .addOption(
      new Option("--format <format>", "input format").choices(["csv", "cdnow"]).default("csv"),
    )
    .option("--calibration-end <date>", "last day (YYYY-MM-DD) of the fitting period")
    .option("--horizon-weeks <weeks>", "CLV horizon in weeks (default 52)")
    .option("--discount-rate <rate>", "annual discount rate (default 0.1)")
    .option("--json", "JSON: { bgnbd, gammaGamma, customers, repeaters, … }")
    .addHelpText(
      "after",
      `
Examples:
  goodfaith clv fit --db .goodfaith/demo.db
  goodfaith clv fit --transactions CDNOW_sample.txt --format cdnow --json

CDNOW_sample.txt: 6,919 purchases by 2,357 customers of CDNOW (Fader, Hardie & Lee, 2005), as the
lifetimes Python library ships it (lifetimes/datasets/); the fit reproduces the published estimates.`,
    )
    .action(async (opts: ClvOptions) => setExit(await clvFitCommand(opts, ctx())));
  clv
    .command("value")
    .description(
      "relationship capital from the store: equity, value at risk, write-down, value protected",
    )
    .option("--db <url>", DB_HELP)
    .option("--period <period>", "YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (default: the latest month)")
    .option("--currency <code>", "reporting currency (default: the most used)")
    .option("--horizon-weeks <weeks>", "CLV horizon in weeks (default 52)")
    .option("--discount-rate <rate>", "annual discount rate (default 0.1)")
    .option(
      "--alive-threshold <p>",
      "P(alive) below which a relationship is written down (default 0.5)",
    )
    .option("--json", "JSON output")
    .action(async (opts: ClvValueOptions) => setExit(await clvValueCommand(opts, ctx())));

  registerIngestCommands(program, ctx, setExit);
  registerBacktestCommands(program, ctx, setExit);
  registerLedgerCommands(program, ctx, setExit);
  registerCustomerCommands(program, ctx, setExit);
  registerServeCommands(program, ctx, setExit);
  registerKeysCommands(program, ctx, setExit);
  registerWebhooksCommands(program, ctx, setExit);
  registerOutboxCommands(program, ctx, setExit);
  registerDemoCommands(program, ctx, setExit);
  registerRemediesCommands(program, ctx, setExit);
  registerReportCommand(program, ctx, setExit);
  registerScorecardCommands(program, ctx, setExit);
  registerMetricsCommands(program, ctx, setExit);

  const promises = program
    .command("promises")
    .description("promise documents: validate, render and diff");
  promises
    .command("validate")
    .description("load promise documents and report every problem with file, line and column")
    .argument("<files...>")
    .option("--json", "JSON output")
    .action(async (files: string[], opts: { json?: boolean }) =>
      setExit(await validateCommand(files, opts.json ?? false, ctx())),
    );
  promises
    .command("render")
    .description("render the customer-facing promise page")
    .argument("<file>")
    .option("--html", "a standalone HTML page instead of Markdown")
    .option("-o, --out <file>", "write to a file instead of standard output")
    .addHelpText(
      "after",
      `\nExample:\n  goodfaith promises render packs/airline/promises.yaml --lang sv --html -o promises.sv.html`,
    )
    .action(async (file: string, opts: { html?: boolean; out?: string }) => {
      const base = ctx();
      setExit(await renderCommand(file, { ...opts, lang: base.lang }, base));
    });
  promises
    .command("diff")
    .description("what changed between two versions, promise by promise and field by field")
    .argument("<before>")
    .argument("<after>")
    .option("--json", "JSON output")
    .addHelpText(
      "after",
      "\nExit codes: 0 no change, 1 changed, 2 a file does not load.\nThen see what the change would cost:\n  goodfaith backtest -p <after> --against <before>",
    )
    .action(async (before: string, after: string, opts: { json?: boolean }) =>
      setExit(await diffCommand(before, after, opts.json ?? false, ctx())),
    );
  return program;
}
