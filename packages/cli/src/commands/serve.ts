/**
 * `goodfaith serve`: the HTTP API over the store, keeping the given promises (then following
 * the set the store keeps in effect, whoever adopts it, and taking up the events other
 * processes ingest into the store, for the guard), and (unless `--no-outbox`) the outbox
 * worker that executes approved remedies and sends webhooks. Runs
 * until SIGINT or SIGTERM, then stops accepting requests, lets the outbox finish the executor
 * call under way and hand back the remedies it claimed but did not start, saves a checkpoint
 * and closes the store.
 */

import type { PromiseDocument, PromiseSetVersion, RemedyExecutor } from "@goodfaith/core";
import {
  createApp,
  followPromises,
  IngestService,
  type PromiseFollower,
  startServer,
} from "@goodfaith/server";
import { DEFAULT_STORE_PATH, type OutboxWorker, startOutboxWorker } from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { compileSources, loadDocuments } from "../io/documents.js";
import { helpOf } from "../io/localized-command.js";
import { contextLog, flushLog, type Log, type LogLevel } from "../io/log.js";
import { t } from "../messages.js";
import {
  addExecutorOptions,
  executorOptionsOf,
  logLevelOption,
  type OutboxExecutorOptions,
  outboxExecutor,
  outboxOutage,
  outboxPassLine,
  perBurst,
} from "./outbox.js";
import { promisesInEffect, promisesInEffectJson, promisesInEffectLine } from "./promise-set.js";
import { dbHelp, openCliStore, redact } from "./store-options.js";
import { storeOutageLines } from "./store-outage.js";

/** Options of `goodfaith serve`; the executor options are those of `goodfaith outbox run`. */
export interface ServeOptions extends OutboxExecutorOptions {
  /** Promise documents to adopt and keep; none: the set the store keeps. */
  readonly promises: readonly string[];
  readonly db?: string;
  /** @default 8080 */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** Requests per second per key; 0 for no limit. @default 1000 */
  readonly rateLimit?: number;
  readonly json?: boolean;
  /**
   * How much of the operator's log goes to stderr: a line per request and the start and stop at
   * `info`, failures at `warn` and `error`. @default "info"
   */
  readonly logLevel?: LogLevel;
  /** Run the outbox worker in this process; false for deployments with separate workers. @default true */
  readonly outbox?: boolean;
  /** Pause between outbox passes. @default 1000 */
  readonly outboxIntervalMs?: number;
  /** Pause between looks for a promise set adopted by another process. @default 5000 */
  readonly promisesPollMs?: number;
  /** Resolves when the server should stop. @default SIGINT or SIGTERM */
  readonly until?: Promise<unknown>;
  /** Called with the server's URL once it listens and has said so (`goodfaith demo` adds its examples). */
  readonly onListening?: (url: string) => void;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}

/** `goodfaith serve`: resolves to the exit code once the server has stopped. */
export async function serveCommand(opts: ServeOptions, ctx: CliContext): Promise<number> {
  const port = opts.port ?? 8080;
  const rate = opts.rateLimit ?? 1000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.err(t(ctx.lang, "badWholeRange", { option: "--port", min: 0, max: 65535 }));
    return EXIT.failure;
  }
  if (!Number.isFinite(rate) || rate < 0) {
    ctx.err(t(ctx.lang, "badNumber", { option: "--rate-limit", min: 0 }));
    return EXIT.failure;
  }
  const outboxMs = opts.outboxIntervalMs ?? 1000;
  if (!Number.isFinite(outboxMs) || outboxMs < 1) {
    ctx.err(t(ctx.lang, "badNumber", { option: "--outbox-interval-ms", min: 1 }));
    return EXIT.failure;
  }
  const pollMs = opts.promisesPollMs ?? 5000;
  if (!Number.isFinite(pollMs) || pollMs < 1) {
    ctx.err(t(ctx.lang, "badNumber", { option: "--promises-poll-ms", min: 1 }));
    return EXIT.failure;
  }
  let executor: RemedyExecutor | undefined;
  if (opts.outbox ?? true) {
    executor = outboxExecutor(opts, ctx);
    if (executor === undefined) return EXIT.failure;
  }
  const loaded =
    opts.promises.length > 0 ? await loadDocuments(opts.promises, ctx.lang) : undefined;
  if (loaded !== undefined && !loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  const store = await openCliStore(opts.db, ctx);
  if (store === undefined) return EXIT.failure;
  const log = contextLog(ctx, opts.logLevel ?? "info");
  let worker: OutboxWorker | undefined;
  let follower: PromiseFollower | undefined;
  // Busy passes are summed until the burst ends; one still running at the stop is said then.
  const bursts = opts.json ? undefined : perBurst((pass) => ctx.out(outboxPassLine(ctx, pass)));
  try {
    const promises = await promisesInEffect(store, loaded, "cli:serve", ctx);
    if (!promises.ok) return promises.exit;
    const { documents } = promises;
    const set = promises.from === "none" ? undefined : promises.set;
    const lines = followerLines(opts, ctx, log, () => ingest.documents);
    const ingest = await IngestService.open(store, documents, {
      ...(set && { set }),
      // Said for every switch, whoever asked for it: a look at the store, POST /v1/promises.
      onSwitched: (next) => next && lines.switched(next),
    });
    const app = createApp({
      store,
      ingest,
      rateLimit: rate === 0 ? false : { perSecond: rate, burst: rate * 2 },
      log,
    });
    const server = await startServer(app, { port, hostname: opts.host ?? "127.0.0.1" });
    const count = documents.reduce((n, d) => n + d.promises.length, 0);
    if (opts.json) {
      ctx.out(
        JSON.stringify({
          listening: server.url,
          docs: `${server.url}/docs`,
          outbox: executor !== undefined,
          promises: promisesInEffectJson(promises),
        }),
      );
    } else {
      const db = redact(opts.db ?? DEFAULT_STORE_PATH);
      ctx.out(t(ctx.lang, "serveListening", { url: server.url }));
      if (promises.from === "kept") {
        const { version, adoptedAt } = promises.set;
        const at = new Date(adoptedAt).toISOString();
        ctx.out(t(ctx.lang, "serveKept", { promises: count, db, version, at }));
      } else {
        ctx.out(t(ctx.lang, "serveServing", { promises: count, db }));
        if (promises.from !== "none") ctx.out(promisesInEffectLine(ctx.lang, promises));
      }
      ctx.out(
        executor === undefined
          ? t(ctx.lang, "serveNoOutbox")
          : t(ctx.lang, "serveOutbox", {
              seconds: outboxMs / 1000,
              executor: opts.executor ?? "record",
            }),
      );
    }
    if (executor !== undefined) {
      // The callback links the payment system is given lead here unless told otherwise: bare
      // paths would leave it to guess the host. (The options were checked before serving.)
      if (opts.callbackBase === undefined)
        executor = outboxExecutor({ ...opts, callbackBase: server.url }, ctx) ?? executor;
      worker = startOutboxWorker(store, executor, {
        intervalMs: outboxMs,
        ...(opts.leaseMs !== undefined && { leaseMs: opts.leaseMs }),
        ...(bursts && { onPass: bursts }),
        // The database away (a restart, a failover): said once each way, tried again meanwhile.
        ...outboxOutage(ctx, log),
        // Anything else is a bug, said each time; the next pass may still do its work.
        onError: (error) => log.error({ who: "outbox", err: error }, "outbox pass failed"),
      });
    }
    // The address and the counts, never the store's location (its URL may carry a password).
    log.info(
      {
        event: "start",
        url: server.url,
        promises: count,
        ...(promises.from !== "none" && { promiseSet: promises.set.version }),
        outbox: executor !== undefined,
      },
      "listening",
    );
    // An API-only deployment may mean it, so this is said, not refused.
    if (count === 0) {
      ctx.err(t(ctx.lang, "serveNoPromises"));
      log.warn(
        { event: "no_promises", promises: 0 },
        "no promises loaded: the guard warns of nothing and events decide no remedy (give -p)",
      );
    }
    // One source of truth: whoever adopts a set (even this process, with -p), the store's
    // current version is the one every server decides with; and whoever ingests an event, the
    // guard sees it within a look.
    follower = followPromises(store, ingest, {
      intervalMs: pollMs,
      compile: (sources) => compileSources(sources, ctx.lang),
      ...lines.onLook,
    });
    opts.onListening?.(server.url);
    await (opts.until ?? signalled());
    // No new requests, and the outbox's call under way recorded and its unstarted claims handed
    // back (due at once for another worker), before the checkpoint and the close.
    await Promise.all([server.close(), worker?.stop(), follower.stop()]);
    bursts?.flush();
    await ingest.checkpoint();
    if (!opts.json) ctx.out(t(ctx.lang, "serveStopped"));
    log.info({ event: "stop" }, "stopped");
    return EXIT.ok;
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    log.error({ event: "failed", err: error }, "serve failed");
    return EXIT.failure;
  } finally {
    await Promise.all([worker?.stop(), follower?.stop()]);
    await store.close();
    await flushLog(log);
  }
}

/**
 * What serve says when the set it decides with changes (`switched`), and what its look at the
 * store finds besides (`onLook`: a set that does not load, the store away and back, a bug).
 */
function followerLines(
  opts: ServeOptions,
  ctx: CliContext,
  log: Log,
  documents: () => readonly PromiseDocument[],
) {
  const outage = storeOutageLines("promises", ctx, log);
  const inEffect = (set: PromiseSetVersion) =>
    ({ ok: true, documents: documents(), from: "followed", set }) as const;
  const switched = (set: PromiseSetVersion) => {
    const found = inEffect(set);
    ctx.out(
      opts.json
        ? JSON.stringify({ promises: promisesInEffectJson(found) })
        : promisesInEffectLine(ctx.lang, found),
    );
    const count = found.documents.reduce((n, d) => n + d.promises.length, 0);
    log.info(
      {
        event: "promises_switched",
        promiseSet: set.version,
        digest: set.digest,
        promises: count,
      },
      `promise set version ${set.version} is now in effect`,
    );
  };
  const onLook = {
    onUnloadable(set: PromiseSetVersion, messages: readonly string[]) {
      const at = new Date(set.adoptedAt).toISOString();
      const { version, actor, digest } = set;
      if (opts.json) {
        ctx.out(JSON.stringify({ unloadable: { version, digest, problems: messages } }));
      } else {
        ctx.out(t(ctx.lang, "promisesFollowUnloadable", { version, at, actor }));
        for (const m of messages) ctx.err(m);
      }
      log.error(
        { event: "promises_unloadable", promiseSet: version, digest, problems: messages.length },
        `promise set version ${version} does not load; the set before it stays in effect`,
      );
    },
    onStoreUnavailable: outage.unavailable,
    onStoreBack: outage.back,
    // Anything else is a bug, said each time; the next look may still succeed.
    onError: (error: unknown) =>
      log.error({ who: "promises", err: error }, "looking for a new promise set failed"),
  };
  return { switched, onLook };
}

/** Adds `goodfaith serve` to `program`. */
export function registerServeCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  addExecutorOptions(program.command("serve").description(h("serve")))
    .option("-p, --promises <files...>", h("servePromises"), [])
    .option("--db <path-or-url>", dbHelp(h))
    .option("--port <port>", h("servePort"), "8080")
    .option("--host <host>", h("serveHost"), "127.0.0.1")
    .option("--rate-limit <n>", h("serveRateLimit"), "1000")
    .option("--no-outbox", h("serveNoOutbox"))
    .option("--outbox-interval-ms <ms>", h("serveOutboxInterval"), "1000")
    .option("--promises-poll-ms <ms>", h("servePromisesPoll"), "5000")
    .option("--json", h("serveJson"))
    .addOption(logLevelOption(h("logLevel")))
    .addHelpText(
      "after",
      afterHelp(
        h("serveNotes"),
        examples(h("serveExample"), [
          "export KEY=$(goodfaith keys create --scope admin --name me --json | jq -r .key)",
          "goodfaith serve -p packs/retail/promises.yaml --port 8080 &",
          'curl --retry 5 --retry-connrefused -H "Authorization: Bearer $KEY" localhost:8080/v1/remedies',
        ]),
      ),
    )
    .action(
      async (
        opts: Parameters<typeof executorOptionsOf>[0] & {
          promises: string[];
          db?: string;
          port: string;
          host: string;
          rateLimit: string;
          outbox: boolean;
          outboxIntervalMs: string;
          promisesPollMs: string;
          json?: boolean;
          logLevel: LogLevel;
        },
      ) =>
        setExit(
          await serveCommand(
            {
              ...executorOptionsOf(opts),
              outbox: opts.outbox,
              logLevel: opts.logLevel,
              outboxIntervalMs: Number(opts.outboxIntervalMs),
              promisesPollMs: Number(opts.promisesPollMs),
              promises: opts.promises,
              port: Number(opts.port),
              host: opts.host,
              rateLimit: Number(opts.rateLimit),
              ...(opts.db !== undefined && { db: opts.db }),
              ...(opts.json !== undefined && { json: opts.json }),
            },
            ctx(),
          ),
        ),
    );
}
