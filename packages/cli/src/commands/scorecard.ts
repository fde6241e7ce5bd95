/**
 * `goodfaith scorecard`: the trust scorecard of everything in the store, by day, week or month
 * and by segment, channel or promise — or, with `--explain`, the events and remedies behind one
 * figure in one bucket.
 */
import { DIMENSIONS, type Dimension, PERIODS, type Period } from "@goodfaith/measure";
import { EXPLAINABLE, explainQuery, scorecardFromStore, scorecardRowsJson } from "@goodfaith/store";
import { type Command, Option } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { t } from "../messages.js";
import { withStore } from "./remedies.js";
import { explanationLines, rowLines } from "./scorecard-table.js";
import { dbHelp } from "./store-options.js";

/** Options of `goodfaith scorecard`. */
export interface ScorecardCommandOptions {
  readonly db?: string;
  /** @default "all" */
  readonly by?: Period;
  /** @default "all" */
  readonly dimension?: Dimension;
  /** A figure to explain instead of printing the scorecard. */
  readonly explain?: string;
  /** The bucket to explain: `2026-11-02`, `2026-W45`, `2026-11` or `all`. @default "all" */
  readonly period?: string;
  /** The segment, channel or promise to explain (with `--dimension`). */
  readonly value?: string;
  /** How many cases to list ids of. @default 20 */
  readonly limit?: number;
  readonly json?: boolean;
}

/** `goodfaith scorecard`: resolves to the exit code. */
export function scorecardCommand(opts: ScorecardCommandOptions, ctx: CliContext): Promise<number> {
  const limit = opts.limit ?? 20;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    ctx.err(t(ctx.lang, "badWhole", { option: "--limit", min: 1 }));
    return Promise.resolve(EXIT.failure);
  }
  const explain =
    opts.explain === undefined
      ? undefined
      : explainQuery({
          figure: opts.explain,
          period: opts.period ?? "all",
          limit,
          ...(opts.dimension !== undefined && { dimension: opts.dimension }),
          ...(opts.value !== undefined && { value: opts.value }),
        });
  if (explain && !explain.ok) {
    ctx.err(
      explain.field === "figure"
        ? t(ctx.lang, "scorecardBadFigure", {
            figure: opts.explain ?? "",
            // The store's list names some figures twice (a ratio and its count share a name).
            figures: [...new Set(EXPLAINABLE)].join(", "),
          })
        : t(ctx.lang, "scorecardBadBucket", { period: opts.period ?? "" }),
    );
    return Promise.resolve(EXIT.failure);
  }
  return withStore(opts, ctx, async (store) => {
    const scorecard = await scorecardFromStore(store);
    if (explain) {
      const counts = scorecard.explain(explain.query);
      const bucket = opts.period ?? "all";
      // The shape of `GET /v1/scorecard/explain`: the bucket as asked, not the parsed query.
      const { figure } = explain.query;
      const dimension = opts.dimension ?? "all";
      const value = opts.value ?? "";
      if (opts.json) ctx.out(JSON.stringify({ figure, bucket, dimension, value, counts }));
      else
        for (const line of explanationLines(ctx.lang, explain.query.figure, bucket, counts))
          ctx.out(line);
      return EXIT.ok;
    }
    const rows = scorecard.report({ by: opts.by ?? "all", dimension: opts.dimension ?? "all" });
    if (opts.json) {
      ctx.out(JSON.stringify({ rows: scorecardRowsJson(rows) }));
      return EXIT.ok;
    }
    if (rows.length === 0) {
      ctx.out(t(ctx.lang, "scorecardEmpty"));
      return EXIT.ok;
    }
    ctx.out(t(ctx.lang, "scorecardTitle"));
    for (const row of rows) {
      ctx.out("");
      for (const line of rowLines(ctx.lang, row)) ctx.out(line);
    }
    return EXIT.ok;
  });
}

/**
 * The figures `--explain` takes, from the store's own list (which names a ratio and its count
 * alike, so some twice), as indented lines of at most `width` characters.
 */
export function figureLines(width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const figure of new Set(EXPLAINABLE)) {
    const next = line ? `${line}, ${figure}` : `  ${figure}`;
    if (next.length > width && line) {
      lines.push(`${line},`);
      line = `  ${figure}`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** Adds `goodfaith scorecard` to `program`. */
export function registerScorecardCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  program
    .command("scorecard")
    .description(h("scorecard"))
    .option("--db <path-or-url>", dbHelp(h))
    .addOption(new Option("--by <period>", h("scorecardBy")).choices([...PERIODS]))
    .addOption(
      new Option("--dimension <dimension>", h("scorecardDimension")).choices([...DIMENSIONS]),
    )
    .option("--explain <figure>", h("scorecardExplain"))
    .option("--period <bucket>", h("scorecardPeriod"))
    .option("--value <value>", h("scorecardValue"))
    .option("--limit <n>", h("scorecardLimit"), "20")
    .option("--json", h("scorecardJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("scorecardFigures", { figures: figureLines() }),
        h("scorecardNotes"),
        examples(h("examples"), [
          "goodfaith scorecard --by week",
          "goodfaith scorecard --by week --dimension promise --json",
          "goodfaith scorecard --explain toldFirst --period 2026-W45",
        ]),
      ),
    )
    .action(
      async (opts: {
        db?: string;
        by?: Period;
        dimension?: Dimension;
        explain?: string;
        period?: string;
        value?: string;
        limit: string;
        json?: boolean;
      }) => {
        const { limit, ...rest } = opts;
        setExit(await scorecardCommand({ ...rest, limit: Number(limit) }, ctx()));
      },
    );
}
