#!/usr/bin/env node
/** The `goodfaith` executable. */
import { CommanderError } from "commander";
import { cliLang, processContext } from "./io/context.js";
import { describeError } from "./io/file-error.js";
import { buildProgram } from "./program.js";

// A reader that stops early (`goodfaith run … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Help is in the language of the rest, so buildProgram reads --lang from the arguments too.
const program = buildProgram(
  processContext,
  (code) => {
    process.exitCode = code;
  },
  process.argv.slice(2),
);
program.parseAsync(process.argv).catch((err: unknown) => {
  // Commander has already said what was wrong (or printed help or the version).
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
    return;
  }
  // The last resort: still the reader's language for a file that could not be read or written.
  const lang = cliLang(program.opts<{ lang?: string }>().lang);
  process.stderr.write(`goodfaith: ${describeError(err, lang)}\n`);
  process.exitCode = 1;
});
