/**
 * Script (not core logic: it writes a file). Writes `schemas/events.schema.json` at the repository
 * root from the event schemas; with `--check` it writes nothing and exits 1 if the file is stale.
 *
 *   node packages/core/dist/events/generate-json-schema.js [--check] [path]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { renderEventsJsonSchema } from "./json-schema.js";

/** Where the schema lives: the repository root, from `packages/core/{src,dist}/events/`. */
export const DEFAULT_SCHEMA_PATH = fileURLToPath(
  new URL("../../../../schemas/events.schema.json", import.meta.url),
);

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Runs the script with its command-line arguments; returns the exit code. */
export function main(args: readonly string[]): number {
  const check = args.includes("--check");
  const path = args.find((arg) => !arg.startsWith("--")) ?? DEFAULT_SCHEMA_PATH;
  const expected = renderEventsJsonSchema();
  if (check) {
    if (readOrEmpty(path) === expected) return 0;
    console.error(`${path} is stale; run \`npm run build && npm run schemas\` and commit it.`);
    return 1;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, expected);
  console.log(`wrote ${path}`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
