/**
 * `goodfaith outbox run`: the worker that executes due remedies (through the recording or the
 * webhook executor) and sends due webhook deliveries, once or every few seconds until stopped.
 */
import type { RemedyExecutor } from "@goodfaith/core";
import {
  addPasses,
  type OutboxPass,
  outboxPass,
  outboxPassBusy,
  RecordingExecutor,
  startOutboxWorker,
  WebhookExecutor,
} from "@goodfaith/store";
import { type Command, Option } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { contextLog, flushLog, LOG_LEVELS, type Log, type LogLevel } from "../io/log.js";
import { t } from "../messages.js";
import { dbHelp } from "./store-options.js";
import { storeOutageLines } from "./store-outage.js";
import { sayWebhookError, withWebhooks } from "./webhooks.js";

/** How remedies are carried out: the options `outbox run` and `serve` share. */
export interface OutboxExecutorOptions {
  /** @default "record" */
  readonly executor?: "record" | "webhook";
  /** The payment endpoint, for `--executor webhook`. */
  readonly url?: string;
  /** Its signing secret. @default $GOODFAITH_EXECUTOR_SECRET */
  readonly secret?: string;
  /** The API's address as the payment system reaches it, for the callback links. */
  readonly callbackBase?: string;
  /** How long an unconfirmed remedy waits before it is sent again. @default 300_000 */
  readonly leaseMs?: number;
}

/** Options of `goodfaith outbox run`. */
export interface OutboxRunOptions extends OutboxExecutorOptions {
  readonly db?: string;
  readonly once?: boolean;
  /** @default 5000 */
  readonly intervalMs?: number;
  readonly json?: boolean;
  /** How much of the operator's log a looping worker writes on stderr. @default "info" */
  readonly logLevel?: LogLevel;
  /** Resolves when a looping worker should stop. @default SIGINT or SIGTERM */
  readonly until?: Promise<unknown>;
}

/** Whether `ms`, when given, is a whole number of at least 1; if not, says so on stderr. */
function wholeMs(ms: number | undefined, option: string, ctx: CliContext): boolean {
  if (ms === undefined || (Number.isSafeInteger(ms) && ms >= 1)) return true;
  ctx.err(t(ctx.lang, "badWhole", { option, min: 1 }));
  return false;
}

/**
 * The executor the options name, or undefined after saying why on stderr (a lease that is not
 * a whole number of ms, webhook without its url or secret, or with a url that is not http(s)).
 */
export function outboxExecutor(
  opts: OutboxExecutorOptions,
  ctx: CliContext,
): RemedyExecutor | undefined {
  const { url } = opts;
  if (!wholeMs(opts.leaseMs, "--lease-ms", ctx)) return undefined;
  if ((opts.executor ?? "record") === "record") return new RecordingExecutor();
  const secret = opts.secret ?? process.env.GOODFAITH_EXECUTOR_SECRET;
  if (url === undefined || secret === undefined || secret === "") {
    ctx.err(t(ctx.lang, "outboxWebhookNeeds"));
    return undefined;
  }
  try {
    return new WebhookExecutor({
      url,
      secret,
      ...(opts.callbackBase !== undefined && { callbackBase: opts.callbackBase }),
    });
  } catch (error) {
    sayWebhookError(ctx, error);
    return undefined;
  }
}

/**
 * The worker's outage callbacks, each said once (see `OutboxWorkerOptions.onStoreUnavailable`),
 * as lines of `log`.
 */
export function outboxOutage(ctx: CliContext, log: Log) {
  const lines = storeOutageLines("outbox", ctx, log);
  return { onStoreUnavailable: lines.unavailable, onStoreBack: lines.back };
}

/** The one-line summary of a pass, in the reader's language. */
export function outboxPassLine(ctx: CliContext, pass: OutboxPass): string {
  const { remedies, deliveries } = pass;
  // Only a stopped pass, or the first after an outage stranded claims, hands some back: said then.
  const released =
    remedies.released > 0 ? t(ctx.lang, "outboxReleased", { count: remedies.released }) : "";
  const line = t(ctx.lang, "outboxRun", {
    executed: remedies.executed,
    pending: remedies.pending,
    retried: remedies.retried,
    dead: remedies.dead,
    delivered: deliveries?.delivered ?? 0,
    failed: deliveries?.retried ?? 0,
    deadDeliveries: deliveries?.dead ?? 0,
  });
  return line + released;
}

/**
 * `report` once per burst (the busy passes a worker runs back to back) with their sum, when
 * the burst ends: a backlog of a thousand remedies is one line, not twenty. `flush` reports a
 * burst cut short (the worker stopped in it), so what it did is never left unsaid.
 */
export function perBurst(
  report: (pass: OutboxPass) => void,
): ((pass: OutboxPass) => void) & { flush(): void } {
  let sum: OutboxPass | undefined;
  const flush = () => {
    if (sum !== undefined) report(sum);
    sum = undefined;
  };
  const onPass = (pass: OutboxPass) => {
    if (outboxPassBusy(pass)) sum = sum === undefined ? pass : addPasses(sum, pass);
    else flush();
  };
  return Object.assign(onPass, { flush });
}

function stopped(until: Promise<unknown> | undefined): Promise<unknown> {
  return (
    until ??
    new Promise((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    })
  );
}

/** `goodfaith outbox run`: resolves to the exit code once the worker stops. */
export async function outboxRunCommand(opts: OutboxRunOptions, ctx: CliContext): Promise<number> {
  if (!wholeMs(opts.intervalMs, "--interval-ms", ctx)) return EXIT.failure;
  const remedyExecutor = outboxExecutor(opts, ctx);
  if (remedyExecutor === undefined) return EXIT.failure;
  return withWebhooks(opts.db, ctx, true, async (store) => {
    const line = (pass: OutboxPass) => ctx.out(outboxPassLine(ctx, pass));
    const report = (pass: OutboxPass) => {
      if (opts.json) ctx.out(JSON.stringify(pass));
      else if (opts.once) line(pass);
      else bursts(pass);
    };
    const bursts = perBurst(line);
    if (opts.once) {
      report(await outboxPass(store, remedyExecutor, opts.leaseMs));
      return EXIT.ok;
    }
    const log = contextLog(ctx, opts.logLevel ?? "info");
    const intervalMs = opts.intervalMs ?? 5000;
    // A database away for a while is waited out (said once each way); any other error stops
    // the worker with exit code 1.
    const worker = startOutboxWorker(store, remedyExecutor, {
      ...(opts.leaseMs !== undefined && { leaseMs: opts.leaseMs }),
      intervalMs,
      onPass: report,
      ...outboxOutage(ctx, log),
    });
    const executor = opts.executor ?? "record";
    log.info({ who: "outbox", event: "start", executor, intervalMs }, "outbox worker started");
    try {
      await Promise.race([stopped(opts.until), worker.done]);
    } catch (error) {
      log.error({ who: "outbox", event: "failed", err: error }, "outbox worker failed");
      await flushLog(log);
      throw error;
    }
    // The call under way is recorded; the claims not started go back, due at once elsewhere.
    await worker.stop();
    bursts.flush();
    if (!opts.json) ctx.out(t(ctx.lang, "outboxStopped"));
    log.info({ who: "outbox", event: "stop" }, "outbox worker stopped");
    await flushLog(log);
    return EXIT.ok;
  });
}

/** Adds the options `outbox run` and `serve` share to `command`. */
export function addExecutorOptions(command: Command): Command {
  const h = helpOf(command);
  return command
    .addOption(
      new Option("--executor <executor>", h("executor"))
        .choices(["record", "webhook"])
        .default("record"),
    )
    .option("--url <url>", h("executorUrl"))
    .option("--secret <secret>", h("executorSecret"))
    .option("--callback-base <url>", h("executorCallbackBase"))
    .option("--lease-ms <ms>", h("executorLease"), "300000");
}

/** `--log-level`, also read from `$GOODFAITH_LOG_LEVEL`, checked against the levels. */
export function logLevelOption(help: string): Option {
  return new Option("--log-level <level>", help)
    .choices(LOG_LEVELS)
    .env("GOODFAITH_LOG_LEVEL")
    .default("info");
}

/** The shared options as commander parsed them, as `OutboxExecutorOptions`. */
export function executorOptionsOf(opts: {
  executor: "record" | "webhook";
  url?: string;
  secret?: string;
  callbackBase?: string;
  leaseMs: string;
}): OutboxExecutorOptions {
  return {
    executor: opts.executor,
    leaseMs: Number(opts.leaseMs),
    ...(opts.url !== undefined && { url: opts.url }),
    ...(opts.secret !== undefined && { secret: opts.secret }),
    ...(opts.callbackBase !== undefined && { callbackBase: opts.callbackBase }),
  };
}

/** Adds `goodfaith outbox` to `program`. */
export function registerOutboxCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const outbox = program.command("outbox").description(h("outbox"));
  addExecutorOptions(outbox.command("run").description(h("outboxRun")))
    .option("--once", h("outboxOnce"))
    .option("--interval-ms <ms>", h("outboxInterval"), "5000")
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("outboxJson"))
    .addOption(logLevelOption(h("outboxLogLevel")))
    .addHelpText(
      "after",
      afterHelp(
        h("outboxNotes"),
        examples(h("outboxExample"), [
          "goodfaith keys create --scope executor --name payments",
          "export GOODFAITH_EXECUTOR_SECRET=$(openssl rand -hex 32)",
          "goodfaith outbox run --executor webhook --url https://payments.example.com/goodfaith",
        ]),
      ),
    )
    .action(
      async (
        opts: Parameters<typeof executorOptionsOf>[0] & {
          once?: boolean;
          intervalMs: string;
          db?: string;
          json?: boolean;
          logLevel: LogLevel;
        },
      ) =>
        setExit(
          await outboxRunCommand(
            {
              ...executorOptionsOf(opts),
              logLevel: opts.logLevel,
              intervalMs: Number(opts.intervalMs),
              ...(opts.once !== undefined && { once: opts.once }),
              ...(opts.db !== undefined && { db: opts.db }),
              ...(opts.json !== undefined && { json: opts.json }),
            },
            ctx(),
          ),
        ),
    );
}
