#!/usr/bin/env node
/** The `goodfaith` executable. */
import { processContext } from "./io/context.js";
import { buildProgram } from "./program.js";

// A reader that stops early (`goodfaith run … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const program = buildProgram(processContext, (code) => {
  process.exitCode = code;
});
program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`goodfaith: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
