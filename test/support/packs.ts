/**
 * Test support for promise packs: load a pack's YAML from `packs/<name>/promises.yaml`,
 * run events through a fresh engine, and pick remedies out of the outcomes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Engine } from "../../packages/core/src/engine/engine.js";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Outcome, Remedy } from "../../packages/core/src/engine/outcome.js";
import { formatPath } from "../../packages/core/src/issue.js";
import { toDecimalString } from "../../packages/core/src/money/index.js";
import type { PromiseDocument } from "../../packages/core/src/promises/document.js";
import { loadPromises } from "../../packages/core/src/promises/load.js";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Loads `packs/<name>/promises.yaml`; a pack that does not load fails the test with its issues. */
export function loadPack(name: string): PromiseDocument {
  const file = `${ROOT}packs/${name}/promises.yaml`;
  const result = loadPromises(readFileSync(file, "utf8"), `packs/${name}/promises.yaml`);
  if (!result.ok) {
    const lines = result.issues.map(
      (i) => `${i.line}:${i.column} ${formatPath(i.path)} ${i.code} ${JSON.stringify(i.params)}`,
    );
    throw new Error(`pack ${name} does not load:\n${lines.join("\n")}`);
  }
  return result.value;
}

/** A fresh engine over the named packs. */
export function engineFor(...packs: string[]): Engine {
  return new Engine(packs.map(loadPack));
}

/** Runs events through a fresh engine over the named packs, then advances time to `until`. */
export function run(packs: string[], events: readonly EngineEvent[], until?: string): Outcome[] {
  const engine = engineFor(...packs);
  const out = engine.processAll(events);
  if (until) out.push(...engine.advanceTo(Date.parse(until)));
  return out;
}

/** The remedies among outcomes; fails the test on any evaluation error. */
export function remediesOf(outcomes: readonly Outcome[]): Remedy[] {
  const errors = outcomes.filter((o) => o.type !== "remedy");
  if (errors.length > 0)
    throw new Error(`evaluation errors or rejected events: ${JSON.stringify(errors)}`);
  return outcomes.filter((o): o is Remedy => o.type === "remedy");
}

/** Reads a pack's sample events (JSON lines). */
export function sampleEvents(name: string): EngineEvent[] {
  const text = readFileSync(`${ROOT}packs/${name}/events.jsonl`, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EngineEvent);
}

/** A remedy's amount as "12.50 EUR" style text, for readable assertions. */
export function amountText(r: Remedy): string {
  return r.amount ? `${toDecimalString(r.amount)} ${r.amount.currency}` : "";
}
