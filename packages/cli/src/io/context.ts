import { type Lang, negotiateLang } from "@goodfaith/core";
import { type Log, type LogLevel, stderrLog } from "./log.js";

/** Where a command writes, and in which language it speaks; tests pass their own. */
export interface CliContext {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly lang: Lang;
  /** The operator's log at `level`; without it, its lines go through `err` (see `contextLog`). */
  readonly log?: (level: LogLevel) => Log;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** A file could not be read, or the command line was wrong. */
  failure: 1,
  /** The input is invalid: a promise document that does not load, or a bad items file. */
  invalid: 2,
  /** The run completed, but some events were rejected (each is reported). */
  rejected: 3,
} as const;

/** The language for human output: `--lang`, else the environment's locale, else English. */
export function cliLang(option: string | undefined): Lang {
  return negotiateLang(
    option ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG?.replace("_", "-"),
  );
}

/** The standard context: stdout, stderr, and the negotiated language. */
export function processContext(lang: string | undefined): CliContext {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    lang: cliLang(lang),
    log: stderrLog,
  };
}
