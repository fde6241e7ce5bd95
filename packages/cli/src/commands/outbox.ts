/**
 * `goodfaith outbox run`: the worker that executes due remedies (through the recording or the
 * webhook executor) and sends due webhook deliveries, once or every few seconds until stopped.
 */
import type { RemedyExecutor } from "@goodfaith/core";
import {
  RecordingExecutor,
  runOutbox,
  runWebhookDeliveries,
  WebhookExecutor,
} from "@goodfaith/store";
import { type Command, Option } from "commander";
import { type CliContext, EXIT } from "../io/context.js";
import { t } from "../messages.js";
import { DB_HELP } from "./store-options.js";
import { withWebhooks } from "./webhooks.js";

/** Options of `goodfaith outbox run`. */
export interface OutboxRunOptions {
  readonly db?: string;
  readonly once?: boolean;
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
  /** @default 5000 */
  readonly intervalMs?: number;
  readonly json?: boolean;
  /** Resolves when a looping worker should stop. @default SIGINT or SIGTERM */
  readonly until?: Promise<unknown>;
}

function executorOf(opts: OutboxRunOptions, ctx: CliContext): RemedyExecutor | undefined {
  if ((opts.executor ?? "record") === "record") return new RecordingExecutor();
  const secret = opts.secret ?? process.env.GOODFAITH_EXECUTOR_SECRET;
  if (opts.url === undefined || secret === undefined || secret === "") {
    ctx.err("--executor webhook needs --url and --secret (or GOODFAITH_EXECUTOR_SECRET)");
    return undefined;
  }
  return new WebhookExecutor({
    url: opts.url,
    secret,
    ...(opts.callbackBase !== undefined && { callbackBase: opts.callbackBase }),
  });
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
  let executor: RemedyExecutor | undefined;
  try {
    executor = executorOf(opts, ctx);
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  }
  if (executor === undefined) return EXIT.failure;
  const remedyExecutor = executor;
  return withWebhooks(opts.db, ctx, true, async (store) => {
    let stop = false;
    const done = stopped(opts.until).then(() => {
      stop = true;
    });
    do {
      const remedies = await runOutbox(store, remedyExecutor, {
        ...(opts.leaseMs !== undefined && { leaseMs: opts.leaseMs }),
      });
      const deliveries = await runWebhookDeliveries(store);
      const counts = {
        executed: remedies.executed,
        pending: remedies.pending,
        retried: remedies.retried,
        dead: remedies.dead,
        delivered: deliveries.delivered,
        failed: deliveries.retried,
        deadDeliveries: deliveries.dead,
      };
      if (opts.json) ctx.out(JSON.stringify({ remedies, deliveries }));
      else if (opts.once || remedies.claimed + deliveries.claimed > 0) {
        ctx.out(t(ctx.lang, "outboxRun", counts));
      }
      if (opts.once) break;
      await Promise.race([done, new Promise((r) => setTimeout(r, opts.intervalMs ?? 5000))]);
    } while (!stop);
    if (!opts.once && !opts.json) ctx.out(t(ctx.lang, "outboxStopped"));
    return EXIT.ok;
  });
}

/** Adds `goodfaith outbox` to `program`. */
export function registerOutboxCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const outbox = program
    .command("outbox")
    .description("execute approved remedies and send webhooks");
  outbox
    .command("run")
    .description("run the worker: every few seconds until stopped, or --once")
    .option("--once", "one pass, then exit")
    .addOption(
      new Option("--executor <executor>", "how remedies are carried out")
        .choices(["record", "webhook"])
        .default("record"),
    )
    .option("--url <url>", "the payment endpoint (--executor webhook)")
    .option("--secret <secret>", "its signing secret (default $GOODFAITH_EXECUTOR_SECRET)")
    .option("--callback-base <url>", "the API's address as the payment system reaches it")
    .option(
      "--lease-ms <ms>",
      "how long an unconfirmed remedy waits before it is sent again",
      "300000",
    )
    .option("--interval-ms <ms>", "pause between passes", "5000")
    .option("--db <path-or-url>", DB_HELP)
    .option("--json", "one JSON line per pass: {remedies, deliveries}")
    .addHelpText(
      "after",
      `
record: executes nothing, marks remedies executed (a dry run). webhook: POSTs each remedy,
signed and with its idempotency key, to --url; the payment system answers with the outcome,
or 202 and later POST /v1/remedies/{key}/confirm|fail with an executor key.

Example:
  goodfaith keys create --scope executor --name payments
  goodfaith outbox run --executor webhook --url https://payments.example.com/goodfaith --secret $SECRET`,
    )
    .action(
      async (opts: {
        once?: boolean;
        executor: "record" | "webhook";
        url?: string;
        secret?: string;
        callbackBase?: string;
        leaseMs: string;
        intervalMs: string;
        db?: string;
        json?: boolean;
      }) =>
        setExit(
          await outboxRunCommand(
            {
              executor: opts.executor,
              leaseMs: Number(opts.leaseMs),
              intervalMs: Number(opts.intervalMs),
              ...(opts.once !== undefined && { once: opts.once }),
              ...(opts.url !== undefined && { url: opts.url }),
              ...(opts.secret !== undefined && { secret: opts.secret }),
              ...(opts.callbackBase !== undefined && { callbackBase: opts.callbackBase }),
              ...(opts.db !== undefined && { db: opts.db }),
              ...(opts.json !== undefined && { json: opts.json }),
            },
            ctx(),
          ),
        ),
    );
}
