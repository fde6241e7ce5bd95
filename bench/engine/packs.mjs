// @ts-check
/** The promise packs under test, loaded from the repository the way the CLI loads them. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPromises } from "../../packages/core/dist/index.js";

/** @typedef {import("../../packages/core/dist/index.js").PromiseDocument} PromiseDocument */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** @param {string} pack @returns {PromiseDocument | undefined} */
function loadPack(pack) {
  let text;
  try {
    text = readFileSync(`${ROOT}packs/${pack}/promises.yaml`, "utf8");
  } catch {
    return undefined;
  }
  const result = loadPromises(text, `packs/${pack}/promises.yaml`);
  if (result.ok) return result.value;
  const issues = "issues" in result ? result.issues.slice(0, 3) : [];
  console.error(`packs/${pack}/promises.yaml does not load: ${JSON.stringify(issues)}`);
  return undefined;
}

/**
 * The Bill of Rights under test: the airline's delay refund alone, and the whole EU 261 pack
 * (its cancellation promise listens to `flight.cancelled`, which this stream does not have).
 * Without a loadable EU 261 pack the benchmark runs the airline promise alone.
 */
export function documents() {
  const airline = loadPack("airline");
  const delay = airline?.promises.find((p) => p.id === "delay-refund");
  if (!airline || !delay)
    throw new Error("packs/airline/promises.yaml must load and have delay-refund");
  const eu261 = loadPack("eu261");
  const hasDelayComp = eu261?.promises.some((p) => p.id === "eu261-delay-compensation") ?? false;
  if (!hasDelayComp)
    console.error("! EU 261 pack missing or without eu261-delay-compensation: airline only");
  return {
    docs: [{ ...airline, promises: [delay] }, ...(eu261 && hasDelayComp ? [eu261] : [])],
    eu261: hasDelayComp,
  };
}
