/**
 * The operator's log of the long-running commands (`serve`, `outbox run`): pino's JSON lines on
 * stderr, apart from the human lines on stdout. Lines name routes, statuses, key ids and error
 * codes, never a customer: what goes in is chosen field by field where a line is written, and no
 * serializer walks an object given to it.
 */
import { errorFields } from "@goodfaith/server";
import { type Logger, pino } from "pino";
import type { CliContext } from "./context.js";

/** The levels `--log-level` takes, from the fewest lines to the most. */
export const LOG_LEVELS = ["silent", "fatal", "error", "warn", "info", "debug"] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The operator's log. */
export type Log = Logger<never, false>;

/** Whether `value` names a level. */
export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * The level the demo serves at: `$GOODFAITH_LOG_LEVEL` when it names one, else `warn`, so a
 * newcomer's terminal shows the demo's own lines, not one JSON line per `curl`.
 */
export function demoLogLevel(): LogLevel {
  const level = process.env.GOODFAITH_LOG_LEVEL ?? "";
  return isLogLevel(level) ? level : "warn";
}

const OPTIONS = {
  // Labels rather than pino's numbers: pino caches each level's text, so this costs nothing.
  formatters: { level: (label: string) => ({ level: label }) },
  // pino's own would copy every property of an error (a pg error's `detail` holds the row's
  // values): an error under `err` is told by its class, code and cleaned message alone.
  serializers: { err: (value: unknown) => (value instanceof Error ? errorFields(value) : value) },
} as const;

/**
 * The log on file descriptor 2, buffered: a line costs a string append, and the buffer is
 * written when it holds 4 KiB or once a second, whichever comes first (so a quiet server's
 * lines are never more than a second late). `flushLog` writes what is left as a command stops.
 */
export function stderrLog(level: LogLevel): Log {
  return pino(
    { ...OPTIONS, level },
    pino.destination({ dest: 2, sync: false, minLength: 4096, periodicFlush: 1000 }),
  ) as Log;
}

/**
 * The log for `ctx`: stderr's own when `ctx` is the process's (`ctx.log`), else each line
 * through `ctx.err`, so tests and embedders see the lines where they see the rest.
 */
export function contextLog(ctx: CliContext, level: LogLevel): Log {
  if (ctx.log !== undefined) return ctx.log(level);
  return pino(
    { ...OPTIONS, level },
    { write: (line: string) => ctx.err(line.endsWith("\n") ? line.slice(0, -1) : line) },
  ) as Log;
}

/**
 * Resolves once every line written so far is out: a command calls it as it stops, rather than
 * leaving the last lines (its stop among them) to the exit hook pino registers.
 */
export function flushLog(log: Log): Promise<void> {
  return new Promise((resolve) => log.flush(() => resolve()));
}
