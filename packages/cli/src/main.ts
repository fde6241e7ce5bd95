#!/usr/bin/env node
/** The `goodfaith` executable. */
import { processContext } from "./io/context.js";
import { buildProgram } from "./program.js";

const program = buildProgram(processContext, (code) => {
  process.exitCode = code;
});
program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`goodfaith: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
