/**
 * `goodfaith metrics`: the customer journey in real time — purchases, delivery lateness,
 * rebuffering, arrival delay and support wait over the last 5 minutes, hour and day of event
 * time. With `--watch`, follows the event log and prints again whenever new events arrived.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Lang } from "@goodfaith/core";
import {
  type DistributionSummary,
  JOURNEY_METRICS,
  JOURNEY_STAGES,
  type JourneyLabelKey,
  JourneyMetrics,
  type JourneySnapshot,
  journeyLabels,
} from "@goodfaith/measure";
import { DEFAULT_STORE_PATH, journeyJson, StoreFollower } from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { cells, padCells } from "../io/pad.js";
import { t } from "../messages.js";
import { withStore } from "./remedies.js";
import { dbHelp, redact } from "./store-options.js";
import { storeOutageWatch } from "./store-outage.js";

/** Options of `goodfaith metrics`. */
export interface MetricsCommandOptions {
  readonly db?: string;
  /** Seconds between reads of the log; absent: print once. */
  readonly watch?: number;
  readonly json?: boolean;
  /** Stops watching (Ctrl-C in the CLI). */
  readonly signal?: AbortSignal;
}

const WINDOWS = ["5m", "1h", "24h", "all"] as const;

/** The lines of a snapshot: per stage, per metric, per window a count or the quantiles. */
export function snapshotLines(lang: Lang, snapshot: JourneySnapshot): string[] {
  const label = (key: JourneyLabelKey) => journeyLabels[lang][key];
  const number = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
  const at = Number.isFinite(snapshot.at) ? new Date(snapshot.at).toISOString() : "—";
  const width = Math.max(...WINDOWS.map((w) => cells(label(`window.${w}`))));
  const quantiles = (s: DistributionSummary | undefined) =>
    s === undefined || s.count === 0
      ? t(lang, "metricsCount", { count: 0 })
      : [
          t(lang, "metricsCount", { count: s.count }),
          ...(["p50", "p95", "p99"] as const).map(
            (q) => `${label(`quantile.${q}`)} ${number.format(s[q] ?? Number.NaN)}`,
          ),
        ].join("  ");
  const lines = [t(lang, "metricsTitle", { at })];
  for (const stage of JOURNEY_STAGES) {
    lines.push("", label(`stage.${stage}`));
    for (const [name, metric] of Object.entries(JOURNEY_METRICS)) {
      if (metric.stage !== stage) continue;
      lines.push(`  ${label(`metric.${name as keyof typeof JOURNEY_METRICS}`)}`);
      for (const w of WINDOWS) {
        const text =
          name === "purchases"
            ? t(lang, "metricsCount", { count: snapshot.purchases[w]?.count ?? 0 })
            : quantiles(snapshot.distributions[name as "rebufferRatio"][w]);
        lines.push(`    ${padCells(label(`window.${w}`), width)}  ${text}`);
      }
    }
  }
  return lines;
}

/** `goodfaith metrics`: resolves to the exit code once printed, or once watching stops. */
export function metricsCommand(opts: MetricsCommandOptions, ctx: CliContext): Promise<number> {
  if (opts.watch !== undefined && !(opts.watch >= 1)) {
    ctx.err(t(ctx.lang, "metricsBadSeconds", { seconds: String(opts.watch) }));
    return Promise.resolve(EXIT.failure);
  }
  return withStore(opts, ctx, async (store) => {
    const journey = new JourneyMetrics();
    const follower = new StoreFollower(store, { journey });
    const print = () => {
      const snapshot = journey.snapshot();
      if (opts.json) ctx.out(JSON.stringify(journeyJson(snapshot)));
      else for (const line of snapshotLines(ctx.lang, snapshot)) ctx.out(line);
    };
    await follower.poll();
    print();
    if (opts.watch === undefined) return EXIT.ok;
    if (!opts.json) {
      const db = redact(opts.db ?? DEFAULT_STORE_PATH);
      ctx.err(t(ctx.lang, "metricsWatching", { db, seconds: opts.watch }));
    }
    // A database away for a while is waited out, said once each way; the follower resumes
    // after the last event it fed, so nothing is counted twice.
    const outage = storeOutageWatch("metrics", ctx);
    while (!opts.signal?.aborted) {
      try {
        await sleep(opts.watch * 1000, undefined, { signal: opts.signal });
      } catch {
        break; // aborted: Ctrl-C
      }
      let events: number;
      try {
        events = (await follower.poll()).events;
      } catch (error) {
        if (outage.failed(error)) continue;
        throw error;
      }
      outage.succeeded();
      // Only the events logged since the last read are fed; print only when there were any.
      if (events > 0) print();
    }
    return EXIT.ok;
  });
}

/** Adds `goodfaith metrics` to `program`. */
export function registerMetricsCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  program
    .command("metrics")
    .description(h("metrics"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--watch [seconds]", h("metricsWatch"))
    .option("--json", h("metricsJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("metricsNotes"),
        examples(h("examples"), ["goodfaith metrics", "goodfaith metrics --watch 2 --json"]),
      ),
    )
    .action(async (opts: { db?: string; watch?: string | true; json?: boolean }) => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      try {
        const { watch, ...rest } = opts;
        setExit(
          await metricsCommand(
            {
              ...rest,
              signal: controller.signal,
              ...(watch !== undefined && { watch: watch === true ? 5 : Number(watch) }),
            },
            ctx(),
          ),
        );
      } finally {
        process.off("SIGINT", stop);
      }
    });
}
