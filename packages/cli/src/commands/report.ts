/**
 * `goodfaith report`: the "customer delight first" report of a period — what customers lived
 * through, the worst failures and what they cost in relationships, then the operating
 * figures — as text, or a standalone HTML page with SVG charts.
 */
import { writeFile } from "node:fs/promises";
import { renderReportHtml, renderReportText } from "@goodfaith/measure";
import { reportViewFromStore } from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { describeError } from "../io/file-error.js";
import { helpOf } from "../io/localized-command.js";
import { capitalOptions, withCapitalOptions } from "./clv.js";
import { openCliStore } from "./store-options.js";

/** Options of `goodfaith report`. */
export interface ReportOptions {
  readonly db?: string;
  readonly period?: string;
  readonly currency?: string;
  readonly horizonWeeks?: string;
  readonly discountRate?: string;
  readonly aliveThreshold?: string;
  readonly html?: boolean;
  /** Write here instead of standard output. */
  readonly out?: string;
}

/** `goodfaith report`: resolves to the exit code. */
export async function reportCommand(opts: ReportOptions, ctx: CliContext): Promise<number> {
  const options = capitalOptions(opts, ctx);
  if (typeof options === "number") return options;
  const store = await openCliStore(opts.db, ctx, true);
  if (store === undefined) return EXIT.failure;
  try {
    const view = await reportViewFromStore(store, options, ctx.lang);
    const text = opts.html ? renderReportHtml(view) : renderReportText(view);
    if (opts.out === undefined) ctx.out(text.trimEnd());
    else await writeFile(opts.out, text);
    return EXIT.ok;
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    return EXIT.failure;
  } finally {
    await store.close();
  }
}

/** Registers `goodfaith report`. */
export function registerReportCommand(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  withCapitalOptions(program.command("report").description(h("report")), h, "reportCurrency")
    .option("--html", h("reportHtml"))
    .option("-o, --out <file>", h("out"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("example"), [
          "goodfaith report --period 2026-11 --lang sv --html -o report.sv.html",
        ]),
      ),
    )
    .action(async (opts: ReportOptions) => setExit(await reportCommand(opts, ctx())));
}
