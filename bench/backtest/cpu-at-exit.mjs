// @ts-check
// Loaded with `node --import` by stored.mjs: prints the process's CPU seconds (every thread,
// worker threads and GC included) to stderr when it exits.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  writeSync(2, `\ncpu-seconds=${(userCPUTime + systemCPUTime) / 1e6}\n`);
});
