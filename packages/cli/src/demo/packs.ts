/**
 * Where the ready-made packs are: found from this file, not from the working directory, so
 * `npx goodfaith demo` works wherever it is started. `src/demo/` and `dist/demo/` are at the
 * same depth under `packages/cli/`, so one path serves the tests and the built command.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PromiseDocument } from "@goodfaith/core";

/** The repository's `packs/` folder. */
export const PACKS_DIR = fileURLToPath(new URL("../../../../packs/", import.meta.url));

/** Every pack's `promises.yaml`, in pack-name order. */
export function packPromiseFiles(dir: string = PACKS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => join(dir, name, "promises.yaml"));
}

/** The ids of the promises that remedy (guard promises only warn at checkout). */
export function remedyPromiseIds(documents: readonly PromiseDocument[]): string[] {
  return documents.flatMap((d) => d.promises.filter((p) => p.guard === undefined).map((p) => p.id));
}
