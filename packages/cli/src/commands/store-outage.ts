/**
 * What a long-running command says when its store goes away and comes back: one line each
 * way, however long the outage and however often the command tries in the meantime.
 */
import { isStoreUnavailable } from "@goodfaith/store";
import type { CliContext } from "../io/context.js";
import type { Log } from "../io/log.js";
import { t } from "../messages.js";

/**
 * Why the store is unavailable, for the log: the driver's words and code (a refused
 * connection, a server shutting down), which name no customer; never a query or its values.
 */
export function outageReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * The two lines `who` (the outbox worker, metrics…) says on stderr, in the reader's language:
 * as they are, or with `log` as the `msg` of a log line (`warn`, then `info`) that also gives
 * `who` and the driver's `code` for a machine to read.
 */
export function storeOutageLines(who: string, ctx: CliContext, log?: Log) {
  const unavailable = (error: unknown) =>
    t(ctx.lang, "storeUnavailable", { who, reason: outageReason(error) });
  const back = () => t(ctx.lang, "storeBack", { who });
  if (log === undefined) {
    return {
      unavailable: (error: unknown) => ctx.err(unavailable(error)),
      back: () => ctx.err(back()),
    };
  }
  return {
    unavailable: (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      log.warn(
        { who, event: "store_unavailable", ...(typeof code === "string" && { code }) },
        unavailable(error),
      );
    },
    back: () => log.info({ who, event: "store_back" }, back()),
  };
}

/**
 * A guard for a loop that reads the store now and then: `failed(error)` says the outage once
 * and returns true when `error` is one (the loop goes on), false for anything else (a bug);
 * `succeeded()` says once that the store is back.
 */
export function storeOutageWatch(who: string, ctx: CliContext) {
  const lines = storeOutageLines(who, ctx);
  let down = false;
  return {
    failed(error: unknown): boolean {
      if (!isStoreUnavailable(error)) return false;
      if (!down) lines.unavailable(error);
      down = true;
      return true;
    },
    succeeded(): void {
      if (down) lines.back();
      down = false;
    },
  };
}
