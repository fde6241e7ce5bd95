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
  withCapitalOptions,
} from "./commands/clv.js";
import { registerCustomerCommands } from "./commands/customer.js";
import { registerDemoCommands } from "./commands/demo.js";
import { guardCommand } from "./commands/guard.js";
import { registerIngestCommands } from "./commands/ingest.js";
import { registerKeysCommands } from "./commands/keys.js";
import { registerLedgerCommands } from "./commands/ledger.js";
import { registerMetricsCommands } from "./commands/metrics.js";
import { registerOutboxCommands } from "./commands/outbox.js";
import { registerPromiseSetCommands } from "./commands/promise-set.js";
import { diffCommand, renderCommand, validateCommand } from "./commands/promises.js";
import { registerRemediesCommands } from "./commands/remedies.js";
import { registerReportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { registerScorecardCommands } from "./commands/scorecard.js";
import { registerServeCommands } from "./commands/serve.js";
import { dbHelp } from "./commands/store-options.js";
import { registerWebhooksCommands } from "./commands/webhooks.js";
import { afterHelp, examples, helpText } from "./help-texts/index.js";
import type { CliContext } from "./io/context.js";
import { LocalizedCommand } from "./io/localized-command.js";
import { helpLanguage } from "./io/localized-help.js";

// The version users see is the package's own, read once from its package.json.
const VERSION = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/**
 * Builds the program; `context(lang)` supplies output streams and the language. Help is
 * written when commands are registered, so its language comes first: `--lang` in `args` (the
 * command line after the executable), else what `context` resolves without it.
 */
export function buildProgram(
  context: (lang: string | undefined) => CliContext,
  setExit: (code: number) => void,
  args: readonly string[] = [],
): Command {
  const helpLang = helpLanguage(args, context);
  const h = helpText(helpLang);
  const program: Command = new LocalizedCommand("goodfaith", () => ctx().lang, helpLang)
    // Commander's errors go where the command's own do, and throw rather than exit the
    // process: main.ts turns them into the exit code, and tests see them. Set before any
    // subcommand is made, as subcommands copy them (and the help option and command).
    .configureOutput({ writeErr: (text) => ctx().err(text.replace(/\n$/, "")) })
    .exitOverride()
    .helpOption("-h, --help", h("help"))
    .helpCommand("help [command]", h("help"))
    .description(h("program"))
    .version(VERSION, "-V, --version", h("versionOption"))
    .addOption(new Option("--lang <lang>", h("lang")).choices([...LANGS]))
    .showHelpAfterError()
    .addHelpText("after", afterHelp(`${h("exitCodes")}\n${h("exitCodeList")}`));
  const ctx = () => context(program.opts<{ lang?: string }>().lang);

  program
    .command("run")
    .description(h("run"))
    .requiredOption("-p, --promises <files...>", h("promiseFiles"))
    .requiredOption("-e, --events <files...>", h("runEvents"))
    .option("--until <time>", h("runUntil"))
    .option("--json", h("runJson"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("examples"), [
          "goodfaith run --promises packs/airline/promises.yaml packs/eu261/promises.yaml --events packs/airline/events.jsonl",
          `goodfaith run -p packs/retail/promises.yaml -e packs/retail/events.jsonl --json | jq 'select(.type=="remedy")'`,
        ]),
      ),
    )
    .action(
      async (opts: { promises: string[]; events: string[]; until?: string; json?: boolean }) =>
        setExit(await runCommand(opts, ctx())),
    );

  const guard = program.command("guard").description(h("guard"));
  guard
    .command("check")
    .description(h("guardCheck"))
    .requiredOption("-e, --events <files...>", h("guardEvents"))
    .requiredOption("-c, --customer <id>", h("guardCustomer"))
    .requiredOption("-i, --items <file-or-json>", h("guardItems"))
    .option("-p, --promises <files...>", h("guardPromises"), [])
    .option("--at <time>", h("guardAt"))
    .option("--json", h("json"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("example"), [
          `goodfaith guard check --events packs/retail/events.jsonl --customer c-li --items '[{"sku":"ebook-three-body","kind":"digital"}]'`,
        ]),
      ),
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

  const clv = program.command("clv").description(h("clv"));
  clv
    .command("fit")
    .description(h("clvFit"))
    .option("-t, --transactions <file>", h("clvTransactions"))
    .option("--db <url>", dbHelp(h))
    .option("--currency <code>", h("clvDbCurrency"))
    .addOption(
      new Option("--format <format>", h("clvFormat")).choices(["csv", "cdnow"]).default("csv"),
    )
    .option("--calibration-end <date>", h("clvCalibrationEnd"))
    .option("--horizon-weeks <weeks>", h("horizonWeeks"))
    .option("--discount-rate <rate>", h("discountRate"))
    .option("--json", h("clvFitJson"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("examples"), [
          "goodfaith clv fit --db .goodfaith/demo.db",
          "goodfaith clv fit --transactions CDNOW_sample.txt --format cdnow --json",
        ]),
        h("clvCdnow"),
      ),
    )
    .action(async (opts: ClvOptions) => setExit(await clvFitCommand(opts, ctx())));
  withCapitalOptions(clv.command("value").description(h("clvValue")), h, "clvCurrency")
    .option("--json", h("json"))
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

  const promises = program.command("promises").description(h("promises"));
  promises
    .command("validate")
    .description(h("promisesValidate"))
    .argument("<files...>")
    .option("--json", h("json"))
    .action(async (files: string[], opts: { json?: boolean }) =>
      setExit(await validateCommand(files, opts.json ?? false, ctx())),
    );
  promises
    .command("render")
    .description(h("promisesRender"))
    .argument("<file>")
    .option("--html", h("promisesHtml"))
    .option("-o, --out <file>", h("out"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("example"), [
          "goodfaith promises render packs/airline/promises.yaml --lang sv --html -o promises.sv.html",
        ]),
      ),
    )
    .action(async (file: string, opts: { html?: boolean; out?: string }) => {
      const base = ctx();
      setExit(await renderCommand(file, { ...opts, lang: base.lang }, base));
    });
  promises
    .command("diff")
    .description(h("promisesDiff"))
    .argument("<before>")
    .argument("<after>")
    .option("--json", h("json"))
    .addHelpText(
      "after",
      afterHelp(
        `${h("promisesDiffExit")}\n${h("promisesDiffThen")}\n  goodfaith backtest -p <after> --against <before>`,
      ),
    )
    .action(async (before: string, after: string, opts: { json?: boolean }) =>
      setExit(await diffCommand(before, after, opts.json ?? false, ctx())),
    );
  registerPromiseSetCommands(promises, h, ctx, setExit);
  return program;
}
